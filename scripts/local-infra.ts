/**
 * Real Apache Kafka (KRaft, one node) and DynamoDB Local on loopback, without Docker: jars from
 * Maven Central (cached), processes started detached and stopped by PID.
 *
 *   node scripts/local-infra.ts up | down | status
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { Admin } from '@platformatic/kafka';
import { progress } from '../src/cli/progress.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(process.env.FLIGHTPULSE_INFRA_DIR ?? join(ROOT, '.flightpulse', 'infra'));
const KAFKA_PORT = Number(process.env.KAFKA_PORT ?? 9092);
const CONTROLLER_PORT = KAFKA_PORT + 1;
const DYNAMODB_PORT = Number(process.env.DYNAMODB_LOCAL_PORT ?? 8000);
export const TOPICS = { events: 'flight-operations', deadLetters: 'flight-operations.dlq' };

type Service = 'kafka' | 'dynamodb';
const pidFile = (s: Service) => join(DIR, `${s}.pid`);
const logFile = (s: Service) => join(DIR, `${s}.log`);
const libDir = (s: Service) => join(DIR, 'lib', s);

function fail(message: string): never {
  console.error(`infra: ${message}`);
  process.exit(1);
}

function requireTool(command: string, args: string[], hint: string): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    fail(`${command} is required (${hint})`);
  }
}

/** Copies a service's jars (and DynamoDB Local's native SQLite library) from Maven Central once. */
function fetchJars(service: Service): void {
  const dir = libDir(service);
  if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.jar'))) return;
  console.log(`infra: fetching ${service} from Maven Central (once)…`);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(ROOT, 'infra', service, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${dir}`,
      ],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    rmSync(dir, { recursive: true, force: true });
    fail(`Maven could not fetch the ${service} jars; see the output above`);
  }
}

function running(service: Service): number | undefined {
  if (!existsSync(pidFile(service))) return undefined;
  const pid = Number(readFileSync(pidFile(service), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(pidFile(service), { force: true });
    return undefined;
  }
}

function start(service: Service, args: string[]): void {
  if (running(service)) return;
  const out = openSync(logFile(service), 'a');
  const child = spawn('java', args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  writeFileSync(pidFile(service), String(child.pid));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolveOpen) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once('error', () => resolveOpen(false));
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 90_000,
  say: (line: string) => void = () => {},
): Promise<void> {
  const started = Date.now();
  let told = started;
  while (!(await check().catch(() => false))) {
    if (Date.now() > started + timeoutMs)
      fail(`${what} did not become ready in ${timeoutMs / 1000} s; see ${DIR}`);
    // A waiting line every 5 s, so a slow start is never silent.
    if (Date.now() - told >= 5000) {
      told = Date.now();
      say(
        `infra: waiting for ${what}: ${Math.round((told - started) / 1000)} s of at most ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function startKafka(): void {
  const data = join(DIR, 'kafka-data');
  const properties = join(DIR, 'kafka.properties');
  writeFileSync(
    properties,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}`,
      `listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      `log.dirs=${data}`,
      'num.partitions=3',
      'offsets.topic.replication.factor=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
    ].join('\n'),
  );
  const classpath = `${libDir('kafka')}/*`;
  if (!existsSync(join(data, 'meta.properties'))) {
    execFileSync(
      'java',
      [
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        'Rmxp2h0UTGKhQmlK8BXwTg',
        '-c',
        properties,
      ],
      {
        stdio: 'ignore',
      },
    );
  }
  start('kafka', ['-Xmx512m', '-cp', classpath, 'kafka.Kafka', properties]);
}

function startDynamoDb(): void {
  const lib = libDir('dynamodb');
  start('dynamodb', [
    '-Xmx512m',
    `-Djava.library.path=${lib}`,
    '-cp',
    `${lib}/*`,
    'software.amazon.dynamodb.services.local.main.ServerRunner',
    '-inMemory',
    '-port',
    String(DYNAMODB_PORT),
  ]);
}

async function createTopics(): Promise<void> {
  const admin = new Admin({
    clientId: 'flightpulse-infra',
    bootstrapBrokers: [`127.0.0.1:${KAFKA_PORT}`],
  });
  try {
    await waitFor('Kafka metadata', async () => Boolean(await admin.metadata({ topics: [] })));
    const existing = new Set((await admin.listTopics()).map(String));
    for (const topic of Object.values(TOPICS)) {
      if (!existing.has(topic))
        await admin.createTopics({ topics: [topic], partitions: 3, replicas: 1 });
    }
  } finally {
    await admin.close();
  }
}

async function up(json: boolean): Promise<void> {
  // A line per step with rate and ETA on a terminal or a log; nothing but the result with --json.
  const say = (line: string) => {
    if (!json) console.log(line);
  };
  const steps = progress('infra up', 7, 'steps', { silent: json, intervalMs: 0 });
  let done = 0;
  const step = async (what: string, work: () => unknown) => {
    const started = performance.now();
    await work();
    say(`infra: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    steps.update(++done);
  };
  await step('Java and Maven found', () => {
    requireTool('java', ['-version'], 'Java 17 or newer runs Kafka and DynamoDB Local');
    requireTool('mvn', ['-v'], 'Maven fetches the jars from Maven Central');
    mkdirSync(DIR, { recursive: true });
  });
  await step('Kafka jars in place', () => fetchJars('kafka'));
  await step('DynamoDB Local jars in place', () => fetchJars('dynamodb'));
  await step('Kafka and DynamoDB Local started', () => {
    startKafka();
    startDynamoDb();
  });
  await step(`Kafka listening on 127.0.0.1:${KAFKA_PORT}`, () =>
    waitFor(`Kafka on 127.0.0.1:${KAFKA_PORT}`, () => portOpen(KAFKA_PORT), 90_000, say),
  );
  await step(`DynamoDB Local listening on 127.0.0.1:${DYNAMODB_PORT}`, () =>
    waitFor(
      `DynamoDB Local on 127.0.0.1:${DYNAMODB_PORT}`,
      () => portOpen(DYNAMODB_PORT),
      90_000,
      say,
    ),
  );
  await step(`topics ${TOPICS.events} and ${TOPICS.deadLetters} ready`, () => createTopics());
  steps.finish();
  const endpoints = {
    KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}`,
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${DYNAMODB_PORT}`,
  };
  console.log(
    json
      ? JSON.stringify(endpoints)
      : `infra: up — KAFKA_BROKERS=${endpoints.KAFKA_BROKERS} DYNAMODB_ENDPOINT=${endpoints.DYNAMODB_ENDPOINT}`,
  );
}

async function stop(service: Service): Promise<void> {
  const pid = running(service);
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (running(service)) {
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(pidFile(service), { force: true });
}

async function down(): Promise<void> {
  await Promise.all([stop('kafka'), stop('dynamodb')]);
  // The next `up` starts from empty state, as DynamoDB Local does (in memory).
  rmSync(join(DIR, 'kafka-data'), { recursive: true, force: true });
  console.log('infra: down');
}

function status(): void {
  for (const service of ['kafka', 'dynamodb'] as const) {
    const pid = running(service);
    console.log(`${service}: ${pid ? `running (pid ${pid})` : 'stopped'}`);
  }
}

const command =
  process.argv.includes('--help') || process.argv.includes('-h') ? '--help' : process.argv[2];
if (command === 'up') await up(process.argv.includes('--json'));
else if (command === 'down') await down();
else if (command === 'status') status();
else if (command === '--help' || command === '-h')
  console.log('usage: npm run infra:up [-- --json] | npm run infra:down | npm run infra:status');
else fail('usage: node scripts/local-infra.ts up [--json] | down | status');
