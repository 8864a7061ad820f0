import { describe, expect, it } from 'vitest';
import {
  InvalidPatternError,
  matchesPattern,
} from '../../../src/adapters/local/eventbridge/match-pattern.ts';
import { ROUTING_RULES } from '../../../src/domain/event-routing/routing-rules.ts';

const event = {
  version: '0',
  id: '1',
  'detail-type': 'flight.delay.major',
  source: 'flightpulse.kafka-consumer',
  account: '123456789012',
  time: '2025-01-15T10:00:00Z',
  region: 'us-east-1',
  resources: [
    'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
    'arn:aws:ec2:us-east-1:123456789012:instance/i-2',
  ],
  detail: {
    flight_id: 'SW5678',
    delay_minutes: 90,
    reason: 'MECHANICAL',
    terminal_change: false,
    gate: null,
    tags: ['wide-body', 'hub'],
    flight_details: { origin: 'HOU', destination: 'DEN' },
    source_ip: '10.0.0.17',
  },
};

describe('matchesPattern (EventBridge semantics)', () => {
  it('matches exact values, any of an array', () => {
    expect(matchesPattern({ source: ['flightpulse.kafka-consumer'] }, event)).toBe(true);
    expect(matchesPattern({ source: ['other', 'flightpulse.kafka-consumer'] }, event)).toBe(true);
    expect(matchesPattern({ source: ['other'] }, event)).toBe(false);
  });

  it('requires every field of the pattern to match', () => {
    expect(
      matchesPattern(
        { source: ['flightpulse.kafka-consumer'], 'detail-type': ['flight.cancelled'] },
        event,
      ),
    ).toBe(false);
  });

  it('descends into nested objects', () => {
    expect(matchesPattern({ detail: { flight_details: { origin: ['HOU'] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { flight_details: { origin: ['DAL'] } } }, event)).toBe(false);
  });

  it('matches numbers numerically and booleans and null exactly', () => {
    expect(matchesPattern({ detail: { delay_minutes: [90] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { delay_minutes: ['90'] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { terminal_change: [false] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { gate: [null] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { missing: [null] } }, event)).toBe(false);
  });

  it('matches when any element of an array in the event matches', () => {
    expect(matchesPattern({ detail: { tags: ['hub'] } }, event)).toBe(true);
    expect(matchesPattern({ resources: [{ suffix: '/i-2' }] }, event)).toBe(true);
  });

  it('supports prefix and suffix, also ignoring case', () => {
    expect(matchesPattern({ 'detail-type': [{ prefix: 'flight.delay.' }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ prefix: 'notification.' }] }, event)).toBe(false);
    expect(matchesPattern({ 'detail-type': [{ suffix: '.major' }] }, event)).toBe(true);
    expect(
      matchesPattern(
        { 'detail-type': [{ prefix: { 'equals-ignore-case': 'FLIGHT.DELAY' } }] },
        event,
      ),
    ).toBe(true);
    expect(
      matchesPattern({ 'detail-type': [{ 'equals-ignore-case': 'FLIGHT.DELAY.MAJOR' }] }, event),
    ).toBe(true);
  });

  it('supports anything-but with a value, a list and a prefix; a missing field never matches it', () => {
    expect(matchesPattern({ detail: { reason: [{ 'anything-but': 'WEATHER' }] } }, event)).toBe(
      true,
    );
    expect(
      matchesPattern(
        { detail: { reason: [{ 'anything-but': ['WEATHER', 'MECHANICAL'] }] } },
        event,
      ),
    ).toBe(false);
    expect(
      matchesPattern({ 'detail-type': [{ 'anything-but': { prefix: 'flight.' } }] }, event),
    ).toBe(false);
    expect(matchesPattern({ detail: { missing: [{ 'anything-but': 'x' }] } }, event)).toBe(false);
  });

  it('supports numeric ranges', () => {
    expect(
      matchesPattern({ detail: { delay_minutes: [{ numeric: ['>=', 30, '<=', 120] }] } }, event),
    ).toBe(true);
    expect(matchesPattern({ detail: { delay_minutes: [{ numeric: ['>', 120] }] } }, event)).toBe(
      false,
    );
    expect(matchesPattern({ detail: { reason: [{ numeric: ['>', 0] }] } }, event)).toBe(false);
  });

  it('supports exists', () => {
    expect(matchesPattern({ detail: { flight_id: [{ exists: true }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { missing: [{ exists: false }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { flight_id: [{ exists: false }] } }, event)).toBe(false);
  });

  it('supports wildcard and cidr', () => {
    expect(matchesPattern({ 'detail-type': [{ wildcard: 'flight.*.major' }] }, event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ wildcard: 'flight.*.minor' }] }, event)).toBe(false);
    expect(matchesPattern({ detail: { source_ip: [{ cidr: '10.0.0.0/24' }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { source_ip: [{ cidr: '10.0.1.0/24' }] } }, event)).toBe(false);
  });

  it('supports $or', () => {
    const pattern = { $or: [{ source: ['nope'] }, { detail: { reason: ['MECHANICAL'] } }] };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(
      matchesPattern({ $or: [{ source: ['nope'] }, { detail: { reason: ['CREW'] } }] }, event),
    ).toBe(false);
  });

  it('rejects malformed patterns loudly', () => {
    expect(() => matchesPattern({ source: 'flightpulse' }, event)).toThrow(InvalidPatternError);
    expect(() => matchesPattern({ source: [{ regex: '.*' }] }, event)).toThrow(InvalidPatternError);
  });
});

describe('FlightPulse routing rules', () => {
  /** Each kind of event from the FlightPulse producer that publishes it. */
  const producerOf = (detailType: string) =>
    detailType.startsWith('flight.delay') ||
    detailType === 'flight.cancelled' ||
    detailType === 'flight.gate_change'
      ? 'flightpulse.kafka-consumer'
      : detailType.startsWith('notification.')
        ? 'flightpulse.workflows'
        : 'flightpulse.stream-handler';
  const route = (
    detailType: string,
    source = producerOf(detailType),
    detail: Record<string, unknown> = event.detail,
  ) =>
    ROUTING_RULES.filter((r) =>
      matchesPattern(r.eventPattern, { ...event, source, 'detail-type': detailType, detail }),
    ).flatMap((r) =>
      r.targets.map((t) =>
        t.kind === 'state-machine'
          ? t.stateMachine
          : t.kind === 'function'
            ? t.functionId
            : t.logGroup,
      ),
    );

  it.each(['flight.delay.minor', 'flight.delay.major', 'flight.delay.severe'])(
    'routes %s to the delay workflow',
    (type) => {
      expect(route(type)).toEqual(['delay-notification']);
    },
  );

  it('routes cancellations, gate changes, notifications and booking changes', () => {
    expect(route('flight.cancelled')).toEqual(['cancellation']);
    expect(route('flight.gate_change')).toEqual(['gate-change']);
    expect(route('notification.email')).toEqual([
      '/flightpulse/notifications/email',
      'record-notification',
    ]);
    expect(route('notification.sms')).toEqual([
      '/flightpulse/notifications/sms',
      'record-notification',
    ]);
    expect(route('booking.status_changed')).toEqual(['/flightpulse/audit']);
    expect(route('flight.delayed')).toEqual([]);
  });

  it('records only notifications their sender did not claim (a claim is the record)', () => {
    const claimed = { ...event.detail, claimed: true };
    for (const channel of ['email', 'sms', 'push']) {
      expect(route(`notification.${channel}`, undefined, claimed)).toEqual([
        `/flightpulse/notifications/${channel}`,
      ]);
      expect(route(`notification.${channel}`)).toEqual([
        `/flightpulse/notifications/${channel}`,
        'record-notification',
      ]);
    }
  });

  it('starts nothing for an event of the right type from another producer', () => {
    for (const type of ['flight.delay.major', 'flight.cancelled', 'notification.sms'])
      expect(route(type, 'somebody.else')).toEqual([]);
    expect(ROUTING_RULES.every((r) => Array.isArray(r.eventPattern.source))).toBe(true);
  });
});
