import { IGNORED_STATE } from '../domain/disruptions/ignored-reason.ts';
import type { EventLogEntry, ExecutionSummary } from '../ports.ts';

/** A produced record: where it landed and the flight it is keyed by. */
export interface Produced {
  partition: number;
  offset: string;
  key: string | null;
}

/** What finally became of a record, once ingest and (when accepted) its workflow are done. */
export interface FinalOutcome {
  outcome: EventLogEntry['outcome'] | 'FAILED' | 'UNKNOWN';
  line: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A running server and the bearer token to call it with. */
export interface Server {
  url: string;
  token: () => Promise<string>;
}

async function getJson<T>(server: Server, path: string): Promise<T> {
  const url = `${server.url}${path}`;
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${await server.token()}` },
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The ingest outcome of one record, found by its partition and offset. */
async function ingestOutcome(server: Server, record: Produced): Promise<EventLogEntry | undefined> {
  const query = record.key ? `flight_id=${encodeURIComponent(record.key)}&` : '';
  const { events } = await getJson<{ events: EventLogEntry[] }>(
    server,
    `/events?${query}limit=200`,
  ).catch(() => ({ events: [] as EventLogEntry[] }));
  return events.find(
    (e) =>
      e.kafka?.partition === record.partition &&
      e.kafka.offset === record.offset &&
      e.outcome !== ('RECEIVED' as string),
  );
}

async function finishedRun(server: Server, entry: EventLogEntry) {
  const { executions } = await getJson<{ executions: ExecutionSummary[] }>(
    server,
    `/executions?flight_id=${encodeURIComponent(entry.flight_id ?? '')}&limit=200`,
  );
  return executions.find((e) => e.event_id === entry.event_id && e.status !== 'RUNNING');
}

/**
 * Waits for the outcome of one record: REJECTED or DUPLICATE at ingest, or, for an accepted
 * event, the end of its workflow — which may have left it alone (IGNORED, with the reason).
 */
export async function awaitOutcome(
  server: Server,
  record: Produced,
  deadline: number,
): Promise<FinalOutcome> {
  let entry: EventLogEntry | undefined;
  while (!entry && Date.now() < deadline) {
    entry = await ingestOutcome(server, record);
    if (!entry) await sleep(200);
  }
  if (!entry) return { outcome: 'UNKNOWN', line: 'not ingested in time; see GET /events' };
  if (entry.outcome !== 'ACCEPTED' || !entry.flight_id)
    return { outcome: entry.outcome, line: describe(entry) };
  let run: ExecutionSummary | undefined;
  while (!run && Date.now() < deadline) {
    run = await finishedRun(server, entry);
    if (!run) await sleep(300);
  }
  if (!run)
    return {
      outcome: 'UNKNOWN',
      line: `${describe(entry)}; its workflow is still running (see GET /executions?flight_id=${entry.flight_id})`,
    };
  if (run.status === 'FAILED')
    return { outcome: 'FAILED', line: `${describe(entry)} → ${run.state_machine} FAILED` };
  if (run.steps.some((s) => s.name === IGNORED_STATE && s.entered > 0)) {
    // The event log is marked right after the run ends.
    let ignored = entry;
    for (let i = 0; i < 20 && ignored.outcome !== 'IGNORED'; i++) {
      await sleep(100);
      ignored = (await ingestOutcome(server, record)) ?? ignored;
    }
    return { outcome: 'IGNORED', line: describe({ ...ignored, outcome: 'IGNORED' }) };
  }
  return {
    outcome: 'ACCEPTED',
    line: `${describe(entry)} → ${run.state_machine} ${run.status} in ${run.duration_ms ?? '?'} ms`,
  };
}

function describe(entry: EventLogEntry): string {
  const what = entry.event_id ?? `partition ${entry.kafka.partition} offset ${entry.kafka.offset}`;
  return `${what}: ${entry.outcome}${entry.detail_type ? ` as ${entry.detail_type}` : ''}${entry.reason ? ` — ${entry.reason}` : ''}`;
}
