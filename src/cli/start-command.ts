import { serve } from '@hono/node-server';
import { loadConfig } from '../runtime/config.ts';
import { type ActivityListener, startLocalRuntime } from '../runtime/local-runtime.ts';
import { announceDataDir, claimDataDir, releaseDataDir } from './data-dir-lock.ts';

/** `flightpulse start`: the whole system on this machine, serving the API and the feed. */
export async function startCommand(
  env: Record<string, string | undefined>,
  flags: { port?: string | undefined; dataDir?: string | undefined },
): Promise<void> {
  const config = loadConfig(
    { LOG_LEVEL: 'WARN', ...env },
    {
      ...(flags.port ? { PORT: flags.port } : {}),
      ...(flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {}),
    },
  );
  const dataDir = config.FLIGHTPULSE_DATA_DIR;
  // The embedded store allows one process: a second start on the same directory says so in one line.
  const holder = config.DYNAMODB_ENDPOINT ? undefined : claimDataDir(dataDir, 'start');
  // Serving for days: runs and bus events are counted, logged and stored, not held in memory.
  const runtime = await startLocalRuntime(config, printed, undefined, {
    keepBusEvents: false,
    keepExecutions: false,
  }).catch((error: unknown) => {
    if (holder) releaseDataDir(dataDir);
    throw error;
  });
  const headers = { authorization: `Bearer ${await runtime.identity.staffToken('ops-viewer')}` };
  const empty = (await (await runtime.app.request('/flights?limit=1', { headers })).json()) as {
    returned: number;
  };
  if (empty.returned === 0) {
    const { written } = await runtime.seed();
    console.log(`Seeded the sample data (${written} items).`);
  }
  // The weather watch on an interval (EventBridge Scheduler does this in AWS).
  const watch =
    config.WEATHER_WATCH_MINUTES > 0
      ? setInterval(() => {
          runtime
            .watchWeather()
            .catch((error: unknown) => console.error(`[weather]  watch failed: ${String(error)}`));
        }, config.WEATHER_WATCH_MINUTES * 60_000)
      : undefined;
  const stop = (code: number) => {
    clearInterval(watch);
    runtime.close().then(
      () => {
        if (holder) releaseDataDir(dataDir);
        process.exit(code);
      },
      (error: unknown) => {
        console.error(`flightpulse start: stopping failed: ${String(error)}`);
        if (holder) releaseDataDir(dataDir);
        process.exit(1);
      },
    );
  };
  const server = serve(
    { fetch: runtime.app.fetch, port: config.PORT, hostname: '127.0.0.1' },
    (info) => {
      const base = `http://127.0.0.1:${info.port}`;
      // Other commands on this data directory (seed, generate, messages) use this store through it.
      if (holder)
        announceDataDir(dataDir, { ...holder, url: base, store_endpoint: runtime.endpoint });
      console.log(`FlightPulse is running at ${base}
  store:  ${config.DYNAMODB_ENDPOINT ?? `embedded DynamoDB (dynalite) in ${dataDir}`}
  feed:   POST ${base}/feed/flight-operations
  sign in: the console asks for a role; for curl: npx flightpulse token --role agent --data-dir ${dataDir}
  try:    npx flightpulse scenario 1 --data-dir ${dataDir}`);
    },
  );
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `flightpulse start: port ${config.PORT} is in use (another flightpulse start?); choose another with --port N or PORT`
        : `flightpulse start: cannot listen on 127.0.0.1:${config.PORT}: ${error.message}`,
    );
    stop(1);
  });
  const shutdown = () => {
    console.log('Stopping FlightPulse…');
    server.close();
    stop(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** What `start` prints as it runs: each disruption's bus event and each finished run. */
const printed: ActivityListener = {
  onBusEvent: (event, rules) => {
    if (!event['detail-type'].startsWith('notification.')) {
      console.log(
        `[bus]      ${event['detail-type']} ${String(event.detail.flight_id ?? '')} → ${rules.join(', ') || 'no rule'}`,
      );
    }
  },
  onExecution: (e) => {
    if (e.status !== 'RUNNING')
      console.log(
        `[workflow] ${e.state_machine} ${e.status} in ${e.duration_ms} ms (${e.state_transitions} transitions)`,
      );
  },
};
