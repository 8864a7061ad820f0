// Lambda entry: workflow task SendNotifications — read the passengers, fill, claim, send
// through SES / SMS / push, mark.
import { JournalSender } from '../adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../adapters/delivery/provider-dispatch.ts';
import { createSendNotifications } from '../handlers/send-notifications.ts';
import { withMetrics } from './aws-dependencies.ts';
import { awsChannelProviders } from './channel-providers.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';

const { publisher, notifications, bookings, clock, recorder, metrics, log, rights, offers, links } =
  rebookingDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createSendNotifications({
    publisher,
    claims: notifications,
    // In memory per container: the claim in front of it is what holds across invocations.
    sender: new JournalSender(
      undefined,
      clock.now,
      providerDispatch(awsChannelProviders(process.env)),
    ),
    bookings,
    clock,
    metrics: recorder,
    log,
    rights,
    offerLinks: { offers, links },
  }),
);
