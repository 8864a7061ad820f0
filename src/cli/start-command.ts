import { serve } from '@hono/node-server';
import { loadConfig } from '../runtime/config.ts';
import { startLocalRuntime } from '../runtime/local-runtime.ts';

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
  const runtime = await startLocalRuntime(config, {
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
  });
  const empty = (await (await runtime.app.request('/flights?limit=1')).json()) as { count: number };
  if (empty.count === 0) {
    const { written } = await runtime.seed();
    console.log(`Seeded the sample data (${written} items).`);
  }
  const server = serve(
    { fetch: runtime.app.fetch, port: config.PORT, hostname: '127.0.0.1' },
    (info) => {
      const base = `http://127.0.0.1:${info.port}`;
      console.log(`FlightPulse is running at ${base}
  store:  ${config.DYNAMODB_ENDPOINT ?? `embedded DynamoDB (dynalite) in ${config.FLIGHTPULSE_DATA_DIR}`}
  feed:   POST ${base}/feed/flight-operations
  try:    npx flightpulse scenario 1   ·   curl ${base}/flights/SW1234`);
    },
  );
  // The weather watch on an interval (EventBridge Scheduler does this in AWS).
  const watch =
    config.WEATHER_WATCH_MINUTES > 0
      ? setInterval(() => {
          runtime
            .watchWeather()
            .catch((error: unknown) => console.error(`[weather]  watch failed: ${String(error)}`));
        }, config.WEATHER_WATCH_MINUTES * 60_000)
      : undefined;
  const stop = () => {
    console.log('Stopping FlightPulse…');
    clearInterval(watch);
    server.close();
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
