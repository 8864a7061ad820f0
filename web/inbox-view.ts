/**
 * The console's mailbox and phone: what passengers received from the embedded SMTP server and
 * the loopback carrier (local stack only). An e-mail's HTML is shown in a sandboxed frame with
 * no scripts and no remote loads, so whatever a message contains cannot run in the console.
 */

import type { ReceivedHandsetMessage } from '../src/ports/passenger-inboxes.ts';
import { viewerTime } from './time-format.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;

interface MailSummary {
  id: string;
  to: string;
  from: string;
  subject: string;
  notification_id?: string;
  received_at: string;
}
interface Mail extends MailSummary {
  text: string;
  html: string;
}
interface Listing<T> {
  items: T[];
  total: number;
  matched: number;
  offset: number;
  limit: number;
}

const PAGE = 50;

/** The frame's own policy: inline styles only, no scripts, no fetches, no images from outside. */
const FRAME_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'";

/**
 * The e-mail's HTML as a document for a sandboxed frame, with the policy first in its head, then
 * escaped once more for the `srcdoc` attribute.
 */
export function sandboxedDocument(html: string, h: Escape): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank">`;
  const document = /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${policy}`)
    : `<!doctype html><html><head><meta charset="utf-8">${policy}</head><body>${html}</body></html>`;
  return h(document);
}

function pager(listing: Listing<unknown>, prefix: string, h: Escape): string {
  const { offset, limit, matched } = listing;
  const last = Math.min(offset + listing.items.length, matched);
  const older = offset + limit < matched;
  return `<p class="muted" role="status" id="${prefix}-count">showing ${matched === 0 ? 0 : offset + 1}–${last} of ${matched}${listing.total !== matched ? ` (${listing.total} in all)` : ''}</p>
    <p>${offset > 0 ? `<button type="button" class="secondary" data-offset="${h(Math.max(0, offset - limit))}">Newer</button>` : ''}
    ${older ? `<button type="button" class="secondary" data-offset="${h(offset + limit)}">Older</button>` : ''}</p>`;
}

function filterForm(id: string, to: string, placeholder: string, h: Escape): string {
  return `<form id="${id}" class="row" role="search">
      <label>Recipient <input name="to" value="${h(to)}" placeholder="${h(placeholder)}" /></label>
      <button type="submit" class="secondary">Filter</button></form>`;
}

/** Binds a list page's filter and pager to re-render it with the new query. */
function bindList(
  formId: string,
  render: (to: string, offset: number) => Promise<void>,
  to: string,
): void {
  const form = document.getElementById(formId) as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void render(String(new FormData(form).get('to') ?? '').trim(), 0);
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-offset]'))
    button.addEventListener('click', () => void render(to, Number(button.dataset.offset)));
}

const query = (to: string, offset: number) =>
  `?limit=${PAGE}&offset=${offset}${to ? `&to=${encodeURIComponent(to)}` : ''}`;

/** A list of received messages, filtered by recipient `to` and paged from `offset`. */
type InboxPage = (
  view: HTMLElement,
  api: Api,
  h: Escape,
  to?: string,
  offset?: number,
) => Promise<void>;

/** Every e-mail the embedded SMTP server received, newest first: recipient, subject, time. */
export const renderMailbox: InboxPage = async (view, api, h, to = '', offset = 0) => {
  const listing = await api<Listing<MailSummary>>(`/console/mailbox${query(to, offset)}`);
  view.dataset.page = 'mailbox';
  const rows = listing.items
    .map(
      (m) => `<tr data-mail="${h(m.id)}" data-notification="${h(m.notification_id ?? '')}">
        <td>${h(m.to)}</td><td><a href="#/mailbox/${h(m.id)}">${h(m.subject || '(no subject)')}</a></td>
        <td>${viewerTime(m.received_at)}</td></tr>`,
    )
    .join('');
  view.innerHTML = `<section aria-labelledby="mailbox-title"><h2 id="mailbox-title">Mailbox</h2>
    <p class="muted">E-mail the embedded SMTP server received, as the passengers' mailboxes hold it. <a href="#/phone">Phone</a></p>
    ${filterForm('mailbox-filter', to, 'maria.garcia@example.com', h)}
    <table id="mailbox"><caption class="muted">newest first</caption>
      <thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="3" class="muted">No e-mail yet.</td></tr>'}</tbody></table>
    ${pager(listing, 'mailbox', h)}</section>`;
  bindList('mailbox-filter', (t, o) => renderMailbox(view, api, h, t, o), to);
};

/** One e-mail: its header, the HTML part rendered without scripts, and the text part. */
export async function renderMail(
  view: HTMLElement,
  api: Api,
  h: Escape,
  id: string,
): Promise<void> {
  const mail = await api<Mail>(`/console/mailbox/${encodeURIComponent(id)}`);
  view.dataset.page = `mail:${id}`;
  view.innerHTML = `<section aria-labelledby="mail-title" id="mail" data-mail="${h(mail.id)}">
    <p><a href="#/mailbox">← Mailbox</a></p>
    <h2 id="mail-title">${h(mail.subject || '(no subject)')}</h2>
    <dl class="mail-header">
      <dt>From</dt><dd>${h(mail.from)}</dd><dt>To</dt><dd id="mail-to">${h(mail.to)}</dd>
      <dt>Received</dt><dd>${viewerTime(mail.received_at)}</dd>
      <dt>Notification</dt><dd id="mail-notification">${h(mail.notification_id ?? '—')}</dd>
    </dl>
    ${
      mail.html
        ? `<iframe id="mail-body" title="Message body" sandbox="" referrerpolicy="no-referrer" srcdoc="${sandboxedDocument(mail.html, h)}"></iframe>`
        : ''
    }
    <details ${mail.html ? '' : 'open'}><summary>Plain text</summary><div class="message" id="mail-text">${h(mail.text)}</div></details>
  </section>`;
}

/** The SMS and push messages the passengers' handsets received, newest first. */
export const renderPhone: InboxPage = async (view, api, h, to = '', offset = 0) => {
  const listing = await api<Listing<ReceivedHandsetMessage>>(
    `/console/handset${query(to, offset)}`,
  );
  view.dataset.page = 'phone';
  const rows = listing.items
    .map(
      (
        m,
      ) => `<tr data-message="${h(m.message_id)}" data-channel="${h(m.channel)}" data-notification="${h(m.notification_id ?? '')}">
        <td>${h(m.to)}</td><td>${h(m.channel)}</td>
        <td><div class="message">${m.title ? `<strong>${h(m.title)}</strong>\n` : ''}${h(m.body)}</div></td>
        <td>${viewerTime(m.received_at)}</td></tr>`,
    )
    .join('');
  view.innerHTML = `<section aria-labelledby="phone-title"><h2 id="phone-title">Phone</h2>
    <p class="muted">Text messages and push notifications the loopback carrier delivered to the passengers' handsets. <a href="#/mailbox">Mailbox</a></p>
    ${filterForm('phone-filter', to, '+15550100000', h)}
    <table id="handset"><caption class="muted">newest first</caption>
      <thead><tr><th scope="col">To</th><th scope="col">Channel</th><th scope="col">Message</th><th scope="col">Received</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4" class="muted">No messages yet.</td></tr>'}</tbody></table>
    ${pager(listing, 'phone', h)}</section>`;
  bindList('phone-filter', (t, o) => renderPhone(view, api, h, t, o), to);
};
