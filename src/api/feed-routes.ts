import { Hono } from 'hono';
import { ADMINS } from '../domain/identity/roles.ts';
import { type FeedProducer, FeedRecordTooLargeError } from '../ports.ts';
import { apiError } from './api-error.ts';
import { allow } from './route-access.ts';

const MAX_RECORDS = 1000;

/** Turns a body into feed records: one event, an array of events, or Kafka REST Proxy's `{ records }`. */
function toRecords(
  body: unknown,
): Array<{ key: string | null; value: string; valueBase64?: string }> {
  const proxy =
    typeof body === 'object' && body !== null && !Array.isArray(body) && 'records' in body;
  const values: unknown[] = proxy
    ? ((body as { records: unknown }).records as unknown[])
    : (Array.isArray(body) ? body : [body]).map((value) => ({ value }));
  if (!Array.isArray(values) || values.length === 0) throw apiError(400, 'No records to produce');
  if (values.length > MAX_RECORDS)
    throw apiError(413, `At most ${MAX_RECORDS} records per request`);
  return values.map((item) => {
    if (typeof item !== 'object' || item === null)
      throw apiError(
        400,
        'Each of records must be an object { key?, value } or { key?, value_base64 }',
      );
    const { key, value, value_base64: base64 } = item as Record<string, unknown>;
    if (
      base64 !== undefined &&
      (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    )
      throw apiError(400, 'value_base64 must be base64');
    return {
      key: typeof key === 'string' ? key : flightIdOf(value),
      value: typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'),
      ...(typeof base64 === 'string' ? { valueBase64: base64 } : {}),
    };
  });
}

/** Kafka's key for an operations event is its flight id, so one flight's events stay in order. */
function flightIdOf(value: unknown): string | null {
  const event = value as { flight_id?: unknown; payload?: { flight_id?: unknown } } | null;
  // A hand-written event may put the flight id beside the payload; keyed so, its rejection is listed under it.
  const id = event?.payload?.flight_id ?? event?.flight_id;
  return typeof id === 'string' ? id : null;
}

/**
 * The embedded Kafka feed's produce endpoint, in the style of Kafka REST Proxy. Any JSON value is
 * accepted as a record; validation happens at ingest, where bad events are dead-lettered.
 */
export function feedRoutes(feed: FeedProducer): Hono {
  const routes = new Hono();
  routes.post('/feed/flight-operations', allow(ADMINS), async (c) => {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw apiError(400, 'Invalid JSON', { reasons: [(error as Error).message] });
    }
    try {
      const offsets = await feed.produce(toRecords(body));
      return c.json({ topic: 'flight-operations', offsets }, 202);
    } catch (error) {
      // Kafka refuses a record over message.max.bytes: nothing of this request was produced.
      if (error instanceof FeedRecordTooLargeError)
        throw apiError(413, 'Record too large for the topic', {
          record: error.index,
          bytes: error.bytes,
          limit: error.limit,
        });
      throw error;
    }
  });
  return routes;
}
