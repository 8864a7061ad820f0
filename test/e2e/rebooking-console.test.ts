/**
 * Rebooking in the console, in Chromium: after scenario 3 (SW9012 cancelled) the flight page
 * shows the offers by status and the seats per cabin; the agent queue lists what waits for a
 * person and an agent settles it; a passenger opens the link from a message they were sent, on
 * a phone-sized screen, and picks a flight — and the booking is REBOOKED.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, PublicOffer } from '../../src/domain/rebooking/offer.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Flight } from '../../src/domain/records/flight.ts';
import type { LocalRuntime } from '../../src/runtime/local-runtime.ts';
import { offerPageText } from '../../web/offer-page-text.ts';
import type { BrowserServer } from '../support/browser-server.ts';
import {
  type ConsoleInChromium,
  SCREENSHOTS,
  signIn,
  startConsoleInChromium,
} from '../support/console-in-chromium.ts';

const PHONE = { width: 390, height: 844 };

let session: ConsoleInChromium;
let runtime: LocalRuntime;
let server: BrowserServer;
let browser: Browser;
let staff: Page;
let base: string;
let adminToken: string;

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${adminToken}`);
  headers.set('content-type', 'application/json');
  const response = await runtime.app.request(path, { ...init, headers });
  return { status: response.status, body: (await response.json()) as T };
}

const offersOf = async (query: string) =>
  (await api<{ offers: Offer[] }>(`/offers?${query}&limit=200`)).body.offers;
const bookingOf = async (id: string) => (await api<Booking>(`/bookings/${id}`)).body;

/**
 * The offer link in the e-mail a booking's passenger received: the notification sent for the
 * booking, the message the embedded SMTP server took in for it, and the link they would tap.
 */
async function emailedOfferLink(bookingId: string): Promise<string | undefined> {
  const sent = (
    await api<{ notifications: Array<{ channel: string; notification_id: string }> }>(
      `/notifications?booking_id=${bookingId}&limit=200`,
    )
  ).body.notifications.filter((n) => n.channel === 'EMAIL');
  for (const notification of sent) {
    const received = (
      await api<{ items: Array<{ id: string }> }>(
        `/console/mailbox?notification_id=${encodeURIComponent(notification.notification_id)}`,
      )
    ).body.items;
    for (const { id } of received) {
      const mail = (await api<{ html: string }>(`/console/mailbox/${id}`)).body;
      const href = /href="([^"]+#\/offer\/[^"]+)"/.exec(mail.html)?.[1];
      if (href) return href.replaceAll('&amp;', '&');
    }
  }
  return undefined;
}

beforeAll(async () => {
  session = await startConsoleInChromium('rebooking-console', {
    // The links in messages point at the address the browser opens.
    linksHere: true,
    // Expiry is not under test here: no offer lapses while the browser works.
    env: { OFFER_EXPIRY_MINUTES: '240' },
  });
  ({ runtime, server, browser, page: staff, base } = session);
  adminToken = await runtime.identity.staffToken('admin');
  expect((await api('/scenarios/3', { method: 'POST' })).status).toBe(202);
  await runtime.idle();
  await staff.goto(base);
  await signIn(staff, 'agent');
}, 90_000);

afterAll(() => session?.close());

describe('rebooking in the console (Chromium)', () => {
  it('shows SW9012’s offers by status and its seats per cabin after scenario 3', async () => {
    const offers = await offersOf('flight_id=SW9012');
    const bookings = (await api<{ bookings: unknown[] }>('/flights/SW9012/bookings?limit=200')).body
      .bookings;
    // Every booking of the cancelled flight is covered by an OPEN offer that avoids it.
    expect(offers.flatMap((o) => o.booking_ids).sort()).toHaveLength(bookings.length);
    expect(offers.every((o) => o.status === 'OPEN')).toBe(true);
    const flightsOffered = offers.flatMap((o) =>
      o.options.flatMap((x) => x.segments.map((s) => s.flight_id)),
    );
    expect(flightsOffered.length).toBeGreaterThan(0);
    expect(flightsOffered).not.toContain('SW9012');
    await staff.goto(`${base}/#/flights/SW9012`);
    await staff.locator('#offer-counts').waitFor();
    await staff.locator('#offers tr[data-offer]').first().waitFor();
    expect(await staff.locator('#offer-counts dd[data-status="OPEN"]').innerText()).toBe(
      String(offers.length),
    );
    for (const status of ['ACCEPTED', 'DECLINED', 'EXPIRED', 'AUTO_REBOOKED', 'ESCALATED'])
      expect(await staff.locator(`#offer-counts dd[data-status="${status}"]`).innerText()).toBe(
        '0',
      );
    expect(await staff.locator('#offers tr[data-offer]').count()).toBe(offers.length);
    const firstRow = await staff
      .locator(`#offers tr[data-offer="${offers[0]?.offer_id}"]`)
      .innerText();
    expect(firstRow).toContain(offers[0]?.options[0]?.segments[0]?.flight_id);
    const seats = (await api<Flight>('/flights/SW9012')).body.seats ?? {};
    expect(Object.keys(seats).length).toBeGreaterThan(0);
    for (const [cabin, c] of Object.entries(seats)) {
      const cells = await staff.locator(`#seats tr[data-cabin="${cabin}"] td`).allInnerTexts();
      expect(cells.slice(0, 3)).toEqual([String(c?.capacity), String(c?.booked), String(c?.held)]);
    }
    await staff.screenshot({
      path: join(SCREENSHOTS, 'rebooking-1-flight-offers.png'),
      fullPage: true,
    });
  });

  it('lists escalated and pending offers with the reason; an agent confirms one and rebooks another by hand', async () => {
    const open = await offersOf('flight_id=SW9012&status=OPEN');
    // A pick that needs approval waits for an agent; a passenger who asks for a person is escalated.
    const upgrade = open.find((o) => o.options.some((x) => x.approval));
    const upgradeOption = upgrade?.options.find((x) => x.approval);
    const asking = open.find((o) => o !== upgrade);
    if (!upgrade || !upgradeOption || !asking) throw new Error('scenario 3 gave too few offers');
    const picked = await api(`/offers/${upgrade.offer_id}/accept`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'e2e-upgrade' },
      body: JSON.stringify({ option_id: upgradeOption.option_id }),
    });
    expect(picked.status).toBe(202);
    const declined = await api(`/offers/${asking.offer_id}/decline`, {
      method: 'POST',
      body: JSON.stringify({ choice: 'agent' }),
    });
    expect(declined.status).toBe(200);

    await staff.goto(`${base}/#/agent-queue`);
    const pending = staff.locator(`article[data-offer="${upgrade.offer_id}"]`);
    const escalated = staff.locator(`article[data-offer="${asking.offer_id}"]`);
    await pending.waitFor();
    expect(await pending.getAttribute('data-status')).toBe('PENDING_AGENT');
    expect(await pending.locator('.reason').innerText()).toMatch(/approval \(CABIN_UPGRADE\)/);
    expect(await escalated.getAttribute('data-status')).toBe('ESCALATED');
    expect(await escalated.locator('.reason').innerText()).toContain('PASSENGER_ASKED_FOR_AGENT');
    await staff.screenshot({
      path: join(SCREENSHOTS, 'rebooking-2-agent-queue.png'),
      fullPage: true,
    });

    await pending.getByRole('button', { name: `Confirm ${upgradeOption.option_id}` }).click();
    await staff.locator('#queue-result', { hasText: upgrade.offer_id }).waitFor();
    expect(await staff.locator('#queue-result').innerText()).toBe(
      `${upgrade.offer_id}: ACCEPTED on ${upgradeOption.option_id}`,
    );
    expect(await staff.locator(`article[data-offer="${upgrade.offer_id}"]`).count()).toBe(0);
    for (const id of upgrade.booking_ids) {
      const booking = await bookingOf(id);
      expect(booking.booking_status).toBe('REBOOKED');
      expect(booking.rebooked_flight_ids).toEqual(upgradeOption.segments.map((x) => x.flight_id));
    }

    // By hand: the agent picks a flight on the route that was not among the passenger's options.
    const form = escalated.locator('form.rebook');
    const choices: string[] = await form
      .locator('select[name="flights"] option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
    const offered = asking.options.map((x) => x.segments.map((s) => s.flight_id).join('+'));
    // With room in economy for the whole party, as the form's free-seat counts tell the agent.
    const roomy: string[] = [];
    for (const choice of choices) {
      const seats = await Promise.all(
        choice.split('+').map(async (id) => (await api<Flight>(`/flights/${id}`)).body.seats),
      );
      const free = seats.map((s) =>
        s?.ECONOMY ? s.ECONOMY.capacity - s.ECONOMY.booked - s.ECONOMY.held : 0,
      );
      if (free.every((n) => n >= asking.seats_needed)) roomy.push(choice);
    }
    const byHand = roomy.find((c) => !offered.includes(c)) ?? roomy[0];
    if (!byHand) throw new Error('no flight on the route has room for the party');
    await form.locator('select[name="flights"]').selectOption(byHand);
    await form.locator('select[name="cabin"]').selectOption('ECONOMY');
    await form.getByRole('button', { name: /^Rebook / }).click();
    await staff.locator('#queue-result', { hasText: asking.offer_id }).waitFor();
    expect(await staff.locator('#queue-result').innerText()).toMatch(
      new RegExp(`^${asking.offer_id}: ACCEPTED on AGENT:`),
    );
    for (const id of asking.booking_ids) {
      const booking = await bookingOf(id);
      expect(booking.booking_status).toBe('REBOOKED');
      expect(booking.rebooked_flight_ids).toEqual(byHand.split('+'));
    }
    expect(await staff.locator('#queue article').count()).toBe(
      (await offersOf('status=ESCALATED')).length + (await offersOf('status=PENDING_AGENT')).length,
    );
  });

  it('lets a passenger answer on a phone from the link in a message they were sent', async () => {
    const open = await offersOf('flight_id=SW9012&status=OPEN');
    let offer: Offer | undefined;
    let bookingId: string | undefined;
    let link: string | undefined;
    for (const candidate of open) {
      for (const id of candidate.booking_ids) {
        link ??= await emailedOfferLink(id);
        if (link && !offer) [offer, bookingId] = [candidate, id];
      }
    }
    if (!offer || !bookingId) throw new Error('no open offer whose passenger was e-mailed a link');
    expect(link?.startsWith(`${base}/`)).toBe(true);

    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(link as string);
    await page.locator('#options .option-card').first().waitFor();
    // No sign-in, no staff navigation, nothing wider than the phone.
    expect(await page.locator('#sign-in').count()).toBe(0);
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await page.locator('.option-card').count()).toBe(offer.options.length);
    // The page speaks the language the passenger's messages are written in.
    const { passenger_id } = await bookingOf(bookingId);
    const { language } = (await api<{ language: string }>(`/passengers/${passenger_id}`)).body;
    const words = offerPageText(language);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe(language);
    expect(await page.locator('#offer-title').innerText()).toBe(words.title);
    const choice = offer.options.find((x) => !x.approval) ?? offer.options[0];
    if (!choice) throw new Error('the offer has no option');
    await page.screenshot({
      path: join(SCREENSHOTS, 'rebooking-3-passenger-offer.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: words.choose(choice.rank) }).tap();
    const outcome = page.locator('#offer-result .outcome-ok');
    await outcome.waitFor();
    expect(await outcome.locator('h3').innerText()).toBe(words.booked[0]);
    expect(await outcome.innerText()).toContain(choice.segments[0]?.flight_id);
    await page.screenshot({
      path: join(SCREENSHOTS, 'rebooking-4-passenger-booked.png'),
      fullPage: true,
    });

    for (const id of offer.booking_ids) {
      const booking = await bookingOf(id);
      expect(booking.booking_status).toBe('REBOOKED');
      expect(booking.original_flight_id).toBe('SW9012');
      expect(booking.rebooked_flight_ids).toEqual(choice.segments.map((x) => x.flight_id));
    }
    // Opened again, the link says what was decided instead of offering the options again.
    await page.reload();
    await page.locator('#offer-result .outcome-ok').waitFor();
    expect(await page.locator('#options').count()).toBe(0);
    const answered = (await api<PublicOffer>(`/bookings/${bookingId}/offer`)).body;
    expect(answered.status).toBe('ACCEPTED');

    // A link whose signature was tampered with opens nothing.
    await page.goto(`${(link as string).slice(0, -3)}xyz`);
    await page.reload();
    await page.locator('#offer-title', { hasText: offerPageText('en').gone }).waitFor();
    await phone.close();
    expect(server.serverErrors).toEqual([]);
  });
});
