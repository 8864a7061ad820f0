import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LlmMessenger } from '../adapters/llm/llm-messenger.ts';
import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { Messenger } from '../ports.ts';
import { loadConfig } from '../runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../runtime/local-runtime.ts';
import { loadSampleData } from '../runtime/sample-data.ts';
import { buildScenario, feedRecord, SCENARIO_IDS } from '../simulator/scenarios.ts';
import { checkScenario } from './scenario-checks.ts';
import type { ApiReader, Check, ScenarioRun } from './scenario-run.ts';

export interface ScenarioResult {
  id: number;
  title: string;
  passed: boolean;
  detail_types: string[];
  workflows: Array<{
    name: string;
    status: 'SUCCEEDED' | 'FAILED' | 'RUNNING';
    duration_ms?: number;
    state_transitions: number;
    /** Its Distributed Maps' child executions and their transitions. */
    child_executions: number;
    child_transitions: number;
  }>;
  /** Recorded per channel. */
  notifications: { email: number; sms: number; push: number };
  /**
   * Message segments composed (per event), model calls made, and who wrote the messages. Offer
   * outcomes and weather heads-ups have fixed per-language wording and are never composed, so
   * they are counted apart (`fixed_wording`), not as segments or template fallbacks.
   */
  messages: {
    segments: number;
    segment_keys: string[];
    model_calls: number;
    by_model: number;
    by_template: number;
    fixed_wording: number;
  };
  checks: Check[];
}

export interface DemoResult {
  passed: boolean;
  scenarios: ScenarioResult[];
}

/**
 * Runs scenarios 1–5 on a fresh embedded stack in a temporary directory: each scenario's
 * records go through the feed endpoint, the demo waits until everything settles, then checks
 * the scenario's expectations through the REST API.
 */
export async function runDemo(
  env: Record<string, string | undefined>,
  options: {
    infrastructure: 'embedded' | 'from-environment';
    /** Which scenarios to run (default: all). */
    scenarios?: readonly number[];
  } = { infrastructure: 'embedded' },
): Promise<DemoResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-demo-'));
  const config = loadConfig(env, demoSettings(options.infrastructure, dataDir));
  const runtime = await startLocalRuntime(config);
  try {
    await runtime.seed();
    // Authentication stays on: the demo reads as an agent and posts events as an admin.
    const agent = { authorization: `Bearer ${await runtime.identity.staffToken('agent')}` };
    const admin = { authorization: `Bearer ${await runtime.identity.staffToken('admin')}` };
    const api: ApiReader = async (path, init) => {
      const headers = new Headers(init?.headers);
      if (!headers.has('authorization')) headers.set('authorization', agent.authorization);
      const response = await runtime.app.request(path, { ...init, headers });
      const body = await response.json();
      if (response.status >= 500)
        throw new Error(`${init?.method ?? 'GET'} ${path} answered ${response.status}`);
      return { status: response.status, body: body as never };
    };
    const { passengers } = loadSampleData();
    const helpers = {
      api,
      passengers: new Map(passengers.map((p) => [p.passenger_id, p])),
      claimFormUrl: config.CLAIM_FORM_URL,
    };
    const scenarios: ScenarioResult[] = [];
    for (const id of options.scenarios ?? SCENARIO_IDS) {
      const callsBefore = modelCalls(runtime.messenger);
      const run = await runScenario(id, runtime, api, admin);
      const checks = await checkScenario(run, helpers);
      scenarios.push(scenarioResult(id, run, checks, modelCalls(runtime.messenger) - callsBefore));
    }
    return { passed: scenarios.every((s) => s.passed), scenarios };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo's settings: a fresh data directory, and the e-mails in the embedded mailbox. */
function demoSettings(
  infrastructure: 'embedded' | 'from-environment',
  dataDir: string,
): Record<string, string> {
  const run = `${Date.now()}`;
  const common = { FLIGHTPULSE_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT', SMTP_HOST: '' };
  return infrastructure === 'embedded'
    ? { ...common, DYNAMODB_ENDPOINT: '', KAFKA_BROKERS: '' }
    : // Real Kafka and DynamoDB Local from the environment: a fresh table, topic and group per run.
      {
        ...common,
        TABLE_NAME: `FlightPulseDemo${run}`,
        KAFKA_GROUP_ID: `flightpulse-demo-${run}`,
        KAFKA_TOPIC: `flight-operations-demo-${run}`,
      };
}

/** Feeds one scenario's records, lets it act, waits until it settles, and says what it did. */
async function runScenario(
  id: number,
  runtime: LocalRuntime,
  api: ApiReader,
  admin: { authorization: string },
): Promise<ScenarioRun> {
  const flights = new Map<string, Flight>();
  for (const f of (await api<{ flights: Flight[] }>('/flights?limit=200')).body.flights)
    flights.set(f.flight_id, f);
  const scenario = buildScenario(id, { flights, newId: randomUUID, now: new Date() });
  const busStart = runtime.busEvents.length;
  const executionStart = runtime.executions.length;
  if (scenario.records.length > 0) {
    const response = await runtime.app.request('/feed/flight-operations', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ records: scenario.records.map(feedRecord) }),
    });
    if (response.status !== 202)
      throw new Error(`feed answered ${response.status}: ${await response.text()}`);
  }
  await runtime.idle();
  await scenario.act?.({
    request: async (path, init) => runtime.app.request(path, { ...init, headers: admin }),
    watchWeather: (at) => runtime.watchWeather(at),
  });
  const failures = await runtime.idle();
  return {
    scenario,
    busEvents: runtime.busEvents.slice(busStart),
    executions: runtime.executions.slice(executionStart),
    failures,
    // Only the embedded mailbox can be read back; an outside SMTP server's cannot.
    ...(runtime.smtpPort !== undefined
      ? {
          received: {
            mail: [...runtime.inboxes.mail],
            handset: [...runtime.inboxes.handset],
            recorded: new Set(
              runtime.busEvents
                .filter((e) => e['detail-type'].startsWith('notification.'))
                .map((e) => String(e.detail.notification_id)),
            ),
          },
        }
      : {}),
  };
}

function scenarioResult(
  id: number,
  run: ScenarioRun,
  checks: Check[],
  calls: number,
): ScenarioResult {
  const count = (type: string) => run.busEvents.filter((e) => e['detail-type'] === type).length;
  return {
    id,
    title: run.scenario.title,
    passed: checks.every((c) => c.passed),
    detail_types: [...new Set(run.busEvents.map((e) => e['detail-type']))],
    workflows: run.executions.map((e) => ({
      name: e.state_machine,
      status: e.status,
      state_transitions: e.state_transitions,
      child_executions: (e.map_runs ?? []).reduce((n, r) => n + r.succeeded + r.failed, 0),
      child_transitions: (e.map_runs ?? []).reduce((n, r) => n + r.state_transitions, 0),
      ...(e.duration_ms !== undefined ? { duration_ms: e.duration_ms } : {}),
    })),
    notifications: {
      email: count('notification.email'),
      sms: count('notification.sms'),
      push: count('notification.push'),
    },
    messages: messageStats(run.busEvents, calls),
    checks,
  };
}

function modelCalls(messenger: Messenger): number {
  return messenger instanceof LlmMessenger ? messenger.calls : 0;
}

const FIXED_WORDING = new Set(['REBOOKING_NOTIFICATION', 'WEATHER_HEADS_UP']);

function messageStats(events: BusEvent[], calls: number): ScenarioResult['messages'] {
  const all = events
    .filter((e) => e['detail-type'].startsWith('notification.'))
    .map((e) => e.detail);
  const sent = all.filter((d) => !FIXED_WORDING.has(String(d.message_type)));
  const byModel = sent.filter((d) => d.generated_by === 'LLM').length;
  const keys = [...new Set(sent.map((d) => String(d.segment)))];
  return {
    segments: keys.length,
    segment_keys: keys,
    model_calls: calls,
    by_model: byModel,
    by_template: sent.length - byModel,
    fixed_wording: all.length - sent.length,
  };
}

/** The demo's result for a person to read. */
export function formatDemo(result: DemoResult): string {
  const lines = ['FlightPulse demo: every scenario on a fresh embedded stack', ''];
  for (const s of result.scenarios) {
    lines.push(`${s.passed ? '✔' : '✘'} Scenario ${s.id}: ${s.title}`);
    lines.push(`    events:        ${s.detail_types.join(', ')}`);
    for (const w of s.workflows) {
      lines.push(
        `    workflow:      ${w.name} ${w.status} (${w.state_transitions} state transitions${w.child_executions ? ` + ${w.child_transitions} in ${w.child_executions} child execution${w.child_executions === 1 ? '' : 's'}` : ''}, ${w.duration_ms ?? '?'} ms)`,
      );
    }
    const n = s.notifications;
    lines.push(`    notifications: ${n.email} email, ${n.sms} SMS, ${n.push} push`);
    const m = s.messages;
    lines.push(
      `    messages:      ${m.segments} segments, ${m.model_calls} model calls; ${m.by_model} written by the model, ${m.by_template} from templates, ${m.fixed_wording} fixed wording`,
    );
    for (const c of s.checks)
      lines.push(`      ${c.passed ? '✔' : '✘'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    lines.push('');
  }
  const passed = result.scenarios.filter((s) => s.passed).length;
  lines.push(`${passed} of ${result.scenarios.length} scenarios passed`);
  return lines.join('\n');
}
