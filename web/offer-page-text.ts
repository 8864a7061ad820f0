/**
 * The passenger's offer page in the languages FlightPulse writes messages in: the page speaks the
 * language of the message that linked to it (the passenger's `language`). Facts (flights, times,
 * confirmation number) are filled in; nothing else varies.
 */

export type PageLanguage = 'en' | 'es' | 'fr' | 'de';

export interface OfferPageText {
  locale: string;
  title: string;
  booking: string;
  voluntary: (flight: string) => string;
  disrupted: (flight: string) => string;
  party: (n: number) => string;
  deadline: (time: string) => string;
  option: (rank: number) => string;
  best: string;
  choose: (rank: number) => string;
  sending: string;
  none: string;
  refund: string;
  agent: string;
  onTime: string;
  later: (span: string) => string;
  approval: string;
  cabin: (cabin: string) => string;
  booked: [string, string];
  pending: [string, string];
  declined: [string, string];
  escalated: [string, string];
  expired: [string, string];
  taken: string;
  takenSome: string;
  takenNone: string;
  failed: (why: string) => [string, string];
  gone: string;
  goneExpired: string;
  goneForeign: string;
  goneHelp: string;
}

const en: OfferPageText = {
  locale: 'en-GB',
  title: 'Your new flight',
  booking: 'Booking',
  voluntary: (f) => `You may keep flight ${f} or move, free of charge, to one of these.`,
  disrupted: (f) => `Flight ${f} is disrupted. Choose your new flight.`,
  party: (n) => `Your party of ${n} travels together: each option has room for all of you.`,
  deadline: (t) =>
    `Please answer by <strong>${t}</strong> (your time). Without an answer we book option 1 for you.`,
  option: (r) => `Option ${r}`,
  best: 'best arrival',
  choose: (r) => `Choose option ${r}`,
  sending: 'Sending…',
  none: 'None of these work for me',
  refund: 'Cancel my trip and refund me',
  agent: 'Ask an agent to find another flight',
  onTime: 'arrives on time',
  later: (s) => `arrives ${s} later than planned`,
  approval: 'needs an agent’s approval (cabin upgrade)',
  cabin: (c) => (c === 'BUSINESS' ? 'Business' : 'Economy'),
  booked: ['You are booked', 'A confirmation is on its way on your usual channels.'],
  pending: [
    'An agent will confirm your choice',
    'This option needs an agent’s approval; we will message you when it is confirmed.',
  ],
  declined: [
    'Your booking is cancelled for a refund',
    'The refund goes back to your original form of payment.',
  ],
  escalated: [
    'An agent will help you',
    'An agent has your booking and will contact you with a new flight.',
  ],
  expired: ['This offer has expired', 'Your original booking stands.'],
  taken: 'That seat was just taken',
  takenSome: 'Please choose one of the options still open.',
  takenNone: 'No option is left; ask an agent below.',
  failed: (why) => ['We could not take your answer', `${why}. Please try again.`],
  gone: 'This link no longer works',
  goneExpired: 'It has expired or is not valid.',
  goneForeign: 'It is not a link we sent.',
  goneHelp: 'Your disruption message tells you how to reach an agent.',
};

const es: OfferPageText = {
  locale: 'es-ES',
  title: 'Su nuevo vuelo',
  booking: 'Reserva',
  voluntary: (f) => `Puede conservar el vuelo ${f} o cambiar sin coste a uno de estos.`,
  disrupted: (f) => `El vuelo ${f} tiene una incidencia. Elija su nuevo vuelo.`,
  party: (n) => `Su grupo de ${n} viaja junto: cada opción tiene sitio para todos.`,
  deadline: (t) =>
    `Responda antes de las <strong>${t}</strong> (su hora). Sin respuesta, le reservamos la opción 1.`,
  option: (r) => `Opción ${r}`,
  best: 'mejor llegada',
  choose: (r) => `Elegir la opción ${r}`,
  sending: 'Enviando…',
  none: 'Ninguna me sirve',
  refund: 'Cancelar mi viaje y recibir el reembolso',
  agent: 'Pedir a un agente otro vuelo',
  onTime: 'llega a la hora prevista',
  later: (s) => `llega ${s} más tarde de lo previsto`,
  approval: 'requiere la aprobación de un agente (cambio de cabina)',
  cabin: (c) => (c === 'BUSINESS' ? 'Business' : 'Turista'),
  booked: ['Ya tiene su reserva', 'Le enviamos la confirmación por sus canales habituales.'],
  pending: [
    'Un agente confirmará su elección',
    'Esta opción requiere la aprobación de un agente; le avisaremos cuando esté confirmada.',
  ],
  declined: [
    'Su reserva se ha cancelado con reembolso',
    'El reembolso se hará a su forma de pago original.',
  ],
  escalated: [
    'Un agente le ayudará',
    'Un agente tiene su reserva y le contactará con un nuevo vuelo.',
  ],
  expired: ['Esta oferta ha caducado', 'Su reserva original se mantiene.'],
  taken: 'Esa plaza se acaba de ocupar',
  takenSome: 'Elija una de las opciones que siguen disponibles.',
  takenNone: 'No queda ninguna opción; pida ayuda a un agente abajo.',
  failed: (why) => ['No hemos podido registrar su respuesta', `${why}. Inténtelo de nuevo.`],
  gone: 'Este enlace ya no funciona',
  goneExpired: 'Ha caducado o no es válido.',
  goneForeign: 'No es un enlace que hayamos enviado.',
  goneHelp: 'Su mensaje sobre la incidencia indica cómo contactar con un agente.',
};

const fr: OfferPageText = {
  locale: 'fr-FR',
  title: 'Votre nouveau vol',
  booking: 'Réservation',
  voluntary: (f) => `Vous pouvez garder le vol ${f} ou passer sans frais sur l’un de ceux-ci.`,
  disrupted: (f) => `Le vol ${f} est perturbé. Choisissez votre nouveau vol.`,
  party: (n) => `Votre groupe de ${n} voyage ensemble : chaque option a de la place pour tous.`,
  deadline: (t) =>
    `Merci de répondre avant <strong>${t}</strong> (votre heure). Sans réponse, nous réservons l’option 1 pour vous.`,
  option: (r) => `Option ${r}`,
  best: 'meilleure arrivée',
  choose: (r) => `Choisir l’option ${r}`,
  sending: 'Envoi…',
  none: 'Aucune ne me convient',
  refund: 'Annuler mon voyage et être remboursé',
  agent: 'Demander à un agent un autre vol',
  onTime: 'arrive à l’heure',
  later: (s) => `arrive ${s} plus tard que prévu`,
  approval: 'nécessite l’accord d’un agent (surclassement)',
  cabin: (c) => (c === 'BUSINESS' ? 'Affaires' : 'Économique'),
  booked: ['Votre vol est réservé', 'Une confirmation vous est envoyée sur vos canaux habituels.'],
  pending: [
    'Un agent va confirmer votre choix',
    'Cette option nécessite l’accord d’un agent ; nous vous écrirons dès qu’elle sera confirmée.',
  ],
  declined: [
    'Votre réservation est annulée et remboursée',
    'Le remboursement se fait sur votre moyen de paiement d’origine.',
  ],
  escalated: [
    'Un agent va vous aider',
    'Un agent a votre réservation et vous contactera avec un nouveau vol.',
  ],
  expired: ['Cette offre a expiré', 'Votre réservation d’origine est maintenue.'],
  taken: 'Cette place vient d’être prise',
  takenSome: 'Choisissez l’une des options encore ouvertes.',
  takenNone: 'Il ne reste aucune option ; demandez un agent ci-dessous.',
  failed: (why) => ['Nous n’avons pas pu enregistrer votre réponse', `${why}. Réessayez.`],
  gone: 'Ce lien ne fonctionne plus',
  goneExpired: 'Il a expiré ou n’est pas valide.',
  goneForeign: 'Ce n’est pas un lien que nous avons envoyé.',
  goneHelp: 'Votre message sur la perturbation indique comment joindre un agent.',
};

const de: OfferPageText = {
  locale: 'de-DE',
  title: 'Ihr neuer Flug',
  booking: 'Buchung',
  voluntary: (f) => `Sie können Flug ${f} behalten oder kostenlos auf einen dieser Flüge wechseln.`,
  disrupted: (f) => `Flug ${f} ist gestört. Wählen Sie Ihren neuen Flug.`,
  party: (n) => `Ihre Gruppe von ${n} reist zusammen: Jede Option hat Platz für alle.`,
  deadline: (t) =>
    `Bitte antworten Sie bis <strong>${t}</strong> (Ihre Zeit). Ohne Antwort buchen wir Option 1 für Sie.`,
  option: (r) => `Option ${r}`,
  best: 'früheste Ankunft',
  choose: (r) => `Option ${r} wählen`,
  sending: 'Wird gesendet…',
  none: 'Keine davon passt mir',
  refund: 'Reise stornieren und Erstattung erhalten',
  agent: 'Einen Agenten um einen anderen Flug bitten',
  onTime: 'kommt pünktlich an',
  later: (s) => `kommt ${s} später als geplant an`,
  approval: 'braucht die Freigabe eines Agenten (Upgrade)',
  cabin: (c) => (c === 'BUSINESS' ? 'Business' : 'Economy'),
  booked: ['Sie sind gebucht', 'Eine Bestätigung ist auf Ihren üblichen Kanälen unterwegs.'],
  pending: [
    'Ein Agent bestätigt Ihre Wahl',
    'Diese Option braucht die Freigabe eines Agenten; wir melden uns, sobald sie bestätigt ist.',
  ],
  declined: [
    'Ihre Buchung ist storniert und wird erstattet',
    'Die Erstattung geht an Ihr ursprüngliches Zahlungsmittel.',
  ],
  escalated: [
    'Ein Agent hilft Ihnen',
    'Ein Agent hat Ihre Buchung und meldet sich mit einem neuen Flug.',
  ],
  expired: ['Dieses Angebot ist abgelaufen', 'Ihre ursprüngliche Buchung bleibt bestehen.'],
  taken: 'Dieser Platz wurde gerade vergeben',
  takenSome: 'Bitte wählen Sie eine der noch offenen Optionen.',
  takenNone: 'Keine Option ist mehr frei; bitten Sie unten einen Agenten um Hilfe.',
  failed: (why) => [
    'Ihre Antwort konnte nicht angenommen werden',
    `${why}. Bitte erneut versuchen.`,
  ],
  gone: 'Dieser Link funktioniert nicht mehr',
  goneExpired: 'Er ist abgelaufen oder ungültig.',
  goneForeign: 'Diesen Link haben nicht wir gesendet.',
  goneHelp: 'Ihre Nachricht zur Störung sagt Ihnen, wie Sie einen Agenten erreichen.',
};

export const OFFER_PAGE_TEXT: Record<PageLanguage, OfferPageText> = { en, es, fr, de };

/** The page's words for a passenger's language; English for any other. */
export function offerPageText(language: unknown): OfferPageText & { lang: PageLanguage } {
  const lang = (Object.keys(OFFER_PAGE_TEXT) as PageLanguage[]).find((l) => l === language) ?? 'en';
  return { ...OFFER_PAGE_TEXT[lang], lang };
}
