import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { consoleInChromiumPerFile, SCREENSHOTS, signIn } from '../support/console-in-chromium.ts';

// Every response the browser gets is watched: a 5xx fails the suite.
const session = consoleInChromiumPerFile('console');
beforeAll(() => {
  const { source, executablePath } = session.chromium;
  console.info(`console tests: Chromium from ${source} (${executablePath})`);
});

describe('operations console in Chromium', () => {
  it('asks who is signing in, then shows the flight board and a live connection', async () => {
    await session.page.goto(session.base);
    expect(await session.page.locator('#board').count()).toBe(0);
    await signIn(session.page, 'admin');
    expect(await session.page.locator('#session').innerText()).toContain('admin');
    expect(await session.page.locator('#board tbody tr').count()).toBe(
      loadSampleData().flights.length,
    );
    await session.page.locator('#connection.live').waitFor();
    await session.page.screenshot({ path: join(SCREENSHOTS, '1-board.png'), fullPage: true });
  });

  it('runs scenario 3 from the panel: SW9012 turns CANCELLED and notifications arrive without a reload', async () => {
    await session.page.getByRole('button', { name: 'Run scenario 3' }).click();
    await session.page
      .locator('tr[data-flight="SW9012"] .status-CANCELLED')
      .waitFor({ timeout: 15_000 });
    await session.page
      .locator('#feed li[data-kind="notification"]')
      .first()
      .waitFor({ timeout: 15_000 });
    const feedText = await session.page.locator('#feed').innerText();
    expect(feedText).toContain('ACCEPTED');
    expect(feedText).toContain('FlightPulseCancellationWorkflow');
    expect(feedText).toMatch(/EMAIL\s*SW9012/);
    await session.page.screenshot({ path: join(SCREENSHOTS, '2-scenario-3.png'), fullPage: true });
  });

  it('opens the flight page and reads a passenger\u2019s SMS and email', async () => {
    await session.page.getByRole('link', { name: 'SW9012' }).click();
    await session.page.locator('#flight-title').waitFor();
    // Message bodies are collapsed by default: one line per booking until opened.
    const messages = session.page.locator('tr[data-booking="B009"] details');
    await messages.waitFor();
    expect(await messages.getAttribute('open')).toBeNull();
    await messages.locator('summary').click();
    const sms = session.page.locator('tr[data-booking="B009"] .message[data-channel="SMS"]');
    await sms.waitFor();
    expect(await sms.innerText()).toMatch(/Emily, we are sorry: SW9012 PHX-OAK is cancelled/);
    expect(await session.page.locator('tr[data-booking="B009"]').innerText()).toContain(
      'NEEDS_REBOOKING',
    );
    expect(
      await session.page
        .locator('tr[data-booking="B009"] .message[data-channel="EMAIL"]')
        .innerText(),
    ).toContain('hearing assistance');
    expect(await session.page.locator('.timeline').innerText()).toContain(
      'FlightPulseCancellationWorkflow',
    );
    await session.page.screenshot({
      path: join(SCREENSHOTS, '3-flight-SW9012.png'),
      fullPage: true,
    });
  });

  it('validates a composed event before sending it, then sends it', async () => {
    await session.page.goto(`${session.base}/#/`);
    const form = session.page.locator('#compose');
    await form.locator('select[name="eventType"]').selectOption('GATE_CHANGE');
    await form.locator('select[name="flightId"]').selectOption('SW7890');
    await form.locator('input[name="newGate"]').fill('not a gate');
    await form.getByRole('button', { name: 'Send event' }).click();
    expect(await session.page.locator('#compose-error').innerText()).toMatch(/new_gate/);
    await form.locator('input[name="newGate"]').fill('C22');
    await form.getByRole('button', { name: 'Send event' }).click();
    await session.page
      .locator('tr[data-flight="SW7890"]', { hasText: 'C22' })
      .waitFor({ timeout: 15_000 });
  });

  it('can be used by keyboard alone', async () => {
    await session.page.goto(`${session.base}/#/`);
    await session.page.reload();
    await session.page.locator('#board tbody tr').first().waitFor();
    await session.page.keyboard.press('Tab');
    expect(await session.page.evaluate<string | null>('document.activeElement?.textContent')).toBe(
      'Skip to content',
    );
    for (let i = 0; i < 60; i++) {
      await session.page.keyboard.press('Tab');
      if (
        (await session.page.evaluate<string | null>('document.activeElement?.textContent')) ===
        'SW1234'
      )
        break;
    }
    await session.page.keyboard.press('Enter');
    await session.page.locator('#flight-title', { hasText: 'SW1234' }).waitFor();
  });

  it('shows an operations viewer the board and flights but no passenger data', async () => {
    const viewer = await session.browser.newPage();
    await viewer.goto(session.base);
    await signIn(viewer, 'ops-viewer');
    expect(await viewer.locator('#compose').count()).toBe(0);
    await viewer.goto(`${session.base}/#/flights/SW9012`);
    await viewer.locator('#bookings-hidden').waitFor();
    const text = await viewer.locator('body').innerText();
    expect(text).not.toMatch(/@|Emily|\+1\d{6,}/);
    expect(await viewer.locator('.timeline').innerText()).toContain(
      'FlightPulseCancellationWorkflow',
    );
    await viewer.close();
  });

  it('opens a passenger link on that booking only', async () => {
    const link = await session.runtime.identity.links.create({
      bookingId: 'B009',
      passengerId: 'P005',
      path: '/',
      ttlSeconds: 600,
    });
    const passenger = await session.browser.newPage();
    await passenger.goto(`${session.base}/?${new URL(link.url).searchParams}`);
    await passenger.locator('#booking-title', { hasText: 'B009' }).waitFor();
    expect(passenger.url()).not.toContain('token=');
    expect(await passenger.locator('.message').count()).toBeGreaterThan(0);
    await passenger.goto(`${session.base}/#/bookings/B001`);
    await passenger.reload();
    await passenger.locator('#view', { hasText: /Forbidden/ }).waitFor();
    await passenger.close();
  });

  it('serves the API docs and never answered 5xx', async () => {
    await session.page.goto(`${session.base}/docs`);
    await session.page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 15_000 });
    await session.page.screenshot({ path: join(SCREENSHOTS, '4-docs.png') });
    expect(session.server.serverErrors).toEqual([]);
  });
});
