/** Records no producer should send; each must be dead-lettered with its own reason. */
export interface HostileRecord {
  key: string;
  value?: unknown;
  value_base64?: string;
  why: string;
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
  const add = (why: string, value: unknown, key = 'SW1234') => records.push({ key, value, why });
  add('over the size limit', { ...base(), pad: 'x'.repeat(300 * 1024) });
  add('a megabyte', 'y'.repeat(1024 * 1024));
  records.push({
    key: 'SW1234',
    value_base64: Buffer.from([0xff, 0xfe, 0xc3, 0x28]).toString('base64'),
    why: 'invalid UTF-8',
  });
  records.push({
    key: 'SW1234',
    value_base64: Buffer.from('{"event_id":"\xc3\x28"}', 'latin1').toString('base64'),
    why: 'invalid UTF-8 in JSON',
  });
  add('deep JSON', '['.repeat(5000) + ']'.repeat(5000));
  add('deep object', JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`));
  add('huge array', {
    ...base(),
    payload: { ...base().payload, list: Array.from({ length: 5000 }, (_, i) => i) },
  });
  add('not JSON', '{"event_id": ');
  add('empty string', '');
  add('null', null);
  add('a number', 42);
  add('an array', [1, 2, 3]);
  add('timestamp 9999', { ...base(), timestamp: '9999-12-31T23:59:59Z' });
  add('timestamp 1970', { ...base(), timestamp: '1970-01-01T00:00:00Z' });
  add('unknown flight', base('ZZ9999'));
  add('unknown type', { ...base(), event_type: 'FLIGHT_TELEPORTED' });
  for (const [i, text] of INJECTIONS.entries()) {
    add(`injection in flight_id ${i}`, {
      ...base(),
      payload: { ...base().payload, flight_id: text },
    });
    add(`injection in event_type ${i}`, { ...base(), event_type: text });
    add(`injection in reason ${i}`, { ...base(), payload: { ...base().payload, reason: text } });
    add(`injection in timestamp ${i}`, { ...base(), timestamp: text });
    add(`injection as the value ${i}`, text);
  }
  for (const field of ['event_id', 'event_type', 'timestamp', 'source', 'payload']) {
    const { [field as keyof ReturnType<typeof base>]: _gone, ...rest } = base();
    add(`missing ${field}`, rest);
  }
  for (const field of ['flight_id', 'delay_minutes', 'reason', 'new_departure', 'new_arrival']) {
    const event = base();
    const { [field as keyof typeof event.payload]: _gone, ...payload } = event.payload;
    add(`missing payload.${field}`, { ...event, payload });
  }
  for (const minutes of [-5, 0, 1.5, 1e9, '30', null]) {
    add(`delay_minutes ${String(minutes)}`, {
      ...base(),
      payload: { ...base().payload, delay_minutes: minutes },
    });
  }
  add('wrong source', { ...base(), source: 'someone_else' });
  add('payload a string', { ...base(), payload: 'SW1234' });
  add('payload an array', { ...base(), payload: [] });
  add('cancellation without reason', {
    ...base(),
    event_type: 'FLIGHT_CANCELLED',
    payload: { flight_id: 'SW9012' },
  });
  add('gate change with gates as numbers', {
    ...base(),
    event_type: 'GATE_CHANGE',
    source: 'airport_ops',
    payload: { flight_id: 'SW3456', old_gate: 5, new_gate: 6, terminal_change: 'yes' },
  });
  return records;
}
