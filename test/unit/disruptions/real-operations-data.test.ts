import { describe, expect, it } from 'vitest';
import { readAsUtc } from '../../../src/domain/disruptions/inbound-date-time.ts';
import { MAX_DELAY_MINUTES } from '../../../src/domain/disruptions/inbound-events.ts';
import { parseInboundRecord } from '../../../src/domain/disruptions/parse-inbound-record.ts';
import { inboundEvent } from '../../support/fixtures.ts';
import { referenceProducerEvents } from '../../support/reference-producer-events.ts';

const delay = inboundEvent({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 45 });
const gateChange = inboundEvent({
  eventType: 'GATE_CHANGE',
  flightId: 'SW3456',
  oldGate: 'A5',
  newGate: 'D15',
});
const accepts = (event: unknown) => parseInboundRecord(JSON.stringify(event)).ok;

describe('real operations data', () => {
  it('accepts all thirteen events of the reference producer', () => {
    const events = referenceProducerEvents();
    expect(events).toHaveLength(13);
    for (const event of events) {
      const parsed = parseInboundRecord(JSON.stringify(event));
      expect(parsed.ok ? 'accepted' : parsed.reason).toBe('accepted');
    }
  });

  it('reads an offset-less timestamp as UTC', () => {
    const [first] = referenceProducerEvents();
    const parsed = parseInboundRecord(JSON.stringify(first));
    expect(parsed.ok && parsed.event.timestamp).toBe(`${first?.timestamp}Z`);
    expect(readAsUtc('2025-01-15T14:30')).toBe('2025-01-15T14:30:00Z');
    expect(readAsUtc('2025-01-15T14:30:00-06:00')).toBe('2025-01-15T14:30:00-06:00');
  });

  it('accepts gates as airports name them and refuses what is not a gate', () => {
    const withGate = (gate: string) => ({
      ...gateChange,
      payload: { ...gateChange.payload, new_gate: gate },
    });
    for (const gate of ['9', 'A4A', 'D15', 'T1-B22', 'GATE12', 'b7']) {
      expect(accepts(withGate(gate)), gate).toBe(true);
    }
    for (const gate of ['', 'GATE123', 'A--1', '-A1', 'A1-', 'A 1', 'ABC-DEFG']) {
      expect(accepts(withGate(gate)), gate).toBe(false);
    }
  });

  it('accepts delays up to seven days', () => {
    const withDelay = (minutes: number) => ({
      ...delay,
      payload: { ...delay.payload, delay_minutes: minutes },
    });
    expect(MAX_DELAY_MINUTES).toBe(10_080);
    expect(accepts(withDelay(25 * 60))).toBe(true);
    expect(accepts(withDelay(MAX_DELAY_MINUTES))).toBe(true);
    expect(accepts(withDelay(MAX_DELAY_MINUTES + 1))).toBe(false);
  });

  it('accepts any non-empty event id up to 128 characters', () => {
    for (const id of ['ops-2025/01/15#42', '7', 'x'.repeat(128), 'ÉVÉNEMENT 12']) {
      expect(accepts({ ...delay, event_id: id }), id).toBe(true);
    }
    for (const id of ['', 'x'.repeat(129)]) expect(accepts({ ...delay, event_id: id })).toBe(false);
  });
});
