import { JournalSender } from '../adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../adapters/delivery/provider-dispatch.ts';
import { createTellPassengers, type TellPassengers } from '../handlers/tell-passengers.ts';
import { awsDependencies } from './aws-dependencies.ts';
import { awsChannelProviders } from './channel-providers.ts';

/**
 * How a function that writes its own messages (offer outcomes, heads-ups, claim notices) tells
 * passengers in AWS: claimed on the table, sent through SES / End User Messaging SMS / SNS push,
 * announced on the bus. The journal is per container; the claim is what holds across them.
 */
export function awsTellPassengers(env: Record<string, string | undefined>): TellPassengers {
  const { publisher, notifications, bookings, clock, recorder } = awsDependencies(env);
  return createTellPassengers({
    publisher,
    claims: notifications,
    sender: new JournalSender(undefined, clock.now, providerDispatch(awsChannelProviders(env))),
    bookings,
    clock,
    metrics: recorder,
  });
}
