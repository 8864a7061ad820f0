/**
 * AWS's event-ruler (Maven Central), driven by `RulerDriver.java` in Java's source-file mode so
 * it is compiled when the test runs. The jars are fetched once into `.flightpulse/event-ruler`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const LIB = join(ROOT, '.flightpulse', 'event-ruler', 'lib');

export type RulerVerdict = { valid: true; match: boolean } | { valid: false; error: string };

function requireTool(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${command} is required for the event-ruler differential test (Java 17+ and Maven)`,
    );
  }
}

/** Copies event-ruler and its dependencies from Maven Central, once. */
export function ensureEventRulerJars(): string {
  if (existsSync(LIB) && readdirSync(LIB).some((f) => f.startsWith('event-ruler'))) return LIB;
  requireTool('java', ['-version']);
  requireTool('mvn', ['-v']);
  mkdirSync(LIB, { recursive: true });
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(ROOT, 'infra', 'event-ruler', 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${LIB}`,
      ],
      { stdio: 'inherit' },
    );
  } catch (error) {
    rmSync(LIB, { recursive: true, force: true });
    throw new Error(`Maven could not fetch event-ruler from Maven Central: ${String(error)}`);
  }
  return LIB;
}

/** Event-ruler's verdict on each [pattern JSON, event JSON] pair, in order. */
export async function runEventRuler(pairs: readonly [string, string][]): Promise<RulerVerdict[]> {
  const lib = ensureEventRulerJars();
  const child = spawn('java', ['-cp', `${lib}/*`, join(import.meta.dirname, 'RulerDriver.java')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exit = new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('close', done);
  });
  child.stdin.end(`${pairs.map((pair) => JSON.stringify(pair)).join('\n')}\n`);
  const code = await exit;
  const lines = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean);
  if (code !== 0 || lines.length !== pairs.length) {
    throw new Error(
      `event-ruler driver failed (exit ${code}, ${lines.length}/${pairs.length} answers): ${Buffer.concat(err).toString('utf8')}`,
    );
  }
  return lines.map((line) => JSON.parse(line) as RulerVerdict);
}
