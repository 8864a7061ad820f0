import { z } from 'zod';
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

const PartialEventSchema = z
  .object({
    event_id: z.string().optional(),
    event_type: z.string().optional(),
    payload: z.object({ flight_id: z.string().optional() }).loose().optional(),
  })
  .loose();

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
  const identity = identityOf(json);
  const type = identity?.event_type;
  if (!type || !(INBOUND_EVENT_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      reason: `unknown event type ${JSON.stringify(type ?? null)}; expected one of ${INBOUND_EVENT_TYPES.join(', ')}`,
      ...(identity ? { identity } : {}),
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
      ...(identity ? { identity } : {}),
    };
  }
  return { ok: true, event: parsed.data };
}

function identityOf(json: unknown): RecordIdentity | undefined {
  const partial = PartialEventSchema.safeParse(json);
  if (!partial.success) return undefined;
  const { event_id, event_type, payload } = partial.data;
  return {
    ...(event_id ? { event_id } : {}),
    ...(event_type ? { event_type } : {}),
    ...(payload?.flight_id ? { flight_id: payload.flight_id } : {}),
  };
}
