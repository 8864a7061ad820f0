import { describe, expect, it } from 'vitest';
import { enrichEvent } from '../../../src/domain/disruptions/enrich-event.ts';
import { InboundEventSchema } from '../../../src/domain/disruptions/inbound-events.ts';
import {
  CancelledDetailSchema,
  DelayDetailSchema,
  GateChangeDetailSchema,
} from '../../../src/domain/event-routing/bus-events.ts';
import { flight, inboundEvent } from '../../support/fixtures.ts';

describe('enrichEvent', () => {
  it('categorises a delay and carries the flight details, as the specification writes them', () => {
    const event = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 90, reason: 'MECHANICAL' },
      '2025-01-15T07:00:00-06:00',
    );
    const entry = enrichEvent(event, flight('SW5678'), 4);
    expect(entry.source).toBe('flightpulse.kafka-consumer');
    expect(entry.detailType).toBe('flight.delay.major');
    const detail = DelayDetailSchema.parse(entry.detail);
    expect(detail).toMatchObject({
      delay_category: 'MAJOR',
      affected_passengers_count: 4,
      new_departure: '2025-01-15T11:00:00-06:00',
      flight_details: {
        origin: 'HOU',
        destination: 'DEN',
        original_departure: '2025-01-15T09:30:00-06:00',
      },
      timestamp: '2025-01-15T13:00:00.000Z',
    });
  });

  it('builds cancellation and gate change events that validate', () => {
    const cancelled = enrichEvent(
      inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }),
      flight('SW9012'),
      4,
    );
    expect(cancelled.detailType).toBe('flight.cancelled');
    expect(CancelledDetailSchema.parse(cancelled.detail).rebooking_priority).toBe('HIGH');
    const gate = enrichEvent(
      inboundEvent({
        eventType: 'GATE_CHANGE',
        flightId: 'SW3456',
        oldGate: 'A5',
        newGate: 'D15',
        terminalChange: true,
      }),
      flight('SW3456'),
      3,
    );
    expect(gate.detailType).toBe('flight.gate_change');
    expect(GateChangeDetailSchema.parse(gate.detail).terminal_change).toBe(true);
  });
});

describe('inbound event schemas', () => {
  it('accept the three event types and reject what the specification does not allow', () => {
    const good = inboundEvent({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25 });
    expect(InboundEventSchema.safeParse(good).success).toBe(true);
    expect(InboundEventSchema.safeParse({ ...good, event_type: 'FLIGHT_DIVERTED' }).success).toBe(
      false,
    );
    expect(
      InboundEventSchema.safeParse({ ...good, payload: { ...good.payload, reason: 'ALIENS' } })
        .success,
    ).toBe(false);
    expect(InboundEventSchema.safeParse({ ...good, event_id: '' }).success).toBe(false);
    expect(
      InboundEventSchema.safeParse({ ...good, payload: { ...good.payload, delay_minutes: -5 } })
        .success,
    ).toBe(false);
  });
});
