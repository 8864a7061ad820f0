/**
 * What the benchmark watches while a disruption wave runs: a second stream of events ingested
 * beside the wave (the API's /health: health-probe.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Flight } from '../src/domain/records/flight.ts';
import type { LocalRuntime } from '../src/runtime/local-runtime.ts';
import type { Stage } from '../src/runtime/stage-timings.ts';
import { buildEvent } from '../src/simulator/build-event.ts';
import { settle } from './settle.ts';

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Flights nobody is booked on (positioning and cargo legs): a stream of gate changes for them
 * runs the whole ingest path and starts a workflow, without adding notifications to the wave.
 */
export function quietFlights(like: Flight[], count: number): Flight[] {
  return Array.from({ length: count }, (_, i) => ({
    ...(like[i % like.length] as Flight),
    flight_id: `XQ${String(1000 + (i % 9000)).slice(-4)}`,
  })).slice(0, Math.min(count, 9000));
}

/**
 * Produces `count` events for the quiet flights in chunks, as a producer would, and measures how
 * fast ingest settles them (outcome reported) while the wave runs.
 */
export async function ingestStream(
  runtime: LocalRuntime,
  flights: Flight[],
  count: number,
  chunk = 100,
) {
  const ids = new Set<string>();
  const at = new Date().toISOString();
  const events = Array.from({ length: count }, (_, i) => {
    const flight = flights[i % flights.length] as Flight;
    const id = randomUUID();
    ids.add(id);
    return buildEvent(
      {
        eventType: 'GATE_CHANGE',
        flightId: flight.flight_id,
        oldGate: flight.gate,
        newGate: `Q${1 + (i % 60)}`,
        terminalChange: false,
      },
      flight,
      id,
      new Date(Date.parse(at) + i).toISOString(),
    );
  });
  let settled = 0;
  let lastOutcome = 0;
  const done = new Promise<void>((resolve) => {
    const unsubscribe = runtime.hub.subscribe((activity) => {
      if (activity.kind !== 'event') return;
      const eventId = (activity as { event_id?: string }).event_id;
      if (!eventId || !ids.has(eventId)) return;
      settled++;
      lastOutcome = performance.now();
      if (settled === count) {
        unsubscribe();
        resolve();
      }
    });
  });
  if (count === 0) return { events: 0, seconds: 0, events_per_second: 0, finished_at: 0 };
  const start = performance.now();
  for (let i = 0; i < events.length; i += chunk) {
    await runtime.feed.produce(
      events.slice(i, i + chunk).map((e) => ({
        key: (e.payload as { flight_id: string }).flight_id,
        value: JSON.stringify(e),
      })),
    );
  }
  await done;
  const seconds = (lastOutcome - start) / 1000;
  return {
    events: count,
    seconds,
    events_per_second: seconds > 0 ? count / seconds : 0,
    finished_at: lastOutcome,
  };
}

/** Where a probe hears of notifications: bus announcements and what passengers received. */
export interface NotificationTap {
  onNotification?: (eventId: string | undefined) => void;
  onReceived?: () => void;
}

/**
 * One event at a time, after the wave: each a gate change produced alone on an idle runtime, on
 * a flight with passengers; from its produce to its first notification on the bus (as the wave's
 * per-event number counts) and to the first message a passenger received. The wave's number says
 * how long an event waits behind the others; this says what one event takes, so the first waits
 * until what the wave left the processes doing is over (settle.ts).
 */
export async function singleEvents(runtime: LocalRuntime, flights: Flight[], tap: NotificationTap) {
  await runtime.idle();
  const settled = await settle([process.pid, runtime.storePid, runtime.channelsPid]);
  const announced: number[] = [];
  const received: number[] = [];
  const path = new EventPaths();
  const unwatch = runtime.stages.watch((stage, startedAt, ms) => path.saw(stage, startedAt, ms));
  for (const [i, flight] of flights.entries()) {
    const id = randomUUID();
    const event = buildEvent(
      {
        eventType: 'GATE_CHANGE',
        flightId: flight.flight_id,
        oldGate: flight.gate,
        // A gate no earlier event set, so the notifications are new facts.
        newGate: `S${1 + i}`,
        terminalChange: false,
      },
      flight,
      id,
      new Date().toISOString(),
    );
    await runtime.idle();
    const start = performance.now();
    path.begin(start);
    const heard = new Promise<void>((resolve) => {
      let got = 0;
      const seen = () => ++got === 2 && resolve();
      tap.onNotification = (eventId) => {
        if (eventId !== id) return;
        const at = performance.now() - start;
        announced.push(at);
        path.end(at);
        tap.onNotification = undefined;
        seen();
      };
      tap.onReceived = () => {
        received.push(performance.now() - start);
        tap.onReceived = undefined;
        seen();
      };
    });
    await runtime.feed.produce([{ key: flight.flight_id, value: JSON.stringify(event) }]);
    await heard;
  }
  await runtime.idle();
  unwatch();
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
  };
  return {
    events: flights.length,
    settled,
    ...summary(announced),
    received: summary(received),
    path: path.summary(),
  };
}

/**
 * Each one event's way to its first notification, stage by stage: a stage's first call that
 * began before the notification, when it began (from the produce) and how long it took (a call
 * that ends after the notification, as the batch's sending does, is counted whole). Its later
 * calls are the event's other batches, not on that way.
 */
class EventPaths {
  private readonly firsts = new Map<Stage, { at: number[]; ms: number[] }>();
  private current = new Map<Stage, { at: number; ms: number }>();
  private start = 0;
  private notified = Number.POSITIVE_INFINITY;

  /** A new event is produced: the one before is done (the runtime was idle). */
  begin(start: number): void {
    this.keep();
    this.start = start;
    this.notified = Number.POSITIVE_INFINITY;
  }

  saw(stage: Stage, startedAt: number, ms: number): void {
    const at = startedAt - this.start;
    if (at < 0 || at > this.notified) return;
    const first = this.current.get(stage);
    if (!first || at < first.at) this.current.set(stage, { at, ms });
  }

  /** The event's first notification is out, `at` ms after its produce. */
  end(at: number): void {
    this.notified = at;
  }

  private keep(): void {
    if (Number.isFinite(this.notified))
      for (const [stage, span] of this.current) {
        const firsts = this.firsts.get(stage) ?? { at: [], ms: [] };
        firsts.at.push(span.at);
        firsts.ms.push(span.ms);
        this.firsts.set(stage, firsts);
      }
    this.current = new Map();
  }

  /** Per stage, the median start and duration, in the order the stages begin. */
  summary(): Array<{ stage: Stage; events: number; starts_at_ms: number; ms: number }> {
    this.keep();
    const median = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      );
    return [...this.firsts]
      .map(([stage, { at, ms }]) => ({
        stage,
        events: at.length,
        starts_at_ms: median(at),
        ms: median(ms),
      }))
      .sort((a, b) => a.starts_at_ms - b.starts_at_ms);
  }
}
