import type { ParseArgsOptionsConfig } from 'node:util';

/** One command of the CLI: what it does, its flags, and the lines `--help` prints. */
export interface CommandSpec {
  summary: string;
  usage: string;
  options: ParseArgsOptionsConfig;
  positionals?: number;
}

const common: ParseArgsOptionsConfig = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
};
const dataDir: ParseArgsOptionsConfig = { 'data-dir': { type: 'string' } };
const url: ParseArgsOptionsConfig = {
  url: { type: 'string' },
  // The data directory of the server, whose local issuer signs the CLI's admin token.
  'data-dir': { type: 'string' },
  wait: { type: 'boolean', default: true },
};

export const COMMANDS: Record<string, CommandSpec> = {
  start: {
    summary: 'Run FlightPulse locally: REST API, console, embedded Kafka feed, workflows',
    usage: `flightpulse start [--port N] [--data-dir DIR]
  --port N        HTTP port, 0–65535 (PORT, default 3000)
  --data-dir DIR  embedded store and log files (FLIGHTPULSE_DATA_DIR, default .flightpulse)`,
    options: { ...common, ...dataDir, port: { type: 'string' } },
  },
  seed: {
    summary: 'Load the sample flights, passengers and bookings (existing items are kept)',
    usage: `flightpulse seed [--data-dir DIR | --aws]
  --data-dir DIR  the embedded store (through a running flightpulse start when one serves it)
  --aws           the deployed table (AWS credentials, AWS_REGION, TABLE_NAME)
  DYNAMODB_ENDPOINT=URL targets DynamoDB Local or another endpoint instead`,
    options: { ...common, ...dataDir, aws: { type: 'boolean' } },
  },
  produce: {
    summary: 'Send one operations event to a running server and wait for its outcome',
    usage: `flightpulse produce --event-type TYPE --flight-id ID [options]
flightpulse produce --event JSON|@FILE|- [--flight-id ID]
  --event-type          FLIGHT_DELAY, FLIGHT_CANCELLED or GATE_CHANGE
  --flight-id ID        e.g. SW1234 (with --event: the record key, so it is listed under that flight)
  --delay-minutes N     1–10080, up to 7 days (FLIGHT_DELAY, default 30)
  --reason R            WEATHER, MECHANICAL, CREW, ATC, SECURITY, OTHER (cancellations: no ATC, SECURITY)
  --reason-detail TEXT  --rebooking-priority HIGH|NORMAL|LOW  --event-id UUID
  --old-gate G --new-gate G [--terminal-change]   (GATE_CHANGE; gates like A12)
  --event JSON|@FILE|-  a hand-written event, sent as written (ingest validates it)
  --url URL             the server (FLIGHTPULSE_URL, default http://127.0.0.1:3000)
  --data-dir DIR        the server's data directory: its local issuer signs the admin token
                        (FLIGHTPULSE_TOKEN=… sends that token instead)
  --no-wait             do not wait for the outcome
Exit code 0 when the event was applied (or was a duplicate), 1 when rejected, ignored or failed.`,
    options: {
      ...common,
      ...url,
      event: { type: 'string' },
      'event-type': { type: 'string' },
      'flight-id': { type: 'string' },
      'delay-minutes': { type: 'string' },
      reason: { type: 'string' },
      'reason-detail': { type: 'string' },
      'rebooking-priority': { type: 'string' },
      'old-gate': { type: 'string' },
      'new-gate': { type: 'string' },
      'terminal-change': { type: 'boolean' },
      'event-id': { type: 'string' },
    },
  },
  scenario: {
    summary: 'Run a test scenario (1–5) against a running server and wait for the outcomes',
    usage: `flightpulse scenario N [--url URL] [--no-wait]
  N          1–5, the specification's scenarios
  --url URL  the server (FLIGHTPULSE_URL, default http://127.0.0.1:3000)
  --data-dir DIR  the server's data directory, whose local issuer signs the admin token
  --no-wait  do not wait for the outcomes
Exit code 0 when every record ended as the scenario expects (scenario 5's bad records are expected).`,
    options: { ...common, ...url },
    positionals: 1,
  },
  generate: {
    summary: 'Write a reproducible synthetic airline day into the store (batched writes)',
    usage: `flightpulse generate [--flights N] [--passengers M] [--seed S] [--hubs H] [--data-dir DIR] [--json]
  --flights N      1–9000 (default 100)      --passengers M  1–5,000,000 (default 15,000)
  --seed S         any whole number (default 42)   --hubs H  1–12 (default 12)
  --json           one JSON object on stdout, no progress`,
    options: {
      ...common,
      ...dataDir,
      flights: { type: 'string' },
      passengers: { type: 'string' },
      seed: { type: 'string' },
      hubs: { type: 'string' },
      json: { type: 'boolean' },
    },
  },
  messages: {
    summary: 'Preview the messages each passenger of a flight would receive, and the segment count',
    usage: `flightpulse messages --flight ID --type TYPE [options]
  --type            DELAY, CANCELLATION or GATE_CHANGE
  --delay-minutes N 1–1440 (default 45)   --new-gate G (default D15)   --terminal-change
  --data-dir DIR    the store to read the flight from (the sample data when it is not there)`,
    options: {
      ...common,
      ...dataDir,
      flight: { type: 'string' },
      type: { type: 'string' },
      'delay-minutes': { type: 'string' },
      'new-gate': { type: 'string' },
      'terminal-change': { type: 'boolean' },
    },
  },
  rights: {
    summary: 'Judge one passenger-rights case read from stdin (EU261, UK261, APPR, DOT)',
    usage: `flightpulse rights [--json] < case.json
  --json  one JSON object on stdout`,
    options: { ...common, json: { type: 'boolean' } },
  },
  weather: {
    summary: 'Assess one airport\'s weather: reads {"airport", "metar", "taf"?, "at"?} on stdin',
    usage: `flightpulse weather assess [--json] < query.json
  --json  one JSON object on stdout`,
    options: { ...common, json: { type: 'boolean' } },
    positionals: 1,
  },
  token: {
    summary: 'Print a bearer token signed by the local issuer (keys in the data directory)',
    usage: `flightpulse token --role ROLE [--booking ID [--passenger ID]] [--ttl 1h] [--data-dir DIR]
  --role ROLE      ops-viewer, agent, admin or passenger
  --booking ID     a passenger token is bound to this one booking
  --passenger ID   the booking's passenger (otherwise asked of the running server at --url)
  --ttl T          lifetime: 90s, 15m, 1h (default), 2d; at most 7d
  --data-dir DIR   whose issuer signs (FLIGHTPULSE_DATA_DIR, default .flightpulse)
  --url URL        the server to ask for a booking's passenger (FLIGHTPULSE_URL)`,
    options: {
      ...common,
      ...dataDir,
      url: { type: 'string' },
      role: { type: 'string' },
      booking: { type: 'string' },
      passenger: { type: 'string' },
      ttl: { type: 'string' },
    },
  },
  demo: {
    summary: 'Run scenarios 1–5 on a fresh embedded stack and check every expectation',
    usage: `flightpulse demo [--json]
  --json  one JSON object on stdout (through npm: npm run -s demo -- --json)`,
    options: { ...common, json: { type: 'boolean' } },
  },
};

export const ENVIRONMENT = `Environment: PORT, FLIGHTPULSE_DATA_DIR, FLIGHTPULSE_TOKEN, PUBLIC_URL, TABLE_NAME, EVENT_BUS_NAME, DYNAMODB_ENDPOINT, AWS_REGION,
             LOG_LEVEL, FLIGHTPULSE_URL (default http://127.0.0.1:3000), KAFKA_BROKERS, KAFKA_TOPIC
LLM:         LLM_PROVIDER (none|bedrock|anthropic|openai), LLM_MODEL, BEDROCK_MODEL_ID,
             AWS_ENDPOINT_URL_BEDROCK_RUNTIME, ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY,
             OPENAI_BASE_URL, OPENAI_API_KEY, LLM_TIMEOUT_MS, LLM_MAX_RETRIES, LLM_CONCURRENCY`;

/** The overview `flightpulse --help` prints. */
export function overview(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, spec]) => `  ${name.padEnd(10)}  ${spec.summary}`,
  );
  return `Usage: flightpulse <command> [options]   (flightpulse <command> --help for its options)

Commands:
${lines.join('\n')}

Every command takes --help, and --debug to show a stack trace when something fails.
Exit codes: 0 done, 1 failed (one line says why), 2 wrong usage.

${ENVIRONMENT}`;
}
