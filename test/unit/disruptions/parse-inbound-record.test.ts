import { describe, expect, it } from 'vitest';
import { parseInboundRecord } from '../../../src/domain/disruptions/parse-inbound-record.ts';
import { inboundEvent } from '../../support/fixtures.ts';

describe('parseInboundRecord', () => {
  it('accepts a valid delay event as it was sent', () => {
    const event = inboundEvent({
      eventType: 'FLIGHT_DELAY',
      flightId: 'SW1234',
      delayMinutes: 45,
      reason: 'MECHANICAL',
    });
    expect(parseInboundRecord(JSON.stringify(event))).toEqual({ ok: true, event });
  });

  it('rejects text that is not JSON, naming the parse error', () => {
    const parsed = parseInboundRecord('{"event_id": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^invalid JSON: /);
  });

  it('rejects an unknown event type and keeps what it could read', () => {
    const parsed = parseInboundRecord(
      JSON.stringify({ event_id: 'e-1', event_type: 'PING', payload: { flight_id: 'SW1234' } }),
    );
    expect(parsed).toEqual({
      ok: false,
      reason: expect.stringMatching(/^unknown event type "PING"; expected one of FLIGHT_DELAY/),
      identity: { event_id: 'e-1', event_type: 'PING', flight_id: 'SW1234' },
    });
  });

  it('rejects a JSON value that is not an object without an identity', () => {
    const parsed = parseInboundRecord('[1,2,3]');
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/unknown event type null/) });
  });

  it('names every schema problem with its path', () => {
    const event = inboundEvent({
      eventType: 'FLIGHT_CANCELLED',
      flightId: 'SW9012',
      reason: 'WEATHER',
    });
    const broken = { ...event, payload: { ...event.payload, reason: 'ALIENS' }, timestamp: 'soon' };
    const parsed = parseInboundRecord(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(/^schema violation: /);
      expect(parsed.reason).toContain('payload.reason');
      expect(parsed.reason).toContain('timestamp');
      expect(parsed.identity?.flight_id).toBe('SW9012');
    }
  });
});
