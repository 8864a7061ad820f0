import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/runtime/local-runtime.ts';
import { authorizedRequest } from '../support/authorized-request.ts';
import type { BrowserServer } from '../support/browser-server.ts';
import {
  type ConsoleInChromium,
  SCREENSHOTS,
  signIn,
  startConsoleInChromium,
} from '../support/console-in-chromium.ts';

let session: ConsoleInChromium;
let runtime: LocalRuntime;
let server: BrowserServer;
let page: Page;
let base: string;

beforeAll(async () => {
  // The recorded reports of 15 January 2025 (simulator/weather), the sample flights' day.
  session = await startConsoleInChromium('weather-console', {
    env: { WEATHER_SOURCE: 'replay' },
  });
  ({ runtime, server, page, base } = session);
}, 60_000);

afterAll(() => session?.close());

describe('weather watch in the console (Chromium)', () => {
  it('runs the watch on the recorded morning and shows SW1234 at HIGH risk with reports and reasons', async () => {
    await page.goto(base);
    await signIn(page, 'admin');
    await page.goto(`${base}/#/weather`);
    await page.getByRole('heading', { name: 'Weather watch' }).waitFor();
    await page.getByLabel('Assess as of (UTC)').fill('2025-01-15T11:00');
    await page.getByRole('button', { name: 'Run weather watch' }).click();
    const card = page.locator('.weather-flight[data-flight="SW1234"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('data-risk')).toBe('HIGH');
    const text = await card.innerText();
    expect(text).toContain('DAL departure: TAF TEMPO 1100-1600: 0400 m FG, below CAT I RVR 550 m');
    expect(text).toContain('The forecast improves after a delay of');
    expect(await card.locator('.report[data-report="TAF"]').first().innerText()).toContain(
      'TAF AMD KDAL 151040Z',
    );
    // Highest risk first.
    expect(await page.locator('.weather-flight').first().getAttribute('data-risk')).toBe('HIGH');
    await page.screenshot({ path: join(SCREENSHOTS, 'weather-1-watch.png'), fullPage: true });
  });

  it('issues a travel waiver from the page, published as flight.waiver_issued', async () => {
    const card = page.locator('.weather-flight[data-flight="SW1234"]');
    await card.getByRole('button', { name: 'Issue travel waiver for SW1234' }).click();
    await page
      .locator('.weather-flight[data-flight="SW1234"] .decisions', {
        hasText: 'Waiver WX-SW1234-20250115',
      })
      .waitFor({ timeout: 15_000 });
    const published = runtime.busEvents.filter((e) => e['detail-type'] === 'flight.waiver_issued');
    expect(published.map((e) => [e.source, e.detail.flight_id, e.detail.issued_by])).toEqual([
      ['flightpulse.weather', 'SW1234', 'console'],
    ]);
    expect(
      await page.getByRole('button', { name: 'Issue travel waiver for SW1234' }).isDisabled(),
    ).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'weather-2-waiver.png'), fullPage: true });
  });

  it('declares a WEATHER delay that enters the feed and the normal delay workflow', async () => {
    const card = page.locator('.weather-flight[data-flight="SW1234"]');
    await card.getByRole('button', { name: /Declare weather delay \(\d+ min\)/ }).click();
    await page
      .locator('.weather-flight[data-flight="SW1234"] .decisions', {
        hasText: 'DELAY declared by console',
      })
      .waitFor({ timeout: 15_000 });
    await runtime.idle();
    const flight = (await (await authorizedRequest(runtime, '/flights/SW1234')).json()) as {
      status: string;
      delay_reason: string;
      delay_minutes: number;
    };
    expect(flight.status).toBe('DELAYED');
    expect(flight.delay_reason).toBe('WEATHER');
    expect(flight.delay_minutes).toBeGreaterThan(0);
    expect(server.serverErrors).toEqual([]);
  });
});
