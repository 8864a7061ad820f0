import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbOfferStore } from '../adapters/dynamodb/dynamodb-offer-store.ts';
import { DynamoDbRebookingBookings } from '../adapters/dynamodb/dynamodb-rebooking-bookings.ts';
import { DynamoDbSeatInventory } from '../adapters/dynamodb/dynamodb-seat-inventory.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import { EventBridgeOfferExpiryScheduler } from '../adapters/eventbridge/eventbridge-offer-expiry-scheduler.ts';
import {
  JoseTokenVerifier,
  localKeys,
  type TrustedIssuer,
} from '../adapters/identity/jose-token-verifier.ts';
import {
  LINK_ISSUER,
  LOCAL_AUDIENCE,
  LocalTokenIssuer,
} from '../adapters/identity/local-token-issuer.ts';
import { SignedPassengerLinks } from '../adapters/identity/signed-passenger-links.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { createOfferAnswers } from '../handlers/answer-offer.ts';
import type { PassengerLinks } from '../ports/passenger-links.ts';
import type { Clock } from '../ports.ts';
import { awsDependencies } from './aws-dependencies.ts';

const RebookingEnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_ARN: z.string().startsWith('arn:'),
  OFFER_SCHEDULE_GROUP: z.string().min(1),
  OFFER_SCHEDULER_ROLE_ARN: z.string().startsWith('arn:'),
  /** SSM SecureString holding the passenger-link signing key (a private ES256 JWK, JSON). */
  OFFER_LINK_KEY_PARAMETER: z.string().startsWith('/'),
  PUBLIC_URL: z.url(),
  OFFER_EXPIRY_MINUTES: z.coerce.number().min(1).max(1440).default(30),
  AWS_REGION: z.string().min(1),
});

/**
 * Rebooking's AWS parts, once per container: the offer stores on the table, EventBridge Scheduler
 * for expiries, and the offer links signed with the key from SSM.
 */
export function rebookingDependencies(env: Record<string, string | undefined>) {
  const parsed = RebookingEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
  const config = parsed.data;
  const base = awsDependencies(env);
  const table = new SingleTable(
    createDocumentClient(new DynamoDBClient({ region: config.AWS_REGION })),
    config.TABLE_NAME,
  );
  const { links, linkIssuer } = passengerLinks(config, base.clock);
  const scheduler = new EventBridgeOfferExpiryScheduler(
    new SchedulerClient({ region: config.AWS_REGION }),
    {
      groupName: config.OFFER_SCHEDULE_GROUP,
      busArn: config.EVENT_BUS_ARN,
      roleArn: config.OFFER_SCHEDULER_ROLE_ARN,
    },
  );
  const offers = new DynamoDbOfferStore(table);
  const inventory = new DynamoDbSeatInventory(table);
  const rebooking = new DynamoDbRebookingBookings(table);
  const answers = createOfferAnswers({
    offers,
    inventory,
    bookings: rebooking,
    idempotency: new DynamoDbIdempotencyStore(table),
    scheduler,
    flights: base.flights,
    publisher: base.publisher,
    clock: base.clock,
    metrics: base.recorder,
  });
  return {
    ...base,
    offers,
    inventory,
    rebooking,
    scheduler,
    links,
    linkIssuer,
    answers,
    expiryMinutes: config.OFFER_EXPIRY_MINUTES,
  };
}

/**
 * The passenger links of AWS: the same jose signer as locally, its key read from SSM on first
 * use (a cold start of a route that sends no link makes no SSM call). `linkIssuer` is what the
 * API's verifier trusts besides Cognito, so a link's token admits its passenger to their booking.
 */
export function passengerLinks(
  config: Pick<
    z.infer<typeof RebookingEnvSchema>,
    'AWS_REGION' | 'OFFER_LINK_KEY_PARAMETER' | 'PUBLIC_URL'
  >,
  clock: Clock,
): { links: PassengerLinks; linkIssuer: TrustedIssuer } {
  let signer: Promise<{ links: SignedPassengerLinks; issuer: LocalTokenIssuer }> | undefined;
  const load = () => {
    signer ??= new SSMClient({ region: config.AWS_REGION })
      .send(
        new GetParameterCommand({ Name: config.OFFER_LINK_KEY_PARAMETER, WithDecryption: true }),
      )
      .then(async ({ Parameter }) => {
        if (!Parameter?.Value)
          throw new Error(`SSM parameter ${config.OFFER_LINK_KEY_PARAMETER} is empty`);
        const issuer = LocalTokenIssuer.fromPrivateJwk(
          JSON.parse(Parameter.Value),
          clock,
          LINK_ISSUER,
        );
        const trusted = {
          issuer: LINK_ISSUER,
          keys: localKeys(await issuer.jwks()),
          audience: LOCAL_AUDIENCE,
        };
        const verifier = new JoseTokenVerifier([trusted], clock);
        return {
          issuer,
          links: new SignedPassengerLinks({ issuer, verifier, baseUrl: config.PUBLIC_URL, clock }),
        };
      });
    return signer;
  };
  const links: PassengerLinks = {
    create: async (request) => (await load()).links.create(request),
    offerLink: async (booking, expiresAt) => (await load()).links.offerLink(booking, expiresAt),
    verify: async (token) => (await load()).links.verify(token),
  };
  const linkIssuer: TrustedIssuer = {
    issuer: LINK_ISSUER,
    audience: LOCAL_AUDIENCE,
    keys: async (header, token) => localKeys(await (await load()).issuer.jwks())(header, token),
  };
  return { links, linkIssuer };
}
