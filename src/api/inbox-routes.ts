import { Hono } from 'hono';
import { z } from 'zod';
import { CASE_STAFF } from '../domain/identity/roles.ts';
import type { PassengerInboxes } from '../ports/passenger-inboxes.ts';
import { loadOr404 } from './api-error.ts';
import { pageOf } from './console-views.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

const MailIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a mailbox message id');

const InboxQuerySchema = z.object({
  /** One recipient's messages: an e-mail address, a phone number or a device endpoint. */
  to: z.string().trim().min(1).max(320).optional(),
  /** Only the messages of one notification (and its fallbacks). */
  notification_id: z.string().trim().min(1).max(300).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
type InboxQuery = z.infer<typeof InboxQuerySchema>;

function inboxQuery(query: (name: string) => string | undefined): InboxQuery {
  const raw = Object.fromEntries(
    ['to', 'notification_id', 'offset', 'limit'].map((n) => [n, query(n) || undefined]),
  );
  return parseParam(InboxQuerySchema, raw, 'query');
}

/** Newest first, filtered and paged: `{items, total, matched, offset, limit}` like every console list. */
function listOf<T extends { to: string; notification_id?: string }>(
  messages: readonly T[],
  query: InboxQuery,
) {
  const matched = messages
    .filter(
      (m) =>
        (query.to === undefined || m.to === query.to) &&
        (query.notification_id === undefined ||
          m.notification_id?.startsWith(query.notification_id) === true),
    )
    .reverse();
  return pageOf(matched, messages.length, query);
}

/**
 * The console's mailbox and phone: what passengers received over SMTP and from the carrier.
 * Message bodies are personal data, so only case staff (agents, admins) read them. The list of
 * e-mails carries no body; one e-mail is opened by its id.
 */
export function inboxRoutes(inboxes: PassengerInboxes): Hono {
  const routes = new Hono();

  routes.get('/console/mailbox', allow(CASE_STAFF), (c) => {
    const view = listOf(
      inboxes.mail,
      inboxQuery((n) => c.req.query(n)),
    );
    return c.json({
      ...view,
      items: view.items.map(({ id, to, from, subject, notification_id, received_at }) => ({
        id,
        to,
        from,
        subject,
        ...(notification_id ? { notification_id } : {}),
        received_at,
      })),
    });
  });

  routes.get('/console/mailbox/:mailId', allow(CASE_STAFF), (c) => {
    const id = parseParam(MailIdSchema, c.req.param('mailId'), 'mailId');
    return c.json(
      loadOr404(
        inboxes.mail.find((m) => m.id === id),
        'Message',
        { id },
      ),
    );
  });

  routes.get('/console/handset', allow(CASE_STAFF), (c) =>
    c.json(
      listOf(
        inboxes.handset,
        inboxQuery((n) => c.req.query(n)),
      ),
    ),
  );

  return routes;
}
