/**
 * The API keeps its published contract: every operation of `GET /openapi.json` is called — once
 * as documented and once for each error it documents — and every answer must carry a documented
 * status and a body that validates against the document's schema for it. Operations are read
 * from the document, so a new route is walked as soon as it is documented.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

/** Who a call is made as: an admin (documented calls), nobody (401), or another booking's passenger (403). */
type Caller = 'admin' | 'nobody' | 'other passenger';
const tokens = new Map<Caller, string>();

/** Headers a call carries: a token from the local issuer, as a real client would. */
function authHeaders(caller: Caller = 'admin'): Record<string, string> {
  const token = tokens.get(caller);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Values of path and query parameters, by name: one that exists, one well formed but unknown. */
const KNOWN: Record<string, string> = {
  flightId: 'SW9012',
  // A booking of the cancelled SW9012, so it has a rebooking offer (its id is read once it exists).
  bookingId: 'B009',
  passengerId: 'P001',
  flight_id: 'SW9012',
  booking_id: 'B009',
  'Idempotency-Key': 'contract-walk',
};
const UNKNOWN: Record<string, string> = {
  flightId: 'ZZ9999',
  bookingId: 'B999999',
  passengerId: 'P999999',
  flight_id: 'ZZ9999',
  booking_id: 'B999999',
  offerId: 'OFR-ZZZZZZ-ZZ9999-0000000',
};
const MALFORMED = 'not valid!';
/** Samples by parameter name, or one malformed value for every parameter. */
type Samples = Record<string, string> | typeof MALFORMED;

let stack: LocalStack;
let document: { paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  stack = await startLocalStack();
  // Scenario 3 and a rejected record first, so every list has something to list.
  await stack.produce([
    inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012', reason: 'WEATHER' }),
    { event_id: 'e-broken', event_type: 'FLIGHT_DELAY', payload: { flight_id: 'SW9012' } },
  ]);
  document = (await stack.get<typeof document>('/openapi.json')).body;
  const offer = await stack.get<{ offer_id: string }>(`/bookings/${KNOWN.bookingId}/offer`);
  if (offer.status !== 200) throw new Error(`${KNOWN.bookingId} has no offer after scenario 3`);
  KNOWN.offerId = offer.body.offer_id;
  tokens.set('admin', await stack.runtime.identity.staffToken('admin'));
  // B002 is P003's: for every operation either the role or the booking is not theirs.
  const other = await stack.runtime.identity.links.create({
    bookingId: 'B002',
    passengerId: 'P003',
    path: '/',
  });
  tokens.set('other passenger', other.token);
}, 60_000);
afterAll(() => stack.stop());

/** A value for a parameter the document declares: an enum's first value, or a sample by name. */
function valueFor(parameter: Parameter, samples: Samples): string {
  const values = parameter.schema.enum as unknown[] | undefined;
  if (values?.length && samples !== MALFORMED) return String(values[0]);
  const sample = typeof samples === 'string' ? samples : samples[parameter.name];
  if (sample === undefined) {
    throw new Error(`no sample value for parameter "${parameter.name}": add one to this test`);
  }
  return sample;
}

interface Call {
  why: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  caller?: Caller;
}

/** The documented call, then one call per documented error, built from the document alone. */
function callsFor(template: string, operation: Operation): Call[] {
  const parameters = operation.parameters ?? [];
  const build = (why: string, pathSamples: Samples, extra = {}, body?: string) => {
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(valueFor(parameter as Parameter, pathSamples));
    });
    // Required query parameters, and the optional ones that name a record (flight_id, …).
    const querySamples = pathSamples === MALFORMED ? KNOWN : pathSamples;
    const query = Object.fromEntries(
      parameters
        .filter((p) => p.in === 'query' && (p.required || p.name in querySamples))
        .map((p) => [p.name, valueFor(p, querySamples)]),
    );
    // Required headers, and the optional ones this walk has a value for: always well formed.
    const headers = Object.fromEntries(
      parameters
        .filter((p) => p.in === 'header' && (p.required || p.name in KNOWN))
        .map((p) => [p.name, valueFor(p, KNOWN)]),
    );
    return {
      why,
      path,
      query: { ...query, ...extra },
      headers,
      ...(body !== undefined ? { body } : {}),
    };
  };
  const examples = Object.values(
    operation.requestBody?.content['application/json']?.examples ?? {},
  ).map((e) => JSON.stringify(e.value));
  // A body without examples is sent empty: its schema's defaults make it a documented request.
  const documented = operation.requestBody
    ? examples.length > 0
      ? examples.map((body, i) => build(`example ${i + 1}`, KNOWN, {}, body))
      : [build('empty body', KNOWN, {}, '{}')]
    : [build('documented', KNOWN)];
  const calls: Call[] = [...documented];
  const statuses = Object.keys(operation.responses);
  const hasPathParameter = parameters.some((p) => p.in === 'path');
  if (statuses.includes('404')) {
    // One unknown record at a time (other optional parameters left out): a 404 names one record.
    const pathSamples = Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, KNOWN[p.name] ?? '']),
    );
    // A well-formed request (the first documented body) about a record that does not exist.
    const body = operation.requestBody ? (examples[0] ?? '{}') : undefined;
    for (const parameter of parameters.filter((p) => p.name in UNKNOWN)) {
      const unknown = UNKNOWN[parameter.name] as string;
      const samples = { ...pathSamples, [parameter.name]: unknown };
      calls.push(build(`unknown ${parameter.name}`, samples, {}, body));
    }
  }
  if (statuses.includes('400')) {
    if (hasPathParameter) calls.push(build('malformed id', MALFORMED));
    else if (parameters.some((p) => p.name === 'limit'))
      calls.push(build('bad limit', KNOWN, { limit: '0' }));
    if (operation.requestBody) calls.push(build('invalid JSON', KNOWN, {}, '{"event_id": '));
  }
  if (statuses.includes('401')) calls.push({ ...build('no token', KNOWN), caller: 'nobody' });
  if (statuses.includes('403'))
    calls.push({ ...build("another booking's passenger", KNOWN), caller: 'other passenger' });
  if (statuses.includes('413')) {
    calls.push(build('too many records', KNOWN, {}, JSON.stringify(Array(1001).fill({}))));
  }
  return calls;
}

describe('the API against its OpenAPI document', () => {
  it('answers every documented call with a documented status and a body matching its schema', async () => {
    const problems: string[] = [];
    const seen = new Map<string, Set<string>>();
    let calls = 0;
    // Erasure last: the walk's other calls read the passenger it erases.
    const operations = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({ template, method, operation })),
      )
      .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    for (const { template, method, operation } of operations) {
      const key = `${method.toUpperCase()} ${template}`;
      seen.set(key, new Set());
      for (const call of callsFor(template, operation)) {
        const url = `${call.path}?${new URLSearchParams(call.query)}`.replace(/\?$/, '');
        const response = await stack.runtime.app.request(url, {
          method: method.toUpperCase(),
          headers: {
            ...call.headers,
            ...authHeaders(call.caller),
            'content-type': 'application/json',
          },
          ...(call.body !== undefined ? { body: call.body } : {}),
        });
        calls++;
        const status = String(response.status);
        seen.get(key)?.add(status);
        const documented = operation.responses[status];
        const where = `${key} (${call.why}: ${method.toUpperCase()} ${url})`;
        if (!documented) {
          problems.push(`${where}: status ${status} is not documented`);
          continue;
        }
        const schema = documented.content?.['application/json']?.schema;
        const body = await response.json().catch(() => undefined);
        if (schema && !ajv.validate(schema, body)) {
          problems.push(`${where}: ${status} body ${ajv.errorsText(ajv.errors)}`);
        }
      }
    }
    // Each status the walk can provoke must have been answered: a documented success (unless the
    // record's state answered 409, a documented conflict such as no weather assessment yet; an
    // operation may document several, e.g. created and replayed), 400, 404, 413.
    const conflicts: string[] = [];
    for (const [key, statuses] of seen) {
      const [method, template] = key.split(' ') as [string, string];
      const documented = Object.keys(
        document.paths[template]?.[method.toLowerCase()]?.responses ?? {},
      );
      if (statuses.has('409')) conflicts.push(key);
      const successes = documented.filter((s) => s.startsWith('2'));
      const succeeded = successes.some((s) => statuses.has(s)) || statuses.has('409');
      const untried = [
        ...(succeeded ? [] : successes),
        ...documented.filter((s) => ['400', '404', '413'].includes(s) && !statuses.has(s)),
      ];
      if (untried.length > 0) {
        problems.push(`${key}: documented ${untried.join(', ')} never answered`);
      }
    }
    if (conflicts.length > 0)
      console.info(`answered 409 (state conflict): ${conflicts.join('; ')}`);
    console.info(
      `contract walk: ${seen.size} operations, ${calls} calls, ${problems.length} mismatches`,
    );
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(14);
  }, 120_000);

  it('documents every answer an offer can give: created, replayed, waiting for an agent, confirmed, declined, rebooked by hand', async () => {
    // The walk's feed examples cancel SW9012 again: let that workflow settle before reading offers.
    expect(await stack.runtime.idle()).toEqual([]);
    const call = async (method: string, path: string, body?: unknown, key?: string) => {
      const response = await stack.runtime.app.request(path, {
        method,
        headers: {
          ...authHeaders(),
          'content-type': 'application/json',
          ...(key ? { 'Idempotency-Key': key } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, text: await response.text() };
    };
    /** The answer must be a status the document lists for the operation, with a body its schema admits. */
    const documented = (template: string, answer: { status: number; text: string }) => {
      const responses = document.paths[template]?.post?.responses ?? {};
      const schema = responses[String(answer.status)]?.content?.['application/json']?.schema;
      expect(schema, `${template} answered ${answer.status}: ${answer.text}`).toBeDefined();
      expect(
        ajv.validate(schema as Schema, JSON.parse(answer.text)),
        ajv.errorsText(ajv.errors),
      ).toBe(true);
      return answer.status;
    };
    type Listed = {
      offer_id: string;
      seats_needed: number;
      options: Array<{
        option_id: string;
        approval?: string;
        segments: Array<{ flight_id: string }>;
      }>;
    };
    const open = (await stack.get<{ offers: Listed[] }>('/offers?flight_id=SW9012&status=OPEN'))
      .body.offers;
    const upgrade = open.find((o) => o.options.some((x) => x.approval));
    const others = open.filter((o) => o !== upgrade);
    const [picker, decliner] = others;
    if (!upgrade || !picker || !decliner) throw new Error('scenario 3 gave too few open offers');

    const accept = '/offers/{offerId}/accept';
    const first = await call(
      'POST',
      `/offers/${picker.offer_id}/accept`,
      { option_id: picker.options[0]?.option_id },
      'k1',
    );
    expect(documented(accept, first)).toBe(201);
    const replay = await call(
      'POST',
      `/offers/${picker.offer_id}/accept`,
      { option_id: picker.options[0]?.option_id },
      'k1',
    );
    expect(documented(accept, replay)).toBe(200);
    expect(replay.text).toBe(first.text);
    const option = upgrade.options.find((x) => x.approval)?.option_id;
    expect(
      documented(
        accept,
        await call('POST', `/offers/${upgrade.offer_id}/accept`, { option_id: option }, 'k2'),
      ),
    ).toBe(202);
    const confirmed = await call('POST', `/offers/${upgrade.offer_id}/confirm`);
    expect(documented('/offers/{offerId}/confirm', confirmed)).toBe(200);

    const declined = await call('POST', `/offers/${decliner.offer_id}/decline`, {
      choice: 'agent',
    });
    expect(documented('/offers/{offerId}/decline', declined)).toBe(200);
    // By hand onto one of its itineraries in a cabin that has room for the party.
    const free = async (id: string, cabin: 'ECONOMY' | 'BUSINESS') => {
      const c = (
        await stack.get<{
          seats?: Record<string, { capacity: number; booked: number; held: number }>;
        }>(`/flights/${id}`)
      ).body.seats?.[cabin];
      return c ? c.capacity - c.booked - c.held : 0;
    };
    let target: { flight_ids: string[]; cabin: 'ECONOMY' | 'BUSINESS' } | undefined;
    for (const o of decliner.options)
      for (const cabin of ['ECONOMY', 'BUSINESS'] as const) {
        const ids = o.segments.map((x) => x.flight_id);
        const room = await Promise.all(ids.map((id) => free(id, cabin)));
        if (!target && room.every((n) => n >= decliner.seats_needed))
          target = { flight_ids: ids, cabin };
      }
    if (!target) throw new Error(`no itinerary of ${decliner.offer_id} has room left`);
    const rebooked = await call('POST', `/offers/${decliner.offer_id}/rebook`, target);
    expect(documented('/offers/{offerId}/rebook', rebooked)).toBe(200);
  });
});
