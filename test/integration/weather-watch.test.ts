import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flight } from '../../src/domain/records/flight.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { authorizedRequest } from '../support/authorized-request.ts';

let runtime: LocalRuntime;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-weather-'));
  runtime = await startLocalRuntime(
    loadConfig(
      {},
      { FLIGHTPULSE_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT', WEATHER_HEADS_UP: 'true' },
    ),
  );
  await runtime.seed();
}, 60_000);

afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the weather watch on the embedded stack', () => {
  it('stores the assessment on the flight record and sends the heads-up through the notification rules', async () => {
    const result = await runtime.watchWeather('2025-01-15T11:00:00.000Z');
    // Fog at Dallas Love, thunderstorms at San Diego: every flight raised uses one of them.
    expect(result.changed.map((c) => c.flight_id)).toEqual(
      expect.arrayContaining(['SW1234', 'SW7890']),
    );
    expect(await runtime.idle()).toEqual([]);
    const flight = (await (await authorizedRequest(runtime, '/flights/SW1234')).json()) as Flight;
    expect(flight.weather).toMatchObject({
      risk: 'HIGH',
      departure: { airport: 'DAL', source: 'TAF' },
    });
    // The weather attribute alone changed: status and times stay the workflows' to change.
    expect(flight.status).toBe('SCHEDULED');
    const { notifications } = (await (
      await authorizedRequest(runtime, '/notifications?flight_id=SW1234')
    ).json()) as {
      notifications: Array<{ message_type: string; channel: string }>;
    };
    expect(notifications.length).toBeGreaterThan(0);
    expect(new Set(notifications.map((n) => n.message_type))).toEqual(
      new Set(['WEATHER_HEADS_UP']),
    );
    // The same level a second time tells no one again.
    const before = runtime.busEvents.length;
    await runtime.watchWeather('2025-01-15T11:15:00.000Z');
    expect(await runtime.idle()).toEqual([]);
    expect(
      runtime.busEvents.slice(before).filter((e) => e['detail-type'].startsWith('notification.')),
    ).toEqual([]);
  });
});
