import { localDate, localTime } from '../messaging/local-clock.ts';
import { languagePack } from '../messaging/templates/language-packs.ts';
import type { Language } from '../records/passenger.ts';
import type { Offer, OfferOption } from './offer.ts';

/** A rebooking message in one language, with `{{placeholders}}`. */
interface OutcomeText {
  subject: string;
  email: string;
  sms: string;
}

/** The sentences rebooking adds, per language: the offer link, and what became of the offer. */
interface RebookingTexts {
  /** Appended to the disruption message when the passenger has an offer. */
  offerEmail: string;
  offerSms: string;
  /** A voluntary offer (long delay, waiver): the passenger may keep the flight. */
  voluntaryEmail: string;
  /** The offer on its own (a waiver has no disruption message to carry it). */
  offer: OutcomeText;
  rebooked: OutcomeText;
  refund: OutcomeText;
  agent: OutcomeText;
  kept: OutcomeText;
}

const TEXTS: Record<Language, RebookingTexts> = {
  en: {
    offerEmail:
      'Choose your new flight here: {{offer_link}}. We are holding a seat on the first choice for you for {{offer_minutes}} minutes; if you do not answer by then, we book it for you.',
    offerSms: 'Pick your new flight: {{offer_link}}',
    voluntaryEmail:
      'If you would rather travel on another flight, you may change without a change fee here within {{offer_minutes}} minutes: {{offer_link}}',
    offer: {
      subject: 'Flight {{flight_id}}: you may change your flight',
      email:
        'Dear {{first_name}}, you may move from flight {{flight_id}} to another flight without a change fee. Your choices: {{offer_link}} (until {{offer_expires_time}}). If you keep your flight, you need to do nothing.',
      sms: '{{first_name}}, you may change flight {{flight_id}} without a fee: {{offer_link}}',
    },
    rebooked: {
      subject: 'You are rebooked: {{new_flights}}',
      email:
        'Dear {{first_name}}, you are now booked on {{new_flights}}, departing {{new_departure}} from {{new_origin}} and arriving at {{new_destination}} at {{new_arrival}}. Your confirmation stays {{confirmation_number}}.',
      sms: '{{first_name}}, you are rebooked on {{new_flights}}, departing {{new_departure}}. Confirmation {{confirmation_number}}.',
    },
    refund: {
      subject: 'Booking {{confirmation_number}} cancelled as you asked',
      email:
        'Dear {{first_name}}, as you asked, booking {{confirmation_number}} for flight {{flight_id}} is cancelled and your refund request is recorded.',
      sms: '{{first_name}}, booking {{confirmation_number}} is cancelled as you asked; your refund request is recorded.',
    },
    agent: {
      subject: 'An agent will rebook you: {{confirmation_number}}',
      email:
        'Dear {{first_name}}, one of our agents is finding the right flights for booking {{confirmation_number}} and will contact you.',
      sms: '{{first_name}}, an agent is finding flights for booking {{confirmation_number}} and will contact you.',
    },
    kept: {
      subject: 'You keep flight {{flight_id}}',
      email:
        'Dear {{first_name}}, the offer to change has closed; you keep your seat on flight {{flight_id}}.',
      sms: '{{first_name}}, you keep your seat on flight {{flight_id}}.',
    },
  },
  es: {
    offerEmail:
      'Elija su nuevo vuelo aquí: {{offer_link}}. Le guardamos un asiento en la primera opción durante {{offer_minutes}} minutos; si no responde antes, lo reservamos por usted.',
    offerSms: 'Elija su nuevo vuelo: {{offer_link}}',
    voluntaryEmail:
      'Si prefiere viajar en otro vuelo, puede cambiar sin cargo por cambio en los próximos {{offer_minutes}} minutos aquí: {{offer_link}}',
    offer: {
      subject: 'Vuelo {{flight_id}}: puede cambiar de vuelo',
      email:
        'Estimado/a {{first_name}}: puede pasar del vuelo {{flight_id}} a otro vuelo sin cargo por cambio. Sus opciones: {{offer_link}} (hasta las {{offer_expires_time}}). Si mantiene su vuelo, no tiene que hacer nada.',
      sms: '{{first_name}}, puede cambiar el vuelo {{flight_id}} sin cargo: {{offer_link}}',
    },
    rebooked: {
      subject: 'Nueva reserva: {{new_flights}}',
      email:
        'Estimado/a {{first_name}}: ahora tiene reserva en {{new_flights}}, con salida el {{new_departure}} desde {{new_origin}} y llegada a {{new_destination}} a las {{new_arrival}}. Su confirmación sigue siendo {{confirmation_number}}.',
      sms: '{{first_name}}, tiene nueva reserva en {{new_flights}}, salida {{new_departure}}. Confirmación {{confirmation_number}}.',
    },
    refund: {
      subject: 'Reserva {{confirmation_number}} cancelada según su petición',
      email:
        'Estimado/a {{first_name}}: como pidió, la reserva {{confirmation_number}} del vuelo {{flight_id}} está cancelada y su solicitud de reembolso queda registrada.',
      sms: '{{first_name}}, la reserva {{confirmation_number}} está cancelada; su solicitud de reembolso queda registrada.',
    },
    agent: {
      subject: 'Un agente le reservará: {{confirmation_number}}',
      email:
        'Estimado/a {{first_name}}: uno de nuestros agentes busca los vuelos adecuados para la reserva {{confirmation_number}} y se pondrá en contacto con usted.',
      sms: '{{first_name}}, un agente busca vuelos para la reserva {{confirmation_number}} y le contactará.',
    },
    kept: {
      subject: 'Mantiene el vuelo {{flight_id}}',
      email:
        'Estimado/a {{first_name}}: la oferta de cambio se ha cerrado; mantiene su asiento en el vuelo {{flight_id}}.',
      sms: '{{first_name}}, mantiene su asiento en el vuelo {{flight_id}}.',
    },
  },
  fr: {
    offerEmail:
      'Choisissez votre nouveau vol ici : {{offer_link}}. Nous vous gardons une place sur le premier choix pendant {{offer_minutes}} minutes ; sans réponse d’ici là, nous le réservons pour vous.',
    offerSms: 'Choisissez votre nouveau vol : {{offer_link}}',
    voluntaryEmail:
      'Si vous préférez un autre vol, vous pouvez changer sans frais de modification dans les {{offer_minutes}} minutes ici : {{offer_link}}',
    offer: {
      subject: 'Vol {{flight_id}} : vous pouvez changer de vol',
      email:
        'Bonjour {{first_name}}, vous pouvez passer du vol {{flight_id}} à un autre vol sans frais de modification. Vos choix : {{offer_link}} (jusqu’à {{offer_expires_time}}). Si vous gardez votre vol, vous n’avez rien à faire.',
      sms: '{{first_name}}, vous pouvez changer le vol {{flight_id}} sans frais : {{offer_link}}',
    },
    rebooked: {
      subject: 'Nouvelle réservation : {{new_flights}}',
      email:
        'Bonjour {{first_name}}, vous êtes maintenant réservé sur {{new_flights}}, départ le {{new_departure}} de {{new_origin}}, arrivée à {{new_destination}} à {{new_arrival}}. Votre confirmation reste {{confirmation_number}}.',
      sms: '{{first_name}}, vous êtes réservé sur {{new_flights}}, départ {{new_departure}}. Confirmation {{confirmation_number}}.',
    },
    refund: {
      subject: 'Réservation {{confirmation_number}} annulée à votre demande',
      email:
        'Bonjour {{first_name}}, comme demandé, la réservation {{confirmation_number}} du vol {{flight_id}} est annulée et votre demande de remboursement est enregistrée.',
      sms: '{{first_name}}, la réservation {{confirmation_number}} est annulée ; votre demande de remboursement est enregistrée.',
    },
    agent: {
      subject: 'Un agent va vous réserver : {{confirmation_number}}',
      email:
        'Bonjour {{first_name}}, un de nos agents cherche les bons vols pour la réservation {{confirmation_number}} et vous contactera.',
      sms: '{{first_name}}, un agent cherche des vols pour la réservation {{confirmation_number}} et vous contactera.',
    },
    kept: {
      subject: 'Vous gardez le vol {{flight_id}}',
      email:
        'Bonjour {{first_name}}, l’offre de changement est close ; vous gardez votre place sur le vol {{flight_id}}.',
      sms: '{{first_name}}, vous gardez votre place sur le vol {{flight_id}}.',
    },
  },
  de: {
    offerEmail:
      'Wählen Sie hier Ihren neuen Flug: {{offer_link}}. Wir halten Ihnen {{offer_minutes}} Minuten lang einen Platz auf der ersten Wahl; ohne Antwort bis dahin buchen wir ihn für Sie.',
    offerSms: 'Neuen Flug wählen: {{offer_link}}',
    voluntaryEmail:
      'Möchten Sie lieber einen anderen Flug nehmen, können Sie innerhalb von {{offer_minutes}} Minuten ohne Umbuchungsgebühr wechseln: {{offer_link}}',
    offer: {
      subject: 'Flug {{flight_id}}: Sie können umbuchen',
      email:
        'Guten Tag {{first_name}}, Sie können von Flug {{flight_id}} ohne Umbuchungsgebühr auf einen anderen Flug wechseln. Ihre Auswahl: {{offer_link}} (bis {{offer_expires_time}}). Behalten Sie Ihren Flug, müssen Sie nichts tun.',
      sms: '{{first_name}}, Sie können Flug {{flight_id}} ohne Gebühr umbuchen: {{offer_link}}',
    },
    rebooked: {
      subject: 'Umgebucht: {{new_flights}}',
      email:
        'Guten Tag {{first_name}}, Sie sind jetzt auf {{new_flights}} gebucht, Abflug {{new_departure}} ab {{new_origin}}, Ankunft in {{new_destination}} um {{new_arrival}}. Ihre Bestätigung bleibt {{confirmation_number}}.',
      sms: '{{first_name}}, Sie sind auf {{new_flights}} umgebucht, Abflug {{new_departure}}. Bestätigung {{confirmation_number}}.',
    },
    refund: {
      subject: 'Buchung {{confirmation_number}} wie gewünscht storniert',
      email:
        'Guten Tag {{first_name}}, wie gewünscht ist die Buchung {{confirmation_number}} für Flug {{flight_id}} storniert und Ihr Erstattungswunsch erfasst.',
      sms: '{{first_name}}, Buchung {{confirmation_number}} ist storniert; Ihr Erstattungswunsch ist erfasst.',
    },
    agent: {
      subject: 'Ein Mitarbeiter bucht Sie um: {{confirmation_number}}',
      email:
        'Guten Tag {{first_name}}, einer unserer Mitarbeiter sucht die passenden Flüge für die Buchung {{confirmation_number}} und meldet sich bei Ihnen.',
      sms: '{{first_name}}, ein Mitarbeiter sucht Flüge für Buchung {{confirmation_number}} und meldet sich.',
    },
    kept: {
      subject: 'Sie behalten Flug {{flight_id}}',
      email:
        'Guten Tag {{first_name}}, das Umbuchungsangebot ist geschlossen; Sie behalten Ihren Platz auf Flug {{flight_id}}.',
      sms: '{{first_name}}, Sie behalten Ihren Platz auf Flug {{flight_id}}.',
    },
  },
};

const SMS_MAX_LENGTH = 160;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

/** The time an offer closes, in the disrupted flight's departure airport's local time. */
export function offerExpiresTime(offer: Offer, origin: string, language: Language): string {
  const pack = languagePack(language);
  return `${localTime(offer.expires_at, origin, pack)} ${localDate(offer.expires_at, origin, pack)}`;
}

/**
 * The offer sentence appended to a disruption message: the email always carries the link; the
 * SMS only when it still fits 160 characters (the email has it in any case).
 */
export function offerSentences(
  offer: Offer,
  values: { language: Language; link: string; origin: string },
): { email: string; sms: string } {
  const text = TEXTS[values.language];
  // A duration, not a clock time: the disruption message's times are the flight's own.
  const minutes = Math.round(
    (Date.parse(offer.expires_at) - Date.parse(offer.created_at)) / 60_000,
  );
  const filled = { offer_link: values.link, offer_minutes: String(minutes) };
  return {
    email: fill(offer.voluntary ? text.voluntaryEmail : text.offerEmail, filled),
    sms: fill(text.offerSms, filled),
  };
}

/** Appends the offer to a filled SMS if it fits. */
export function withOfferSms(sms: string, offerSms: string): string {
  const joined = `${sms} ${offerSms}`;
  return joined.length <= SMS_MAX_LENGTH ? joined : sms;
}

export type OutcomeKind = 'offer' | 'rebooked' | 'refund' | 'agent' | 'kept';

/** Which message an offer's status calls for; undefined when there is nothing to tell. */
export function outcomeOf(offer: Offer): OutcomeKind | undefined {
  switch (offer.status) {
    case 'OPEN':
      return 'offer';
    case 'ACCEPTED':
    case 'AUTO_REBOOKED':
      return 'rebooked';
    case 'DECLINED':
      return 'refund';
    case 'ESCALATED':
      return 'agent';
    case 'EXPIRED':
      return 'kept';
    default:
      return undefined;
  }
}

/** A passenger's message about their offer, filled, in their language. */
export function outcomeMessage(
  kind: OutcomeKind,
  offer: Offer,
  values: {
    language: Language;
    first_name: string;
    confirmation_number: string;
    link: string;
    origin: string;
  },
): { subject: string; email: string; sms: string } {
  const text = TEXTS[values.language][kind];
  const chosen = offer.options.find((o) => o.option_id === offer.chosen_option_id);
  const filled: Record<string, string> = {
    first_name: values.first_name,
    confirmation_number: values.confirmation_number,
    flight_id: offer.flight_id,
    offer_link: values.link,
    offer_expires_time: offerExpiresTime(offer, values.origin, values.language),
    ...(chosen ? trip(chosen, values.language) : {}),
  };
  const sms = fill(text.sms, filled);
  return {
    subject: fill(text.subject, filled),
    email: fill(text.email, filled),
    sms: sms.length <= SMS_MAX_LENGTH ? sms : `${sms.slice(0, SMS_MAX_LENGTH - 1)}…`,
  };
}

function trip(option: OfferOption, language: Language): Record<string, string> {
  const pack = languagePack(language);
  const first = option.segments[0];
  const last = option.segments[option.segments.length - 1];
  if (!first || !last) return {};
  return {
    new_flights: option.segments.map((s) => s.flight_id).join(' + '),
    new_origin: first.origin,
    new_destination: last.destination,
    new_departure: `${localDate(first.departure, first.origin, pack)} ${localTime(first.departure, first.origin, pack)}`,
    new_arrival: localTime(last.arrival, last.destination, pack),
  };
}
