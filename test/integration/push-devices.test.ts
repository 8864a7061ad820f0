import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

/** P002 accepts e-mail and push, not SMS; B005 is their booking on SW5678. */
const TOKEN = 'apns-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack.stop());

describe('push devices', () => {
  it('lets the passenger register their own app, once per token', async () => {
    const passenger = await stack.as({ passengerOf: 'B005' });
    const first = await passenger.post<{ endpoint: string; devices: number }>(
      '/passengers/P002/devices',
      { platform: 'APNS', token: TOKEN },
    );
    expect(first.status).toBe(201);
    expect(first.body.endpoint).toMatch(/^arn:aws:sns:[\w-]+:\d+:endpoint\/APNS\/flightpulse\//);
    const again = await passenger.post<{ endpoint: string; devices: number }>(
      '/passengers/P002/devices',
      { platform: 'APNS', token: TOKEN },
    );
    expect(again.body).toMatchObject({ endpoint: first.body.endpoint, devices: 1 });
  });

  it('refuses another passenger, an operations viewer, and a malformed registration', async () => {
    const other = await stack.as({ passengerOf: 'B001' });
    expect(
      (await other.post('/passengers/P002/devices', { platform: 'FCM', token: TOKEN })).status,
    ).toBe(403);
    const viewer = await stack.as('ops-viewer');
    expect(
      (await viewer.post('/passengers/P002/devices', { platform: 'FCM', token: TOKEN })).status,
    ).toBe(403);
    const bad = await stack.post<{ parameter: string }>('/passengers/P002/devices', {
      platform: 'WINDOWS',
      token: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('body');
    expect((await stack.post('/passengers/P002/devices', '{"platform": ')).status).toBe(400);
  });

  it('sends the short message of a disruption to the device, with the e-mail, and no SMS', async () => {
    await stack.produce([
      inboundEvent(
        { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 50, reason: 'ATC' },
        new Date().toISOString(),
      ),
    ]);
    const { body } = await stack.get<{
      notifications: Array<{ channel: string; recipient: string; body: string; status: string }>;
    }>('/notifications?booking_id=B005&flight_id=SW5678');
    expect(body.notifications.map((n) => n.channel).sort()).toEqual(['EMAIL', 'PUSH']);
    const push = body.notifications.find((n) => n.channel === 'PUSH');
    const received = stack.runtime.inboxes.handset.filter((m) => m.channel === 'PUSH');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: push?.recipient, body: push?.body });
    expect(received[0]?.title).toMatch(/SW5678/);
    expect(push?.status).toBe('SENT');
  });
});
