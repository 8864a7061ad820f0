import { describe, expect, it } from 'vitest';
import { judgeFlightEvents } from '../../../src/domain/disruptions/judge-flight-events.ts';
import { inboundEvent } from '../../support/fixtures.ts';

const delay = (at: string) =>
  inboundEvent({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 30 }, at);
const cancel = (at: string) =>
  inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW1234' }, at);

describe('judgeFlightEvents', () => {
  it('judges each event against the order the ones before it moved', () => {
    const [a, b, c, d] = [
      delay('2025-01-15T10:00:00Z'),
      delay('2025-01-15T09:00:00Z'),
      cancel('2025-01-15T11:00:00Z'),
      delay('2025-01-15T12:00:00Z'),
    ];
    const judged = judgeFlightEvents([a, b, c, d], undefined);
    expect(judged.verdicts.map((v) => v.verdict)).toEqual([
      'advance',
      'stale',
      'advance',
      'suppressed',
    ]);
    expect(judged.commit).toMatchObject({
      last_event_id: c.event_id,
      cancelled_by: c.event_id,
      applied: { [a.event_id]: { verdict: 'advance' } },
    });
  });

  it('keeps the verdicts an earlier attempt stored, and writes nothing when nothing moved', () => {
    const [a, b] = [delay('2025-01-15T10:00:00Z'), delay('2025-01-15T11:00:00Z')];
    const first = judgeFlightEvents([a, b], undefined);
    const again = judgeFlightEvents([a, b], first.commit);
    expect(again.verdicts).toEqual(first.verdicts);
    expect(again.commit).toBeUndefined();
    const older = judgeFlightEvents([delay('2025-01-15T08:00:00Z')], first.commit);
    expect(older.verdicts[0]?.verdict).toBe('stale');
    expect(older.commit).toBeUndefined();
  });
});
