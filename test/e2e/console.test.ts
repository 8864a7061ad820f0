import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/runtime/local-runtime.ts';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
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
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  // Every response the browser gets is watched: a 5xx fails the suite.
  session = await startConsoleInChromium('console');
  ({ runtime, server, browser, page, base } = session);
  const { source, executablePath } = session.chromium;
  console.info(`console tests: Chromium from ${source} (${executablePath})`);
}, 60_000);

afterAll(() => session?.close());

describe('operations console in Chromium', () => {
  it('asks who is signing in, then shows the flight board and a live connection', async () => {
    await page.goto(base);
    expect(await page.locator('#board').count()).toBe(0);
    await signIn(page, 'admin');
    expect(await page.locator('#session').innerText()).toContain('admin');
    expect(await page.locator('#board tbody tr').count()).toBe(loadSampleData().flights.length);
    await page.locator('#connection.live').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '1-board.png'), fullPage: true });
  });

  it('runs scenario 3 from the panel: SW9012 turns CANCELLED and notifications arrive without a reload', async () => {
    await page.getByRole('button', { name: 'Run scenario 3' }).click();
    await page.locator('tr[data-flight="SW9012"] .status-CANCELLED').waitFor({ timeout: 15_000 });
    await page.locator('#feed li[data-kind="notification"]').first().waitFor({ timeout: 15_000 });
    const feedText = await page.locator('#feed').innerText();
    expect(feedText).toContain('ACCEPTED');
    expect(feedText).toContain('FlightPulseCancellationWorkflow');
    expect(feedText).toMatch(/EMAIL\s*SW9012/);
    await page.screenshot({ path: join(SCREENSHOTS, '2-scenario-3.png'), fullPage: true });
  });

  it('opens the flight page and reads a passenger\u2019s SMS and email', async () => {
    await page.getByRole('link', { name: 'SW9012' }).click();
    await page.locator('#flight-title').waitFor();
    // Message bodies are collapsed by default: one line per booking until opened.
    const messages = page.locator('tr[data-booking="B009"] details');
    await messages.waitFor();
    expect(await messages.getAttribute('open')).toBeNull();
    await messages.locator('summary').click();
    const sms = page.locator('tr[data-booking="B009"] .message[data-channel="SMS"]');
    await sms.waitFor();
    expect(await sms.innerText()).toMatch(/Emily, we are sorry: SW9012 PHX-OAK is cancelled/);
    expect(await page.locator('tr[data-booking="B009"]').innerText()).toContain('NEEDS_REBOOKING');
    expect(
      await page.locator('tr[data-booking="B009"] .message[data-channel="EMAIL"]').innerText(),
    ).toContain('hearing assistance');
    expect(await page.locator('.timeline').innerText()).toContain(
      'FlightPulseCancellationWorkflow',
    );
    await page.screenshot({ path: join(SCREENSHOTS, '3-flight-SW9012.png'), fullPage: true });
  });

  it('validates a composed event before sending it, then sends it', async () => {
    await page.goto(`${base}/#/`);
    const form = page.locator('#compose');
    await form.locator('select[name="eventType"]').selectOption('GATE_CHANGE');
    await form.locator('select[name="flightId"]').selectOption('SW7890');
    await form.locator('input[name="newGate"]').fill('not a gate');
    await form.getByRole('button', { name: 'Send event' }).click();
    expect(await page.locator('#compose-error').innerText()).toMatch(/new_gate/);
    await form.locator('input[name="newGate"]').fill('C22');
    await form.getByRole('button', { name: 'Send event' }).click();
    await page.locator('tr[data-flight="SW7890"]', { hasText: 'C22' }).waitFor({ timeout: 15_000 });
  });

  it('can be used by keyboard alone', async () => {
    await page.goto(`${base}/#/`);
    await page.reload();
    await page.locator('#board tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement?.textContent')).toBe(
      'Skip to content',
    );
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate<string | null>('document.activeElement?.textContent')) === 'SW1234')
        break;
    }
    await page.keyboard.press('Enter');
    await page.locator('#flight-title', { hasText: 'SW1234' }).waitFor();
  });

  it('shows an operations viewer the board and flights but no passenger data', async () => {
    const viewer = await browser.newPage();
    await viewer.goto(base);
    await signIn(viewer, 'ops-viewer');
    expect(await viewer.locator('#compose').count()).toBe(0);
    await viewer.goto(`${base}/#/flights/SW9012`);
    await viewer.locator('#bookings-hidden').waitFor();
    const text = await viewer.locator('body').innerText();
    expect(text).not.toMatch(/@|Emily|\+1\d{6,}/);
    expect(await viewer.locator('.timeline').innerText()).toContain(
      'FlightPulseCancellationWorkflow',
    );
    await viewer.close();
  });

  it('opens a passenger link on that booking only', async () => {
    const link = await runtime.identity.links.create({
      bookingId: 'B009',
      passengerId: 'P005',
      path: '/',
      ttlSeconds: 600,
    });
    const passenger = await browser.newPage();
    await passenger.goto(`${base}/?${new URL(link.url).searchParams}`);
    await passenger.locator('#booking-title', { hasText: 'B009' }).waitFor();
    expect(passenger.url()).not.toContain('token=');
    expect(await passenger.locator('.message').count()).toBeGreaterThan(0);
    await passenger.goto(`${base}/#/bookings/B001`);
    await passenger.reload();
    await passenger.locator('#view', { hasText: /Forbidden/ }).waitFor();
    await passenger.close();
  });

  it('serves the API docs and never answered 5xx', async () => {
    await page.goto(`${base}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SCREENSHOTS, '4-docs.png') });
    expect(server.serverErrors).toEqual([]);
  });
});
