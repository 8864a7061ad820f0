/** Records no producer should send; each must be dead-lettered with its own reason. */
export interface HostileRecord {
  key: string;
  value?: unknown;
  value_base64?: string;
  why: string;
  /** What the dead-letter reason must say: it names what was wrong with this record. */
  reason: RegExp;
}

const now = () => new Date().toISOString();
const base = (flight = 'SW1234') => ({
  event_id: crypto.randomUUID(),
  event_type: 'FLIGHT_DELAY',
  timestamp: now(),
  source: 'operations_center',
  payload: {
    flight_id: flight,
    delay_minutes: 30,
    reason: 'CREW',
    reason_detail: 'x',
    new_departure: now(),
    new_arrival: now(),
  },
});

const INJECTIONS = [
  "'; DROP TABLE flights; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  `$${'{'}jndi:ldap://127.0.0.1/a}`,
  '{{7*7}}',
  '\u0000\u0001\u0002',
  '\ud800',
  'A'.repeat(5000),
  '%00%0d%0a',
  '__proto__',
];

/** At least 80 hostile records, each wrong in its own way. */
export function hostileCorpus(): HostileRecord[] {
  const records: HostileRecord[] = [];
  const add = (why: string, value: unknown, reason: RegExp, key = 'SW1234') =>
    records.push({ key, value, why, reason });
  const bytes = (why: string, value: Buffer, reason: RegExp) =>
    records.push({ key: 'SW1234', value_base64: value.toString('base64'), why, reason });
  const tooLarge = /^record of \d+ bytes exceeds the \d+-byte limit/;
  add('over the size limit', { ...base(), pad: 'x'.repeat(300 * 1024) }, tooLarge);
  add('over a DynamoDB item (400 KB)', { ...base(), pad: 'x'.repeat(450 * 1024) }, tooLarge);
  // Just under a megabyte: what a Kafka broker takes by default (message.max.bytes 1 MB).
  add('a megabyte', 'y'.repeat(1000 * 1000), tooLarge);
  bytes('invalid UTF-8', Buffer.from([0xff, 0xfe, 0xc3, 0x28]), /invalid UTF-8/);
  bytes('invalid UTF-8 in JSON', Buffer.from('{"event_id":"\xc3\x28"}', 'latin1'), /invalid UTF-8/);
  add('deep JSON', '['.repeat(5000) + ']'.repeat(5000), /nested deeper than \d+ levels/);
  add(
    'deep object',
    JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`),
    /nested deeper than \d+ levels/,
  );
  add(
    'huge array',
    { ...base(), payload: { ...base().payload, list: Array.from({ length: 5000 }, (_, i) => i) } },
    /array longer than \d+ elements/,
  );
  add('not JSON', '{"event_id": ', /^invalid JSON/);
  add('empty string', '', /^empty record/);
  add('null', null, /not an event: the value is null/);
  add('a number', 42, /not an event: the value is a number/);
  add('an array', [1, 2, 3], /not an event: the value is an array/);
  add(
    'timestamp 9999',
    { ...base(), timestamp: '9999-12-31T23:59:59Z' },
    /9999-12-31T23:59:59Z is more than 24 h in the future/,
  );
  add(
    'timestamp 1970',
    { ...base(), timestamp: '1970-01-01T00:00:00Z' },
    /1970-01-01T00:00:00Z is older than \d+ h/,
  );
  add('unknown flight', base('ZZ9999'), /unknown flight ZZ9999/);
  add(
    'unknown type',
    { ...base(), event_type: 'FLIGHT_TELEPORTED' },
    /unknown event type "FLIGHT_TELEPORTED"/,
  );
  for (const [i, text] of INJECTIONS.entries()) {
    add(
      `injection in flight_id ${i}`,
      { ...base(), payload: { ...base().payload, flight_id: text } },
      /payload\.flight_id/,
    );
    add(`injection in event_type ${i}`, { ...base(), event_type: text }, /unknown event type/);
    add(
      `injection in reason ${i}`,
      { ...base(), payload: { ...base().payload, reason: text } },
      /payload\.reason/,
    );
    add(`injection in timestamp ${i}`, { ...base(), timestamp: text }, /timestamp/);
    add(`injection as the value ${i}`, text, /^invalid JSON/);
  }
  const missing: Record<string, RegExp> = {
    event_id: /event_id/,
    event_type: /event_type is missing/,
    timestamp: /timestamp/,
    source: /source/,
    payload: /payload/,
  };
  for (const [field, reason] of Object.entries(missing)) {
    const { [field as keyof ReturnType<typeof base>]: _gone, ...rest } = base();
    add(`missing ${field}`, rest, reason);
  }
  for (const field of ['flight_id', 'delay_minutes', 'reason', 'new_departure', 'new_arrival']) {
    const event = base();
    const { [field as keyof typeof event.payload]: _gone, ...payload } = event.payload;
    add(`missing payload.${field}`, { ...event, payload }, new RegExp(`payload\\.${field}`));
  }
  for (const minutes of [-5, 0, 1.5, 1e9, '30', null]) {
    add(
      `delay_minutes ${String(minutes)}`,
      { ...base(), payload: { ...base().payload, delay_minutes: minutes } },
      /payload\.delay_minutes/,
    );
  }
  add('wrong source', { ...base(), source: 'someone_else' }, /source/);
  add('payload a string', { ...base(), payload: 'SW1234' }, /payload: .*received string/);
  add('payload an array', { ...base(), payload: [] }, /payload: .*received array/);
  add(
    'cancellation without reason',
    { ...base(), event_type: 'FLIGHT_CANCELLED', payload: { flight_id: 'SW9012' } },
    /payload\.reason/,
  );
  add(
    'gate change with gates as numbers',
    {
      ...base(),
      event_type: 'GATE_CHANGE',
      source: 'airport_ops',
      payload: { flight_id: 'SW3456', old_gate: 5, new_gate: 6, terminal_change: 'yes' },
    },
    /payload\.old_gate.*payload\.new_gate.*payload\.terminal_change/,
  );
  return records;
}
