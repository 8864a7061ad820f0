import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PreTokenGenerationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { LinkedBooking } from '../ports/passenger-links.ts';

/**
 * The one Cognito user passengers sign in as with their link (an address that receives no mail).
 * It belongs to no group: its tokens carry a role and a booking only when a valid link was
 * presented at this sign-in, so the account on its own opens nothing.
 */
export const PASSENGER_LINK_USER = 'passenger-links@users.flightpulse.invalid';
/** The ClientMetadata key the offer page passes the link's token under. */
export const LINK_METADATA_KEY = 'link';

export type PassengerSignInEvent =
  | DefineAuthChallengeTriggerEvent
  | CreateAuthChallengeTriggerEvent
  | VerifyAuthChallengeResponseTriggerEvent
  | PreTokenGenerationTriggerEvent;

export interface PassengerSignInDeps {
  /** The same jose verification as the API's: the booking a link is bound to, or undefined. */
  verifyLink(token: string): Promise<LinkedBooking | undefined>;
}

const isLinkUser = (event: { request: { userAttributes: Record<string, string> } }) =>
  event.request.userAttributes.email === PASSENGER_LINK_USER;

/**
 * Cognito's custom sign-in for passenger links: the offer page exchanges its link's token for a
 * Cognito ID token (one challenge: the link itself), so API Gateway's Cognito authorizer admits
 * passengers as it admits staff. Define runs the one-challenge flow, Create poses it, Verify
 * checks the answer with the links' jose verifier, and pre-token generation puts the link's
 * booking, passenger and the passenger group into the token. Anyone else's sign-in passes
 * through untouched; a refresh of a passenger token fails (the page signs in with its link again).
 */
export function createPassengerSignInHandler(deps: PassengerSignInDeps) {
  return async (event: PassengerSignInEvent): Promise<PassengerSignInEvent> => {
    switch (event.triggerSource) {
      case 'DefineAuthChallenge_Authentication':
        return defineChallenge(event);
      case 'CreateAuthChallenge_Authentication':
        event.response.publicChallengeParameters = { answer: 'the passenger link token' };
        event.response.privateChallengeParameters = {};
        event.response.challengeMetadata = 'PASSENGER_LINK';
        return event;
      case 'VerifyAuthChallengeResponse_Authentication':
        event.response.answerCorrect =
          isLinkUser(event) &&
          (await deps.verifyLink(String(event.request.challengeAnswer))) !== undefined;
        return event;
      default:
        return tokenClaims(event as PreTokenGenerationTriggerEvent, deps);
    }
  };
}

/** One custom challenge, one attempt: tokens after a correct link, failure otherwise. */
function defineChallenge(event: DefineAuthChallengeTriggerEvent): DefineAuthChallengeTriggerEvent {
  const { session, userNotFound } = event.request;
  const last = session.at(-1);
  const fail = () => {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
    return event;
  };
  if (userNotFound || !isLinkUser(event) || session.length > 1) return fail();
  if (!last) {
    event.response.challengeName = 'CUSTOM_CHALLENGE';
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    return event;
  }
  if (last.challengeName !== 'CUSTOM_CHALLENGE' || !last.challengeResult) return fail();
  event.response.issueTokens = true;
  event.response.failAuthentication = false;
  return event;
}

/** The link's booking and the passenger group, in the ID token of the link user only. */
async function tokenClaims(
  event: PreTokenGenerationTriggerEvent,
  deps: PassengerSignInDeps,
): Promise<PreTokenGenerationTriggerEvent> {
  if (!isLinkUser(event)) return event;
  const token = event.request.clientMetadata?.[LINK_METADATA_KEY];
  const linked = token ? await deps.verifyLink(token) : undefined;
  // No tokens without a link that still verifies: a refresh or a bare sign-in gets nothing.
  if (!linked) throw new Error('passenger sign-in needs a valid link');
  event.response.claimsOverrideDetails = {
    claimsToAddOrOverride: { booking_id: linked.bookingId, passenger_id: linked.passengerId },
    groupOverrideDetails: { groupsToOverride: ['passenger'] },
  };
  return event;
}
