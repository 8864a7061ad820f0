// The fault-injection suite: real `flightpulse start` processes, killed with SIGKILL at chosen
// points of a 3,000-booking cancellation wave, restarted on the same data directory and counted.
// Prints per case: expected, sent, lost, duplicated; exits 1 unless every case has 0 lost, 0
// duplicated and the end state of an uninterrupted run.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../../src/adapters/delivery/journal-sender.ts';
import { all, call } from './fault-client.ts';
import { generateWave, type Server, startServer } from './fault-processes.ts';
import { hostileCorpus } from './hostile-corpus.ts';

interface Flight {
  flight_id: string;
  status: string;
}
interface Outcome {
  name: string;
  expected: number;
  sent: number;
  lost: number;
  duplicated: number;
  endStateMatches: boolean;
  notes: string[];
}

const PORT = Number(process.env.FAULTS_PORT ?? 3917);
const base = `http://127.0.0.1:${PORT}`;
const root = mkdtempSync(join(tmpdir(), 'flightpulse-faults-'));
const template = join(root, 'template');

/** A cancellation for each flight (the wave), stamped now. */
function cancellation(flightId: string, at = new Date()) {
  return {
    event_id: randomUUID(),
    event_type: 'FLIGHT_CANCELLED',
    timestamp: at.toISOString(),
    source: 'operations_center',
    payload: {
      flight_id: flightId,
      reason: 'WEATHER',
      reason_detail: 'Thunderstorms over the hub',
      rebooking_priority: 'HIGH',
    },
  };
}

function delay(flightId: string, at: Date, minutes: number) {
  const departure = new Date(at.getTime() + 3600_000 + minutes * 60_000).toISOString();
  return {
    event_id: randomUUID(),
    event_type: 'FLIGHT_DELAY',
    timestamp: at.toISOString(),
    source: 'operations_center',
    payload: {
      flight_id: flightId,
      delay_minutes: minutes,
      reason: 'CREW',
      reason_detail: 'Crew rest',
      new_departure: departure,
      new_arrival: new Date(Date.parse(departure) + 7200_000).toISOString(),
    },
  };
}

async function produce(records: unknown[]): Promise<void> {
  const response = await call(base, '/feed/flight-operations', {
    method: 'POST',
    body: { records },
  });
  if (response.status !== 202) throw new Error(`feed answered ${response.status}`);
}

interface EndState {
  flights: string[];
  needsRebooking: string[];
}

async function endState(): Promise<EndState> {
  const flights = await all<Flight>(base, '/flights', 'flights');
  const bookings = await all<{ booking_id: string }>(
    base,
    '/bookings?status=NEEDS_REBOOKING',
    'bookings',
  );
  return {
    flights: flights.map((f) => `${f.flight_id}=${f.status}`).sort(),
    needsRebooking: bookings.map((b) => b.booking_id).sort(),
  };
}

/** Waits until the journal and the runs stop changing (everything settled). */
async function settle(dataDir: string, expected: number): Promise<void> {
  const journal = join(dataDir, 'deliveries.jsonl');
  let last = -1;
  let quiet = 0;
  const deadline = Date.now() + 600_000;
  while (quiet < 6 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const lines = existsSync(journal) ? readJournal(journal).length : 0;
    // Below the expected count a restarted server may be re-marking bookings for a while before
    // it sends again: give up only after a minute without a new send.
    quiet = lines === last && lines >= expected ? quiet + 1 : lines === last ? quiet + 0.05 : 0;
    last = lines;
  }
}

/** Counts the journal against the expected notifications: what was sent, lost, duplicated. */
function count(dataDir: string, expected: Set<string>) {
  const file = join(dataDir, 'deliveries.jsonl');
  const lines = existsSync(file) ? readJournal(file) : [];
  // Counted by what the passenger sees (flight, booking, channel), independent of the claim key.
  const seen = new Map<string, number>();
  for (const line of lines) {
    const fact = `${line.flight_id}:${line.booking_id}:${line.channel}`;
    seen.set(fact, (seen.get(fact) ?? 0) + 1);
  }
  const lost = [...expected].filter((fact) => !seen.has(fact)).length;
  const duplicated = [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return { sent: lines.length, lost, duplicated, facts: new Set(seen.keys()) };
}

export interface Case {
  name: string;
  /** Produces the wave (and whatever else) and kills the server at the case's point. */
  run(server: Server, dataDir: string, flights: string[]): Promise<string[]>;
  env?: Record<string, string>;
}

async function runCase(
  c: Case,
  flights: string[],
  reference: { facts: Set<string>; state: EndState } | undefined,
): Promise<Outcome & { facts: Set<string>; state: EndState }> {
  const dataDir = join(root, c.name.replace(/\W+/g, '-'));
  cpSync(template, dataDir, { recursive: true });
  let server = await startServer(dataDir, PORT, c.env);
  const notes = await c.run(server, dataDir, flights);
  if (!server.alive()) server = await startServer(dataDir, PORT, c.env);
  await settle(dataDir, reference?.facts.size ?? 1);
  const state = await endState();
  await server.stop();
  const counted = count(dataDir, reference?.facts ?? new Set());
  const expected = reference?.facts ?? counted.facts;
  const matches =
    !reference ||
    (JSON.stringify(state.flights) === JSON.stringify(reference.state.flights) &&
      JSON.stringify(state.needsRebooking) === JSON.stringify(reference.state.needsRebooking));
  if (!matches && reference) notes.push(`end state differs: ${difference(state, reference.state)}`);
  rmSync(dataDir, { recursive: true, force: true });
  return {
    name: c.name,
    expected: expected.size,
    sent: counted.sent,
    lost: reference ? counted.lost : 0,
    duplicated: counted.duplicated,
    endStateMatches: matches,
    notes,
    facts: counted.facts,
    state,
  };
}

/** The first few entries on which two end states disagree, for the report. */
function difference(a: EndState, b: EndState): string {
  const only = (x: string[], y: string[]) => x.filter((v) => !y.includes(v)).slice(0, 5);
  return JSON.stringify({
    flights_here: only(a.flights, b.flights),
    flights_reference: only(b.flights, a.flights),
    rebooking_here: only(a.needsRebooking, b.needsRebooking),
    rebooking_reference: only(b.needsRebooking, a.needsRebooking),
  });
}

async function main(): Promise<void> {
  const flights = await generateWave(template);
  const { cases, baseline } = await import('./fault-cases.ts');
  const reference = await runCase(baseline({ produce, cancellation, delay }), flights, undefined);
  const outcomes: Outcome[] = [reference];
  console.log(`reference: ${reference.sent} sent, ${reference.facts.size} facts`);
  for (const c of cases({ produce, cancellation, delay, hostileCorpus, base })) {
    const outcome = await runCase(c, flights, reference);
    console.log(
      `${outcome.name}: expected ${outcome.expected}, sent ${outcome.sent}, lost ${outcome.lost}, duplicated ${outcome.duplicated}, end state ${outcome.endStateMatches ? 'same' : 'DIFFERENT'} ${outcome.notes.join('; ')}`,
    );
    outcomes.push(outcome);
  }
  console.log(
    '\ncase                               expected   sent   lost   duplicated   end state',
  );
  for (const o of outcomes) {
    console.log(
      `${o.name.padEnd(34)} ${String(o.expected).padStart(8)} ${String(o.sent).padStart(6)} ${String(o.lost).padStart(6)} ${String(o.duplicated).padStart(12)}   ${o.endStateMatches ? 'same' : 'DIFFERENT'}${o.notes.length ? `  (${o.notes.join('; ')})` : ''}`,
    );
  }
  rmSync(root, { recursive: true, force: true });
  const failed = outcomes.filter(
    (o) =>
      o.lost > 0 ||
      o.duplicated > 0 ||
      !o.endStateMatches ||
      o.notes.some((n) => n.startsWith('FAIL')),
  );
  if (failed.length > 0) {
    console.error(`FAILED: ${failed.map((o) => o.name).join(', ')}`);
    process.exit(1);
  }
  console.log('every case: 0 lost, 0 duplicated, end state of the uninterrupted run');
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
});
