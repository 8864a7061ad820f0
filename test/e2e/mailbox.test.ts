import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { consoleInChromiumPerFile, SCREENSHOTS, signIn } from '../support/console-in-chromium.ts';

interface NotificationRecord {
  notification_id: string;
  booking_id: string;
  channel: string;
  recipient: string;
  subject?: string;
  body: string;
  status: string;
}

const session = consoleInChromiumPerFile('mailbox');

/** The notification records of a flight, as an agent reads them through the API. */
async function notificationsOf(flightId: string): Promise<NotificationRecord[]> {
  const token = await session.runtime.identity.staffToken('agent');
  const response = await session.runtime.app.request(
    `/notifications?flight_id=${flightId}&limit=200`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  return ((await response.json()) as { notifications: NotificationRecord[] }).notifications;
}

describe('the console mailbox and phone in Chromium', () => {
  it('runs scenario 3 and lists every e-mail the embedded SMTP server received', async () => {
    await session.page.goto(session.base);
    await signIn(session.page, 'admin');
    await session.page.getByRole('button', { name: 'Run scenario 3' }).click();
    await session.page
      .locator('tr[data-flight="SW9012"] .status-CANCELLED')
      .waitFor({ timeout: 15_000 });
    await session.runtime.idle();
    const emails = (await notificationsOf('SW9012')).filter((n) => n.channel === 'EMAIL');
    expect(emails.length).toBeGreaterThan(0);

    await session.page.getByRole('link', { name: 'Mailbox' }).click();
    await session.page.locator('#mailbox-title').waitFor();
    const rows = session.page.locator('#mailbox tbody tr[data-mail]');
    expect(await rows.count()).toBe(emails.length);
    const listed: string[] = [];
    for (const row of await rows.all())
      listed.push((await row.getAttribute('data-notification')) ?? '');
    expect(listed.sort()).toEqual(emails.map((n) => n.notification_id).sort());
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'mailbox-1-list.png'),
      fullPage: true,
    });
  });

  it('opens one e-mail: recipient, subject and rendered body match the notification record', async () => {
    const record = (await notificationsOf('SW9012')).find(
      (n) => n.channel === 'EMAIL' && n.booking_id === 'B009',
    ) as NotificationRecord;
    expect(record.status).toMatch(/SENT|DELIVERED/);
    await session.page
      .locator(`#mailbox tr[data-notification="${record.notification_id}"] a`)
      .click();
    await session.page.locator('#mail-title').waitFor();
    expect(await session.page.locator('#mail-title').innerText()).toBe(record.subject);
    expect(await session.page.locator('#mail-to').innerText()).toBe(record.recipient);
    expect(await session.page.locator('#mail-notification').innerText()).toBe(
      record.notification_id,
    );
    const rendered = await session.page.frameLocator('#mail-body').locator('body').innerText();
    // The HTML part shows every paragraph of the recorded body.
    for (const paragraph of record.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean))
      expect(rendered.replace(/\s+/g, ' ')).toContain(paragraph.replace(/\s+/g, ' '));
    await session.page.locator('#mail summary').click();
    expect(await session.page.locator('#mail-text').innerText()).toBe(record.body);
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'mailbox-2-mail.png'),
      fullPage: true,
    });
  });

  it('shows mail HTML without running its scripts', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: session.runtime.smtpPort as number,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'someone@example.org',
      to: 'maria.garcia@example.com',
      subject: 'A hostile message',
      text: 'plain',
      html: '<p id="visible">Hello</p><script>window.ran = true; parent.document.title = "pwned";</script><img src="x" onerror="window.ran = true">',
    });
    transport.close();
    await session.page.goto(`${session.base}/#/mailbox`);
    await session.page
      .locator('#mailbox tbody tr', { hasText: 'A hostile message' })
      .locator('a')
      .click();
    const frame = session.page.frameLocator('#mail-body');
    await frame.locator('#visible').waitFor();
    expect(await session.page.locator('#mail-body').getAttribute('sandbox')).toBe('');
    const child = session.page.frames().find((f) => f !== session.page.mainFrame());
    expect(await child?.evaluate('window.ran')).toBeUndefined();
    expect(await session.page.title()).toBe('FlightPulse operations console');
  });

  it('shows the SMS messages the handsets received, as recorded', async () => {
    const sms = (await notificationsOf('SW9012')).filter((n) => n.channel === 'SMS');
    expect(sms.length).toBeGreaterThan(0);
    await session.page.getByRole('link', { name: 'Phone' }).first().click();
    await session.page.locator('#phone-title').waitFor();
    for (const record of sms) {
      const row = session.page.locator(
        `#handset tr[data-notification="${record.notification_id}"]`,
      );
      expect(await row.count()).toBe(1);
      expect(await row.locator('.message').innerText()).toBe(record.body);
    }
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'mailbox-3-phone.png'),
      fullPage: true,
    });
  });

  it('keeps the mailbox from an operations viewer, and never answered 5xx', async () => {
    const token = await session.runtime.identity.staffToken('ops-viewer');
    const response = await session.runtime.app.request('/console/mailbox', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(403);
    expect(session.server.serverErrors).toEqual([]);
  });
});
