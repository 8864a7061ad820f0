import { describe, expect, it } from 'vitest';
import { TemplateMessenger } from '../../../src/adapters/llm/template-messenger.ts';
import { createComposeSegments } from '../../../src/handlers/generate-messages.ts';
import { createGetPassengerDetails } from '../../../src/handlers/get-passenger-details.ts';
import { createSendNotifications } from '../../../src/handlers/send-notifications.ts';
import { channelFakes } from '../../support/channel-fakes.ts';
import {
  CountingMetrics,
  InMemoryStores,
  RecordingSender,
  SilentLog,
} from '../../support/fakes.ts';
import { disruption, sample } from '../../support/fixtures.ts';

/** Every personal detail of every sample passenger: none may appear in workflow state. */
const personal = sample.passengers.flatMap((p) => [p.first_name, p.last_name, p.email, p.phone]);

describe('workflow state between the message steps', () => {
  it('carries booking and passenger ids and placeholder messages only; contact details are read at send time', async () => {
    const stores = new InMemoryStores();
    const cancelled = disruption({
      eventType: 'FLIGHT_CANCELLED',
      flightId: 'SW9012',
      reason: 'CREW',
    });
    const task = { kind: cancelled.kind, detail: cancelled.detail };
    const booking_ids = [...stores.bookings.values()]
      .filter((b) => b.flight_id === 'SW9012')
      .map((b) => b.booking_id);

    const passengers = await createGetPassengerDetails({ bookings: stores })({ booking_ids });
    const generated = await createComposeSegments({
      messenger: new TemplateMessenger(),
      metrics: new CountingMetrics(),
      log: new SilentLog(),
      bookings: stores,
    })({ ...task, recipients: passengers.recipients });
    const state = JSON.stringify({ ...task, passengers, generated });
    for (const detail of personal) expect(state).not.toContain(detail);
    expect(generated.composed.length).toBeGreaterThan(0);

    const sender = new RecordingSender();
    const sent = await createSendNotifications({
      ...channelFakes({ sender, bookings: stores }),
      log: new SilentLog(),
      rights: { effectiveDates: {}, claimFormUrl: 'https://claims.example/claim' },
    })({ ...task, recipients: passengers.recipients, composed: generated.composed });
    expect(sent.email + sent.sms).toBe(sender.sent.length);
    // The send step found each passenger's contact details itself.
    for (const n of sender.sent) {
      const p = stores.passengers.get(n.passenger_id);
      expect([p?.email, p?.phone]).toContain(n.recipient);
      expect(n.body).toContain(p?.first_name);
    }
  });
});
