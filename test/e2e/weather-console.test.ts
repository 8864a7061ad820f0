import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorizedRequest } from '../support/authorized-request.ts';
import { consoleInChromiumPerFile, SCREENSHOTS, signIn } from '../support/console-in-chromium.ts';

// The recorded reports of 15 January 2025 (simulator/weather), the sample flights' day.
const session = consoleInChromiumPerFile('weather-console', { env: { WEATHER_SOURCE: 'replay' } });

describe('weather watch in the console (Chromium)', () => {
  it('runs the watch on the recorded morning and shows SW1234 at HIGH risk with reports and reasons', async () => {
    await session.page.goto(session.base);
    await signIn(session.page, 'admin');
    await session.page.goto(`${session.base}/#/weather`);
    await session.page.getByRole('heading', { name: 'Weather watch' }).waitFor();
    await session.page.getByLabel('Assess as of (UTC)').fill('2025-01-15T11:00');
    await session.page.getByRole('button', { name: 'Run weather watch' }).click();
    const card = session.page.locator('.weather-flight[data-flight="SW1234"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('data-risk')).toBe('HIGH');
    const text = await card.innerText();
    expect(text).toContain('DAL departure: TAF TEMPO 1100-1600: 0400 m FG, below CAT I RVR 550 m');
    expect(text).toContain('The forecast improves after a delay of');
    expect(await card.locator('.report[data-report="TAF"]').first().innerText()).toContain(
      'TAF AMD KDAL 151040Z',
    );
    // Highest risk first.
    expect(await session.page.locator('.weather-flight').first().getAttribute('data-risk')).toBe(
      'HIGH',
    );
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'weather-1-watch.png'),
      fullPage: true,
    });
  });

  it('issues a travel waiver from the page, published as flight.waiver_issued', async () => {
    const card = session.page.locator('.weather-flight[data-flight="SW1234"]');
    await card.getByRole('button', { name: 'Issue travel waiver for SW1234' }).click();
    await session.page
      .locator('.weather-flight[data-flight="SW1234"] .decisions', {
        hasText: 'Waiver WX-SW1234-20250115',
      })
      .waitFor({ timeout: 15_000 });
    const published = session.runtime.busEvents.filter(
      (e) => e['detail-type'] === 'flight.waiver_issued',
    );
    expect(published.map((e) => [e.source, e.detail.flight_id, e.detail.issued_by])).toEqual([
      ['flightpulse.weather', 'SW1234', 'console'],
    ]);
    expect(
      await session.page
        .getByRole('button', { name: 'Issue travel waiver for SW1234' })
        .isDisabled(),
    ).toBe(true);
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'weather-2-waiver.png'),
      fullPage: true,
    });
  });

  it('declares a WEATHER delay that enters the feed and the normal delay workflow', async () => {
    const card = session.page.locator('.weather-flight[data-flight="SW1234"]');
    await card.getByRole('button', { name: /Declare weather delay \(\d+ min\)/ }).click();
    await session.page
      .locator('.weather-flight[data-flight="SW1234"] .decisions', {
        hasText: 'DELAY declared by console',
      })
      .waitFor({ timeout: 15_000 });
    await session.runtime.idle();
    const flight = (await (await authorizedRequest(session.runtime, '/flights/SW1234')).json()) as {
      status: string;
      delay_reason: string;
      delay_minutes: number;
    };
    expect(flight.status).toBe('DELAYED');
    expect(flight.delay_reason).toBe('WEATHER');
    expect(flight.delay_minutes).toBeGreaterThan(0);
    expect(session.server.serverErrors).toEqual([]);
  });
});
