import { LocalTokenIssuer } from '../adapters/identity/local-token-issuer.ts';
import { isRole, ROLES } from '../domain/identity/roles.ts';
import { loadConfig } from '../runtime/config.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const MAX_TTL_SECONDS = 7 * 86_400;

/** `90s`, `15m`, `1h`, `2d` → seconds (at most a week). */
export function parseTtl(text: string): number {
  const match = text.match(/^(\d+)([smhd])$/);
  const seconds = match ? Number(match[1]) * (UNITS[match[2] as string] as number) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_TTL_SECONDS))
    throw new UsageError(`--ttl must be like 90s, 15m, 1h or 2d, at most 7d (got ${text})`);
  return seconds;
}

const systemClock = { now: () => new Date().toISOString() };

/** The local issuer of a data directory (the one `flightpulse start` uses with the same directory). */
function issuerFor(env: Record<string, string | undefined>, dataDir: string | undefined) {
  const config = loadConfig(env, dataDir ? { FLIGHTPULSE_DATA_DIR: dataDir } : {});
  return LocalTokenIssuer.open(config.FLIGHTPULSE_DATA_DIR, systemClock);
}

/**
 * An admin token for the CLI's own calls to a running server: FLIGHTPULSE_TOKEN when set,
 * otherwise minted by the data directory's local issuer (short-lived).
 */
export function cliToken(env: Record<string, string | undefined>, dataDir: string | undefined) {
  let token: Promise<string> | undefined;
  return () => {
    if (env.FLIGHTPULSE_TOKEN) return Promise.resolve(env.FLIGHTPULSE_TOKEN);
    token ??= issuerFor(env, dataDir).then((issuer) =>
      issuer.issue({ subject: 'local:cli', roles: ['admin'], ttlSeconds: 300 }),
    );
    return token;
  };
}

/**
 * `flightpulse token --role R [--booking ID --passenger ID] [--ttl 1h] [--data-dir D]`: prints a
 * bearer token signed by the local issuer. A passenger token is bound to one booking; its passenger
 * is read from the running server (FLIGHTPULSE_URL) when `--passenger` is not given.
 */
export async function tokenCommand(
  env: Record<string, string | undefined>,
  flags: {
    role?: string | undefined;
    booking?: string | undefined;
    passenger?: string | undefined;
    ttl?: string | undefined;
    dataDir?: string | undefined;
    url: string;
  },
): Promise<string> {
  if (!isRole(flags.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const ttlSeconds = parseTtl(flags.ttl ?? '1h');
  const issuer = await issuerFor(env, flags.dataDir);
  if (flags.role !== 'passenger') {
    if (flags.booking) throw new UsageError('--booking is for --role passenger');
    return issuer.issue({ subject: `local:${flags.role}`, roles: [flags.role], ttlSeconds });
  }
  if (!flags.booking) throw new UsageError('a passenger token needs --booking ID');
  const passengerId =
    flags.passenger ?? (await passengerOf(flags.booking, flags.url, cliToken(env, flags.dataDir)));
  return issuer.issue({
    subject: `passenger:${passengerId}`,
    roles: ['passenger'],
    ttlSeconds,
    booking: { bookingId: flags.booking, passengerId },
  });
}

async function passengerOf(
  bookingId: string,
  url: string,
  token: () => Promise<string>,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${url}/bookings/${encodeURIComponent(bookingId)}`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
  } catch {
    throw new CommandFailure(
      `cannot reach FlightPulse at ${url} to find the booking's passenger; give --passenger ID`,
    );
  }
  const body = (await response.json()) as { passenger_id?: string; error?: string };
  if (!response.ok || !body.passenger_id)
    throw new CommandFailure(`booking ${bookingId}: ${body.error ?? response.status}`);
  return body.passenger_id;
}
