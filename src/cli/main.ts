import { parseArgs } from 'node:util';
import { COMMANDS, type CommandSpec, overview } from './command-specs.ts';
import type { Target } from './produce-command.ts';
import { cliToken } from './token-command.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

type Values = Record<string, string | boolean | undefined>;
// Commands are imported when run, so `--help` and usage errors answer at once.

/** Parses a command's flags; an unknown flag or a missing value is a one-line UsageError. */
function parseCommand(name: string, spec: CommandSpec, args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: spec.options,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (error) {
    const flags = Object.keys(spec.options)
      .filter((f) => f !== 'debug')
      .map((f) => (spec.options[f]?.default === true ? `--no-${f}` : `--${f}`));
    const code = (error as NodeJS.ErrnoException).code;
    const flag = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? '';
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${flag}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `${flag.split(' ')[0]} ${/argument missing/.test((error as Error).message) ? 'needs a value' : 'takes no value'}`
          : (error as Error).message.split('\n')[0];
    throw new UsageError(`${problem}; ${name} accepts ${flags.join(', ')}`);
  }
}

/** Where produce and scenario send: the server, or Kafka when KAFKA_BROKERS is set. */
function targetOf(values: Values): Target {
  const url =
    (values.url as string | undefined) ?? process.env.FLIGHTPULSE_URL ?? 'http://127.0.0.1:3000';
  return {
    url: url.replace(/\/$/, ''),
    token: cliToken(process.env, values['data-dir'] as string | undefined),
    wait: values.wait !== false,
    ...(process.env.KAFKA_BROKERS
      ? {
          kafka: {
            brokers: process.env.KAFKA_BROKERS.split(','),
            topic: process.env.KAFKA_TOPIC ?? 'flight-operations',
          },
        }
      : {}),
  };
}

/** Runs a command; resolves to false when it ran but its outcome was a failure (exit code 1). */
async function run(command: string, values: Values, args: string[]): Promise<boolean> {
  const str = (name: string) => values[name] as string | undefined;
  switch (command) {
    case 'start':
      await (await import('./start-command.ts')).startCommand(process.env, {
        port: str('port'),
        dataDir: str('data-dir'),
      });
      return true;
    case 'seed':
      await (await import('./seed-command.ts')).seedCommand(process.env, {
        dataDir: str('data-dir'),
        aws: values.aws === true,
      });
      return true;
    case 'produce':
      return (await import('./produce-command.ts')).produceCommand(targetOf(values), values);
    case 'scenario':
      return (await import('./produce-command.ts')).scenarioCommand(targetOf(values), args[0]);
    case 'generate':
      await (await import('./generate-command.ts')).generateCommand(process.env, {
        flights: str('flights'),
        passengers: str('passengers'),
        seed: str('seed'),
        hubs: str('hubs'),
        dataDir: str('data-dir'),
        json: values.json === true,
      });
      return true;
    case 'messages':
      await (await import('./messages-command.ts')).messagesCommand(process.env, {
        flight: str('flight'),
        type: str('type'),
        delayMinutes: str('delay-minutes'),
        newGate: str('new-gate'),
        terminalChange: values['terminal-change'] === true,
        dataDir: str('data-dir'),
      });
      return true;
    case 'rights':
      await (await import('./rights-command.ts')).rightsCommand(
        process.env,
        process.stdin,
        values.json === true,
      );
      return true;
    case 'weather':
      return (await import('./weather-command.ts')).weatherCommand(args[0], values.json === true);
    case 'token':
      console.log(
        await (await import('./token-command.ts')).tokenCommand(process.env, {
          role: str('role'),
          booking: str('booking'),
          passenger: str('passenger'),
          ttl: str('ttl'),
          dataDir: str('data-dir'),
          url: (str('url') ?? process.env.FLIGHTPULSE_URL ?? 'http://127.0.0.1:3000').replace(
            /\/$/,
            '',
          ),
        }),
      );
      return true;
    case 'demo':
      return (await import('./demo-command.ts')).demoCommand(process.env, values.json === true);
    default:
      throw new Error(`no command ${command}`);
  }
}

/** npm prints its banner on stdout before the script: JSON through npm needs `npm run -s`. */
function warnAboutNpmBanner(values: Values): void {
  if (
    values.json &&
    process.env.npm_lifecycle_event &&
    process.env.npm_config_loglevel !== 'silent'
  )
    console.error(
      'note: npm printed its banner on stdout first; use `npm run -s … -- --json` for JSON alone',
    );
}

const argv = process.argv.slice(2);
const [command = '', ...rest] = argv;
const debug = argv.includes('--debug');
const spec = COMMANDS[command];
try {
  if (!spec) {
    const asksHelp = ['', 'help', '--help', '-h'].includes(command);
    if (asksHelp) console.log(overview());
    else
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(', ')} (flightpulse --help)`,
      );
  } else {
    const { values, positionals } = parseCommand(command, spec, rest);
    if (values.help) {
      console.log(
        `${spec.summary}\n\nUsage: ${spec.usage}\n  --debug  a stack trace when something fails`,
      );
    } else {
      if (positionals.length > (spec.positionals ?? 0))
        throw new UsageError(
          `${command} takes no argument ${JSON.stringify(positionals.at(-1))}; see flightpulse ${command} --help`,
        );
      warnAboutNpmBanner(values);
      if (!(await run(command, values, positionals))) process.exitCode = 1;
    }
  }
} catch (error) {
  // ConfigError by name: the config module loads with the command, not before.
  const known =
    error instanceof UsageError ||
    error instanceof CommandFailure ||
    (error as Error)?.name === 'ConfigError';
  const message = known ? (error as Error).message : String((error as Error)?.message ?? error);
  console.error(`flightpulse${command && spec ? ` ${command}` : ''}: ${message}`);
  if (debug) console.error((error as Error).stack);
  else if (!known) console.error('(run again with --debug for the stack trace)');
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
