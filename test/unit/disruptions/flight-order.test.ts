import { describe, expect, it } from 'vitest';
import { judgeOrder } from '../../../src/domain/disruptions/flight-order.ts';
import type { InboundEvent } from '../../../src/domain/disruptions/inbound-events.ts';
import { inboundEvent } from '../../support/fixtures.ts';

const delay = (at: string, extra: Record<string, unknown> = {}): InboundEvent => {
  const event = inboundEvent(
    { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 30 },
    at,
  );
  return { ...event, payload: { ...event.payload, ...extra } } as InboundEvent;
};
const cancel = (at: string) =>
  inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW1234' }, at);
const gate = (at: string) =>
  inboundEvent({ eventType: 'GATE_CHANGE', flightId: 'SW1234', oldGate: 'A1', newGate: 'B2' }, at);

describe('judgeOrder', () => {
  it('lets the first event of a flight advance its order', () => {
    const event = delay('2025-01-15T10:00:00Z');
    expect(judgeOrder(event, undefined)).toEqual({
      verdict: 'advance',
      next: { last_event_at: event.timestamp, last_event_id: event.event_id },
    });
  });

  it('records an older or equally old event as stale, naming the newer one', () => {
    const order = { last_event_at: '2025-01-15T10:00:00Z', last_event_id: 'newer' };
    expect(judgeOrder(delay('2025-01-15T09:00:00Z'), order)).toEqual({
      verdict: 'stale',
      reason: expect.stringContaining('event newer'),
    });
    expect(judgeOrder(delay('2025-01-15T10:00:00+00:00'), order).verdict).toBe('stale');
  });

  it('compares instants, not strings, across offsets', () => {
    const order = { last_event_at: '2025-01-15T10:00:00Z', last_event_id: 'x' };
    expect(judgeOrder(delay('2025-01-15T06:00:00-05:00'), order).verdict).toBe('advance');
  });

  it('lets the event that set the order advance again (an interrupted attempt)', () => {
    const event = delay('2025-01-15T10:00:00Z');
    const order = { last_event_at: event.timestamp, last_event_id: event.event_id };
    expect(judgeOrder(event, order).verdict).toBe('advance');
  });

  it('keeps a cancelled flight terminal for later delays and gate changes until a reinstatement', () => {
    const cancellation = cancel('2025-01-15T10:00:00Z');
    const after = judgeOrder(cancellation, undefined);
    if (after.verdict !== 'advance') throw new Error('cancellation must advance');
    expect(after.next.cancelled_by).toBe(cancellation.event_id);
    expect(judgeOrder(delay('2025-01-15T11:00:00Z'), after.next)).toMatchObject({
      verdict: 'suppressed',
      reason: expect.stringContaining('recorded, not sent'),
    });
    expect(judgeOrder(gate('2025-01-15T11:00:00Z'), after.next).verdict).toBe('suppressed');
    const reinstated = judgeOrder(delay('2025-01-15T11:00:00Z', { reinstated: true }), after.next);
    expect(reinstated.verdict).toBe('advance');
    if (reinstated.verdict === 'advance') expect(reinstated.next.cancelled_by).toBeUndefined();
    expect(judgeOrder(cancel('2025-01-15T12:00:00Z'), after.next).verdict).toBe('advance');
  });
});
