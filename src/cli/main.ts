import { parseArgs } from 'node:util';
import { ConfigError } from '../runtime/config.ts';
import { demoCommand } from './demo-command.ts';
import { generateCommand } from './generate-command.ts';
import { messagesCommand } from './messages-command.ts';
import { produceCommand, scenarioCommand } from './produce-command.ts';
import { rightsCommand } from './rights-command.ts';
import { seedCommand } from './seed-command.ts';
import { startCommand } from './start-command.ts';
import { UsageError } from './usage-error.ts';
import { weatherCommand } from './weather-command.ts';

const USAGE = `Usage: flightpulse <command> [options]

Commands:
  start       Run FlightPulse locally: REST API, embedded Kafka feed, workflows
              --port N (PORT, default 3000)  --data-dir DIR (FLIGHTPULSE_DATA_DIR, default .flightpulse)
  seed        Load the sample flights, passengers and bookings (existing items are kept)
              --data-dir DIR, or DYNAMODB_ENDPOINT, or --aws for the deployed table (AWS credentials)
  produce     Send one operations event to a running server
              --event-type FLIGHT_DELAY|FLIGHT_CANCELLED|GATE_CHANGE --flight-id ID
              [--delay-minutes N] [--reason R] [--reason-detail TEXT] [--rebooking-priority HIGH|NORMAL|LOW]
              [--old-gate G] [--new-gate G] [--terminal-change] [--event-id ID] [--url URL]
  scenario N  Run test scenario N (1–5) against a running server [--url URL]
  generate    Write a reproducible synthetic airline day into the store (batched writes)
              --flights N --passengers M [--seed S] [--hubs H] [--data-dir DIR]
  messages    Preview the messages each passenger of a flight would receive, and the segment count
              --flight ID --type DELAY|CANCELLATION|GATE_CHANGE [--delay-minutes N] [--new-gate G] [--terminal-change]
  rights      Judge one passenger-rights case read from stdin (EU261, UK261, APPR, DOT) [--json]
  demo        Run scenarios 1–5 on a fresh embedded stack and check every expectation [--json]
  weather assess  Assess one airport's weather: reads {"airport", "metar", "taf"?, "at"?} on stdin [--json]

Environment: PORT, FLIGHTPULSE_DATA_DIR, TABLE_NAME, EVENT_BUS_NAME, DYNAMODB_ENDPOINT, AWS_REGION,
             LOG_LEVEL, FLIGHTPULSE_URL (default http://127.0.0.1:3000)
LLM:         LLM_PROVIDER (none|bedrock|anthropic|openai), LLM_MODEL, BEDROCK_MODEL_ID,
             AWS_ENDPOINT_URL_BEDROCK_RUNTIME, ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY,
             OPENAI_BASE_URL, OPENAI_API_KEY, LLM_TIMEOUT_MS, LLM_MAX_RETRIES, LLM_CONCURRENCY`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    url: { type: 'string' },
    json: { type: 'boolean' },
    aws: { type: 'boolean' },
    flight: { type: 'string' },
    flights: { type: 'string' },
    passengers: { type: 'string' },
    seed: { type: 'string' },
    hubs: { type: 'string' },
    type: { type: 'string' },
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
    help: { type: 'boolean', short: 'h' },
  },
});

const [command, ...args] = positionals;
const url = values.url ?? process.env.FLIGHTPULSE_URL ?? 'http://127.0.0.1:3000';
// With KAFKA_BROKERS set, produce and scenario publish to Kafka (key = flight id) instead of the server's feed.
const target = {
  url,
  ...(process.env.KAFKA_BROKERS
    ? {
        kafka: {
          brokers: process.env.KAFKA_BROKERS.split(','),
          topic: process.env.KAFKA_TOPIC ?? 'flight-operations',
        },
      }
    : {}),
};

try {
  switch (command) {
    case 'start':
      await startCommand(process.env, { port: values.port, dataDir: values['data-dir'] });
      break;
    case 'seed':
      await seedCommand(process.env, { dataDir: values['data-dir'], aws: values.aws });
      break;
    case 'produce':
      await produceCommand(target, values);
      break;
    case 'scenario':
      await scenarioCommand(target, args[0]);
      break;
    case 'generate':
      await generateCommand(process.env, {
        flights: values.flights,
        passengers: values.passengers,
        seed: values.seed,
        hubs: values.hubs,
        dataDir: values['data-dir'],
      });
      break;
    case 'messages':
      await messagesCommand(process.env, {
        flight: values.flight,
        type: values.type,
        delayMinutes: values['delay-minutes'],
        newGate: values['new-gate'],
        terminalChange: values['terminal-change'],
        dataDir: values['data-dir'],
      });
      break;
    case 'weather':
      process.exitCode = (await weatherCommand(args[0], values.json === true)) ? 0 : 1;
      break;
    case 'rights':
      await rightsCommand(process.env, process.stdin, values.json === true);
      break;
    case 'demo':
      process.exitCode = (await demoCommand(process.env, values.json === true)) ? 0 : 1;
      break;
    default:
      console.log(USAGE);
      if (!values.help && command !== 'help') process.exitCode = 2;
  }
} catch (error) {
  console.error(
    `flightpulse ${command}: ${error instanceof ConfigError || error instanceof UsageError ? error.message : (error as Error).stack}`,
  );
  process.exitCode = 1;
}
