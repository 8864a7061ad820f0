import type { DisruptionKind } from '../../disruptions/disruption.ts';
import type { SpecialRequest } from '../../records/booking.ts';
import type { Language, Tier } from '../../records/passenger.ts';
import type { AssistanceClass, Severity } from '../message-segment.ts';

/**
 * One severity's message in one language, with `{{placeholders}}`. The email is assembled as:
 * greeting, situation, [tier and assistance sentences], next steps, sign-off; the SMS as:
 * sms, [tier sentence], [assistance sentence on a gate change].
 */
export interface SeverityText {
  email_subject: string;
  greeting: string;
  situation: string;
  /** Starts with the pack's `rules.nextSteps` label and names only what the system offers. */
  next_steps: string;
  sms: string;
}

/** What the message checker looks for in a language: the rules of the specification, in words. */
export interface LanguageRules {
  /** The label the email's next steps start with. */
  nextSteps: string;
  /** An apology, required for cancellations and major or severe delays, refused for minor ones. */
  apology: RegExp;
  /** An apology the model is asked to write, matching `apology`. */
  apologyPhrase: string;
  /** The marker of a terminal change, at the start of the SMS and in the email. */
  urgent: string;
  /** The priority a tier brings, next to the tier's name. */
  priority: RegExp;
  /** Promises the disruption policy does not allow (compensation, refunds, vouchers, …). */
  forbiddenPromises: RegExp[];
  /** Next steps the system does not offer (options sent later, an app to check, …). */
  unofferedSteps: RegExp[];
  /** Short words only this language uses: the checker tells the language of a text from them. */
  commonWords: readonly string[];
}

/**
 * Everything a message needs in one language: the templates, the words for the passenger's
 * details, and the rules that judge a message. Pure data, one file per language, so a
 * capability adds its sentences with a small change per language.
 */
export interface LanguagePack {
  language: Language;
  /** English name, for the model prompt. */
  name: string;
  /** BCP 47 locale for dates and times. */
  locale: string;
  /** 8:25 AM (true) or 08:25 (false). */
  hour12: boolean;
  severities: Record<Severity, SeverityText>;
  /** The weather heads-up: nothing changed yet, the flight is still scheduled. */
  headsUp: SeverityText & {
    /** Said when the passenger has assistance booked: it stays booked. */
    assistance: string;
    tierEmail: Record<Tier, string>;
    tierSms: Record<Tier, string>;
  };
  /** Email sentence per tier and kind; MEMBER is empty. */
  tierEmail: Record<Tier, Record<DisruptionKind, string>>;
  /** SMS sentence per tier and kind; MEMBER is empty. */
  tierSms: Record<Tier, Record<DisruptionKind, string>>;
  /** Email sentence per assistance class and kind; NONE is empty. */
  assistanceEmail: Record<AssistanceClass, Record<DisruptionKind, string>>;
  /** SMS sentence per assistance class, sent when the passenger must move (gate changes). */
  assistanceSms: Record<AssistanceClass, string>;
  signOff: string;
  /** Words for each special request, as the email names them. */
  requestWords: Record<SpecialRequest, string>;
  /** Shorter words for the request that sets the assistance class, as the SMS names them. */
  requestShort: Record<SpecialRequest, string>;
  /** Why, after "because of" in the language's sentence. */
  reasons: Record<string, string>;
  /** Units for durations: [singular, plural]. */
  hour: [string, string];
  minute: [string, string];
  /** Joins two requests: "wheelchair assistance and special meal". */
  and: string;
  rules: LanguageRules;
}
