import { INBOUND_EVENT_TYPES, type InboundEvent, InboundEventSchema } from './inbound-events.ts';

/** What could be read of a record that is not a valid event (for the dead-letter entry). */
export interface RecordIdentity {
  event_id?: string;
  flight_id?: string;
  event_type?: string;
}

export type ParsedRecord =
  | { ok: true; event: InboundEvent }
  | { ok: false; reason: string; identity?: RecordIdentity };

/**
 * Parses and validates one record's value, or explains exactly why it cannot be used.
 *
 * @example
 * parseInboundRecord('{"event_type":"PING"}')
 * // { ok: false, reason: 'unknown event type "PING"; expected one of …', identity: {…} }
 */
export function parseInboundRecord(raw: string): ParsedRecord {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const kind = jsonKind(json);
  if (kind !== 'an object')
    return { ok: false, reason: `not an event: the value is ${kind}, not a JSON object` };
  const identity = identityOf(json as Record<string, unknown>);
  const type = (json as Record<string, unknown>).event_type;
  if (type === undefined || type === null)
    return {
      ok: false,
      reason: `event_type is missing; expected one of ${INBOUND_EVENT_TYPES.join(', ')}`,
      identity,
    };
  if (typeof type !== 'string' || !(INBOUND_EVENT_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      reason: `unknown event type ${JSON.stringify(type)}; expected one of ${INBOUND_EVENT_TYPES.join(', ')}`,
      identity,
    };
  }
  const parsed = InboundEventSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(event)'}: ${i.message}`,
    );
    return {
      ok: false,
      reason: `schema violation: ${problems.join('; ')}`,
      identity,
    };
  }
  return { ok: true, event: parsed.data };
}

/** null, a number, a string, an array or an object: what a record's JSON value is. */
function jsonKind(json: unknown): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'an array';
  return typeof json === 'object' ? 'an object' : `a ${typeof json}`;
}

/** The fields that name an event, each read on its own (any of them may be missing or wrong). */
function identityOf(json: Record<string, unknown>): RecordIdentity {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const payload = json.payload;
  const flightId =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? text((payload as Record<string, unknown>).flight_id)
      : undefined;
  const eventId = text(json.event_id);
  const eventType = text(json.event_type);
  return {
    ...(eventId ? { event_id: eventId } : {}),
    ...(eventType ? { event_type: eventType } : {}),
    ...(flightId ? { flight_id: flightId } : {}),
  };
}
