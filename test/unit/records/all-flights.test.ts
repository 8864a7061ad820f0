import { describe, expect, it } from 'vitest';
import { allFlights } from '../../../src/ports/all-pages.ts';
import { flight } from '../../support/fixtures.ts';

describe('allFlights', () => {
  it('lists a flight whose status moved while the list was read once, as read last', async () => {
    const scheduled = { ...flight('SW1234'), status: 'SCHEDULED' as const };
    const delayed = { ...scheduled, status: 'DELAYED' as const };
    const other = flight('SW5678');
    // Status by status: SW1234 read as SCHEDULED, then (moved meanwhile) again as DELAYED.
    const pages = [
      { items: [scheduled, other], nextCursor: 'delayed' },
      { items: [delayed], nextCursor: undefined },
    ];
    const listFlights = async (page?: { cursor?: string }) =>
      page?.cursor === 'delayed'
        ? (pages[1] as (typeof pages)[1])
        : (pages[0] as (typeof pages)[0]);

    const all = await allFlights({ listFlights });

    expect(all.map((f) => [f.flight_id, f.status])).toEqual([
      ['SW1234', 'DELAYED'],
      ['SW5678', other.status],
    ]);
  });
});
