import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

// As `flightpulse start` runs it: serving for days, it holds no list of runs or bus events.
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({}, { keepExecutions: false, keepBusEvents: false });
});
afterAll(() => stack?.stop());

describe('a runtime that holds no runs or bus events', () => {
  it('still settles, notifies and counts every run on the dashboard', async () => {
    const event = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 150, reason: 'CREW' },
      '2025-01-15T06:00:00Z',
    );
    // produce() returns once idle() has settled: once the run has ended and notified.
    await stack.produce([event]);
    const sent = (
      await stack.get<{ notifications: NotificationDetail[] }>(
        '/notifications?flight_id=SW5678&limit=200',
      )
    ).body.notifications;
    expect(sent.length).toBeGreaterThan(0);
    expect(stack.runtime.executions).toEqual([]);
    expect(stack.runtime.busEvents).toEqual([]);
    expect(stack.runtime.busEventCount()).toBeGreaterThan(sent.length);
    const metrics = await stack.get<{ finished_workflows: number; failed_workflows: number }>(
      '/metrics',
    );
    expect(metrics.body).toMatchObject({ finished_workflows: 1, failed_workflows: 0 });
  });
});
