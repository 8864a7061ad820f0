import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PreTokenGenerationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalIdentity,
  openLocalIdentity,
} from '../../../src/adapters/identity/local-identity.ts';
import { principalFromClaims } from '../../../src/domain/identity/principal-claims.ts';
import {
  createPassengerSignInHandler,
  LINK_METADATA_KEY,
  PASSENGER_LINK_USER,
} from '../../../src/handlers/passenger-sign-in.ts';
import type { Clock } from '../../../src/ports.ts';

let now = '2026-03-01T10:00:00.000Z';
const clock: Clock = { now: () => now };
let dataDir: string;
let identity: LocalIdentity;
let handler: ReturnType<typeof createPassengerSignInHandler>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-passenger-sign-in-'));
  identity = await openLocalIdentity(dataDir, clock, 'https://flightpulse.example.com');
  // The Lambda's verifier is the links' own: the same jose code the API runs.
  handler = createPassengerSignInHandler({ verifyLink: (t) => identity.links.verify(t) });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const linkUser = { email: PASSENGER_LINK_USER, sub: 'shared-sub' };
const common = (triggerSource: string, userAttributes: Record<string, string> = linkUser) => ({
  version: '1',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_abc',
  userName: 'shared-sub',
  callerContext: { awsSdkVersion: '3', clientId: 'passenger-client' },
  triggerSource,
  request: { userAttributes },
  response: {},
});

const linkFor = async (bookingId: string, expiresInMinutes = 30) =>
  (
    await identity.links.create({
      bookingId,
      passengerId: `P-${bookingId}`,
      path: '/',
      ttlSeconds: expiresInMinutes * 60,
    })
  ).token;

async function define(
  session: DefineAuthChallengeTriggerEvent['request']['session'],
  user = linkUser,
) {
  const event = common(
    'DefineAuthChallenge_Authentication',
    user,
  ) as DefineAuthChallengeTriggerEvent;
  event.request.session = session;
  return (await handler(event)) as DefineAuthChallengeTriggerEvent;
}

async function verify(answer: string, user = linkUser) {
  const event = common(
    'VerifyAuthChallengeResponse_Authentication',
    user,
  ) as VerifyAuthChallengeResponseTriggerEvent;
  event.request.challengeAnswer = answer;
  event.request.privateChallengeParameters = {};
  return ((await handler(event)) as VerifyAuthChallengeResponseTriggerEvent).response.answerCorrect;
}

async function preToken(metadata: Record<string, string> | undefined, user = linkUser) {
  const event = common('TokenGeneration_Authentication', user) as PreTokenGenerationTriggerEvent;
  event.request.groupConfiguration = { groupsToOverride: [], iamRolesToOverride: [] };
  if (metadata) event.request.clientMetadata = metadata;
  return (await handler(event)) as PreTokenGenerationTriggerEvent;
}

describe('passenger sign-in with a link (Cognito custom auth triggers)', () => {
  it('poses one custom challenge, issues tokens after a correct answer, fails otherwise', async () => {
    expect((await define([])).response).toMatchObject({
      challengeName: 'CUSTOM_CHALLENGE',
      issueTokens: false,
      failAuthentication: false,
    });
    const answered = (challengeResult: boolean) => [
      { challengeName: 'CUSTOM_CHALLENGE' as const, challengeResult, challengeMetadata: '' },
    ];
    expect((await define(answered(true))).response).toMatchObject({ issueTokens: true });
    expect((await define(answered(false))).response).toMatchObject({ failAuthentication: true });
    // No second try, and no one else's account through this flow.
    expect(
      (await define([...answered(false), ...answered(true)])).response.failAuthentication,
    ).toBe(true);
    const staff = { email: 'agent@example.com', sub: 'a' };
    expect((await define([], staff)).response.failAuthentication).toBe(true);
    const create = common('CreateAuthChallenge_Authentication') as CreateAuthChallengeTriggerEvent;
    const posed = (await handler(create)) as CreateAuthChallengeTriggerEvent;
    expect(posed.response.privateChallengeParameters).toEqual({});
  });

  it('accepts a valid link as the answer and refuses forged, expired or foreign ones', async () => {
    const token = await linkFor('B001');
    expect(await verify(token)).toBe(true);
    expect(await verify(`${token.slice(0, -4)}AAAA`)).toBe(false);
    expect(await verify('not a token')).toBe(false);
    expect(await verify(await identity.staffToken('admin'))).toBe(false);
    expect(await verify(token, { email: 'agent@example.com', sub: 'a' })).toBe(false);
    const soon = await linkFor('B002', 1);
    now = '2026-03-01T10:05:00.000Z';
    expect(await verify(soon)).toBe(false);
    now = '2026-03-01T10:00:00.000Z';
  });

  it("puts the link's booking, passenger and the passenger group into the ID token, and nothing without a link", async () => {
    const token = await linkFor('B001');
    const { response } = await preToken({ [LINK_METADATA_KEY]: token });
    expect(response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { booking_id: 'B001', passenger_id: 'P-B001' },
      groupOverrideDetails: { groupsToOverride: ['passenger'] },
    });
    // What the API then reads from the token: a passenger bound to B001 only.
    const claims = {
      sub: 'shared-sub',
      ...response.claimsOverrideDetails?.claimsToAddOrOverride,
      'cognito:groups': response.claimsOverrideDetails?.groupOverrideDetails?.groupsToOverride,
    };
    expect(principalFromClaims(claims)).toMatchObject({
      roles: ['passenger'],
      bookingId: 'B001',
      passengerId: 'P-B001',
    });
    await expect(preToken(undefined)).rejects.toThrow(/valid link/);
    await expect(preToken({ [LINK_METADATA_KEY]: 'forged' })).rejects.toThrow(/valid link/);
    // Staff sign-ins pass through untouched, whatever metadata they carry.
    const staff = await preToken(
      { [LINK_METADATA_KEY]: token },
      { email: 'a@example.com', sub: 'a' },
    );
    expect(staff.response.claimsOverrideDetails).toBeUndefined();
  });
});
