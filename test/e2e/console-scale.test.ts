/**
 * The console against a generated airline day (300 flights, 50,000 passengers, plus the
 * sample flights): paging reaches the last flight, search finds a passenger, every time carries
 * its zone, and the page stays usable. Timings are measured and printed, never asserted.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWrite } from '../../src/adapters/dynamodb/batch-write.ts';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import {
  bookingItems,
  flightItem,
  passengerItem,
} from '../../src/adapters/dynamodb/table/table-items.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { type AirlineDay, generateAirlineDay } from '../../src/simulator/generate-airline-day.ts';
import { launchChromium } from '../support/find-chromium.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const timings: Record<string, number> = {};
let runtime: LocalRuntime;
let server: ServerType;
let browser: Browser;
let page: Page;
let base: string;
let dataDir: string;
let day: AirlineDay;

/** Runs a step and records how long it took (reported, not asserted). */
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await step();
  timings[name] = Math.round(performance.now() - started);
  return result;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-console-scale-'));
  runtime = await startLocalRuntime(
    loadConfig({}, { FLIGHTPULSE_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT' }),
    {},
    undefined,
    { inMemoryStore: true },
  );
  await runtime.seed();
  day = generateAirlineDay({ flights: 300, passengers: 50_000, seed: 42 });
  // Written as `flightpulse generate` writes beside a running server: straight to its store.
  const client = createDynamoDbClient({ endpoint: runtime.endpoint });
  await timed('write the generated day', () =>
    batchWrite(createDocumentClient(client), runtime.tableName, [
      ...day.flights.map(flightItem),
      ...day.passengers.map(passengerItem),
      ...day.bookings.flatMap((b) => bookingItems(b)),
    ]),
  );
  client.destroy();
  server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = (await launchChromium()).browser;
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Authentication stays on: sign in once (the token lives in the tab's sessionStorage).
  await page.goto(base);
  await page.locator('#sign-in select[name="role"]').selectOption('admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#session').waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  console.info(
    `console at scale (${day?.flights.length} flights, ${day?.passengers.length} passengers, ${day?.bookings.length} bookings), ms:\n${Object.entries(
      timings,
    )
      .map(([k, v]) => `  ${k.padEnd(44)} ${v}`)
      .join('\n')}`,
  );
  await browser?.close();
  server?.close();
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const caption = () => page.locator('#board-showing').innerText();
/** The generated day's 300 flights and the sample flights seeded beside them. */
const ALL = 300 + loadSampleData().flights.length;
const LAST_PAGE_FIRST = Math.floor((ALL - 1) / 50) * 50 + 1;

describe('the console on a generated day', () => {
  it('pages through every flight of the day to the last one', async () => {
    await timed('board: first page shown', async () => {
      await page.goto(base);
      await page.locator('#board tbody tr').first().waitFor({ timeout: 60_000 });
    });
    expect(await caption()).toBe(`Showing 1–50 of ${ALL} flights`);
    const seen = new Set<string>();
    await timed('board: every page by Next', async () => {
      for (let p = 1; ; p++) {
        await page.locator('#board-showing', { hasText: `Showing ${(p - 1) * 50 + 1}–` }).waitFor();
        for (const id of await page
          .locator('#board tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flight') ?? '')))
          seen.add(id);
        const next = page.locator('#board-pager button', { hasText: 'Next' });
        if (await next.isDisabled()) break;
        await next.click();
      }
    });
    expect(seen.size).toBe(ALL);
    await page.locator('#board-pager button', { hasText: 'First' }).click();
    await timed('board: Last page', async () => {
      await page.locator('#board-pager button', { hasText: 'Last' }).click();
      await page
        .locator('#board-showing', {
          hasText: `Showing ${LAST_PAGE_FIRST}–${ALL} of ${ALL} flights`,
        })
        .waitFor();
    });
    const { items } = (await (
      await fetch(`${base}/console/flights?sort=departure&offset=${ALL - 1}&limit=1`, {
        headers: { authorization: `Bearer ${await runtime.identity.staffToken('admin')}` },
      })
    ).json()) as {
      items: Array<{ flight_id: string }>;
    };
    expect(await page.locator('#board tbody tr').last().getAttribute('data-flight')).toBe(
      items[0]?.flight_id,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'scale-1-last-page.png'), fullPage: true });
  }, 300_000);

  it('shows every time on the board with its zone', async () => {
    const times = await page
      .locator('#board time')
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ text: n.textContent ?? '', zone: n.getAttribute('title') ?? '' })),
      );
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) {
      expect(t.zone).toMatch(/^[A-Za-z_]+\/[A-Za-z_/]+$|^UTC$/);
      // A date, a time and a zone name or offset: "Wed 15 Jan, 08:00 GMT-6" or "… CET".
      expect(t.text).toMatch(
        /^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} (GMT|UTC|[A-Z]{2,5})([+-]\d{1,2}(:\d{2})?)?$/,
      );
    }
  });

  it('finds a passenger by id, then on their flight by name', async () => {
    const passenger = day.passengers[31_337] as AirlineDay['passengers'][number];
    const booking = day.bookings.find((b) => b.passenger_id === passenger.passenger_id);
    await timed('search: passenger id to their flight', async () => {
      await page.locator('#board-section input[name="q"]').fill(passenger.passenger_id);
      await page.locator('#board-section button[type="submit"]').click();
      await page.locator('.found', { hasText: passenger.passenger_id }).waitFor();
    });
    expect(await page.locator('.found').innerText()).toContain(String(booking?.flight_id));
    await timed('flight page: shown', async () => {
      await page.locator('.found a').first().click();
      await page.locator('#bookings-showing').waitFor();
    });
    await timed('flight page: search by last name', async () => {
      await page.locator('#flight-section input[name="q"]').fill(passenger.last_name);
      await page.locator('#flight-section button[type="submit"]').click();
      await page.locator(`tr[data-booking="${booking?.booking_id}"]`).waitFor();
    });
    expect(await page.locator('#bookings-showing').innerText()).toMatch(
      /^Showing 1–\d+ of \d+ bookings \(\d+ in all\)$/,
    );
  }, 120_000);

  it('stays responsive on the largest flight: bodies collapsed, input answered', async () => {
    const counts = new Map<string, number>();
    for (const b of day.bookings) counts.set(b.flight_id, (counts.get(b.flight_id) ?? 0) + 1);
    const [largest, size] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [
      string,
      number,
    ];
    await timed(`flight page: largest flight (${size} bookings), 200 per page`, async () => {
      await page.goto(`${base}/#/flights/${largest}`);
      await page.locator('#flight-title', { hasText: largest }).waitFor();
      await page.locator('#flight-section select[name="limit"]').selectOption('200');
      await page
        .locator('#bookings-showing', { hasText: `Showing 1–${Math.min(200, size)} of ${size}` })
        .waitFor();
    });
    expect(await page.locator('#flight-summary').innerText()).toContain(String(size));
    expect(await page.locator('#bookings details[open]').count()).toBe(0);
    // Responsive: a click is handled and the page answers a script while showing 200 rows.
    const roundTrip = await timed('a frame rendered with 200 rows', () =>
      page.evaluate<number>(
        'new Promise((resolve) => { const t = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t)); })',
      ),
    );
    expect(roundTrip).toBeGreaterThanOrEqual(0);
    timings['page height with up to 200 rows, px'] = await page.evaluate<number>(
      'document.body.scrollHeight',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'scale-2-largest-flight.png') });
    await timed('flight page: 25 per page, then Last', async () => {
      await page.locator('#flight-section select[name="limit"]').selectOption('25');
      await page.locator('#bookings-showing', { hasText: 'Showing 1–25' }).waitFor();
      await page.locator('#bookings-pager button', { hasText: 'Last' }).click();
      const first = Math.floor((size - 1) / 25) * 25 + 1;
      await page
        .locator('#bookings-showing', { hasText: `Showing ${first}–${size} of ${size}` })
        .waitFor();
    });
  }, 120_000);
});
