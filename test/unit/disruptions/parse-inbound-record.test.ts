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

  it('rejects a JSON value that is not an object, saying what it is', () => {
    for (const [raw, kind] of [
      ['[1,2,3]', 'an array'],
      ['null', 'null'],
      ['42', 'a number'],
      ['"SW1234"', 'a string'],
    ])
      expect(parseInboundRecord(raw as string)).toEqual({
        ok: false,
        reason: `not an event: the value is ${kind}, not a JSON object`,
      });
  });

  it('says when event_type is missing, and reads the identity beside a broken payload', () => {
    expect(parseInboundRecord(JSON.stringify({ event_id: 'e-2', payload: {} }))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^event_type is missing; expected one of FLIGHT_DELAY/),
      identity: { event_id: 'e-2' },
    });
    const parsed = parseInboundRecord(
      JSON.stringify({ event_id: 'e-3', event_type: 'FLIGHT_DELAY', payload: 'SW1234' }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(/^schema violation: .*payload: /);
      expect(parsed.identity).toEqual({ event_id: 'e-3', event_type: 'FLIGHT_DELAY' });
    }
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
