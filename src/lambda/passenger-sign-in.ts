// Lambda entry: the user pool's custom sign-in triggers (define, create, verify, pre-token).
import { z } from 'zod';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { createPassengerSignInHandler } from '../handlers/passenger-sign-in.ts';
import type { Clock } from '../ports.ts';
import { passengerLinks } from './rebooking-dependencies.ts';

const EnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  OFFER_LINK_KEY_PARAMETER: z.string().startsWith('/'),
  PUBLIC_URL: z.url(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
// The same signer's key and jose verifier as the API's passenger-link issuer.
const clock: Clock = { now: () => new Date().toISOString() };
const { links } = passengerLinks(parsed.data, clock);
export const handler = createPassengerSignInHandler({ verifyLink: (token) => links.verify(token) });
