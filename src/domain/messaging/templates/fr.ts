import type { LanguagePack } from './language-pack.ts';

const DELAY_NEXT_STEPS =
  "Prochaines étapes : soyez à la porte {{gate}} 30 minutes avant {{new_departure_time}} ; nous vous écrirons de nouveau si l'heure change. Si le nouvel horaire ne vous convient plus, un agent à l'aéroport ou par téléphone peut examiner d'autres vols avec vous ; indiquez la confirmation {{confirmation_number}}.";

/** French. */
export const FR: LanguagePack = {
  language: 'fr',
  name: 'French',
  locale: 'fr-FR',
  hour12: false,
  severities: {
    MINOR: {
      email_subject: 'Le vol {{flight_id}} a {{delay_duration}} de retard',
      greeting: 'Bonjour {{first_name}},',
      situation:
        'Petite mise à jour : le vol {{flight_id}} de {{origin}} à {{destination}} a {{delay_duration}} de retard {{reason_text}}. Le départ est maintenant prévu à {{new_departure_time}} et l’arrivée à {{new_arrival_time}}.',
      next_steps:
        "Prochaines étapes : vous n'avez rien à faire. Votre siège {{seat}} reste le même ; soyez à la porte {{gate}} 30 minutes avant la nouvelle heure de départ. Nous vous écrirons de nouveau si l'heure change. Confirmation : {{confirmation_number}}.",
      sms: '{{first_name}}, le vol {{flight_id}} part à {{new_departure_time}} ({{delay_duration}} de retard), porte {{gate}}. Rien à faire.',
    },
    MAJOR: {
      email_subject: 'Retard : le vol {{flight_id}} part maintenant à {{new_departure_time}}',
      greeting: 'Bonjour {{first_name}},',
      situation:
        "Nous sommes désolés de cette attente : le vol {{flight_id}} de {{origin}} à {{destination}} a {{delay_duration}} de retard {{reason_text}}. Le départ est maintenant prévu à {{new_departure_time}} et l'arrivée à {{new_arrival_time}}.",
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, le vol {{flight_id}} part à {{new_departure_time}} ({{delay_duration}} de retard). Nous vous écrirons si cela change.',
    },
    SEVERE: {
      email_subject: 'Nous sommes désolés : le vol {{flight_id}} a {{delay_duration}} de retard',
      greeting: 'Bonjour {{first_name}},',
      situation:
        "Nous sommes vraiment désolés : le vol {{flight_id}} de {{origin}} à {{destination}} a {{delay_duration}} de retard {{reason_text}}. Nous savons que cela perturbe vos projets. Le départ est maintenant prévu à {{new_departure_time}} et l'arrivée à {{new_arrival_time}}.",
      next_steps: DELAY_NEXT_STEPS,
      sms: "{{first_name}}, désolés : le vol {{flight_id}} part à {{new_departure_time}} ({{delay_duration}} de retard). Un agent vous propose d'autres vols.",
    },
    CANCELLED: {
      email_subject: 'Nous sommes désolés : le vol {{flight_id}} du {{departure_date}} est annulé',
      greeting: 'Bonjour {{first_name}},',
      situation:
        'Nous sommes désolés de vous informer que le vol {{flight_id}} de {{origin}} à {{destination}}, prévu à {{original_departure_time}} le {{departure_date}}, est annulé {{reason_text}}. Nous vous présentons nos excuses pour ce contretemps. Votre réservation {{confirmation_number}} est marquée pour un changement de vol.',
      next_steps:
        "Prochaines étapes : pour choisir un autre vol, adressez-vous à un agent à l'aéroport ou par téléphone et indiquez la confirmation {{confirmation_number}}.",
      sms: '{{first_name}}, désolés : le vol {{flight_id}} {{origin}}-{{destination}} est annulé. Votre réservation {{confirmation_number}} est à changer.',
    },
    TERMINAL: {
      email_subject:
        'URGENT : le vol {{flight_id}} part maintenant de la porte {{new_gate}} dans un autre terminal',
      greeting: '{{first_name}}, merci de lire ceci maintenant.',
      situation:
        'URGENT : le vol {{flight_id}} pour {{destination}} part maintenant de la porte {{new_gate}} (au lieu de {{old_gate}}). La nouvelle porte est dans un autre terminal.',
      next_steps:
        'Prochaines étapes : rendez-vous dès maintenant à la porte {{new_gate}} et prévoyez du temps pour changer de terminal. Votre siège {{seat}} reste le même. Confirmation : {{confirmation_number}}.',
      sms: 'URGENT {{first_name}} : vol {{flight_id}}, porte {{new_gate}}, autre terminal. Allez-y vite.',
    },
    GATE: {
      email_subject: 'Changement de porte : le vol {{flight_id}} part de la porte {{new_gate}}',
      greeting: 'Bonjour {{first_name}},',
      situation:
        "Le vol {{flight_id}} pour {{destination}} part maintenant de la porte {{new_gate}} au lieu de {{old_gate}}. L'heure de départ ne change pas.",
      next_steps:
        'Prochaines étapes : rendez-vous à la porte {{new_gate}}. Votre siège {{seat}} reste le même. Confirmation : {{confirmation_number}}.',
      sms: '{{first_name}} : le vol {{flight_id}} part de la porte {{new_gate}} (et non {{old_gate}}). Heure inchangée.',
    },
  },
  headsUp: {
    email_subject: 'La météo pourrait affecter le vol {{flight_id}}',
    greeting: 'Bonjour {{first_name}},',
    situation:
      'Les prévisions météo à {{airport}} pourraient affecter votre vol {{flight_id}} de {{origin}} à {{destination}}, prévu au départ à {{original_departure_time}}. Votre vol est toujours maintenu.',
    next_steps:
      "Prochaines étapes : vous n'avez rien à faire pour l'instant. Nous suivons les prévisions et vous écrirons aussitôt si quelque chose change. Confirmation : {{confirmation_number}}.",
    sms: '{{first_name}}, la météo à {{airport}} pourrait affecter le vol {{flight_id}} (départ {{original_departure_time}}). Vol maintenu ; nous vous écrirons si cela change.',
    assistance: 'Nous maintenons votre {{special_assistance}} pour ce vol.',
    tierEmail: {
      MEMBER: '',
      'A-LIST':
        'En tant que membre A-List, votre embarquement prioritaire est maintenu quelle que soit la météo.',
      'A-LIST_PREFERRED':
        'En tant que membre A-List Preferred, votre embarquement prioritaire est maintenu et notre ligne d’assistance prioritaire est à votre disposition.',
    },
    tierSms: {
      MEMBER: '',
      'A-LIST': 'Priorité A-List.',
      'A-LIST_PREFERRED': 'Priorité A-List Preferred.',
    },
  },
  tierEmail: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY:
        'En tant que membre A-List, votre embarquement prioritaire est maintenu pour la nouvelle heure de départ.',
      CANCELLATION:
        'En tant que membre A-List, vous êtes prioritaire auprès de nos agents pour changer de vol.',
      GATE_CHANGE:
        "En tant que membre A-List, votre embarquement prioritaire s'applique à la nouvelle porte.",
    },
    'A-LIST_PREFERRED': {
      DELAY:
        'En tant que membre A-List Preferred, votre embarquement prioritaire est maintenu et notre ligne d’assistance prioritaire est à votre disposition.',
      CANCELLATION:
        'En tant que membre A-List Preferred, vous avez la priorité absolue auprès de nos agents et notre ligne d’assistance prioritaire est à votre disposition.',
      GATE_CHANGE:
        "En tant que membre A-List Preferred, votre embarquement prioritaire s'applique à la nouvelle porte et notre ligne d’assistance prioritaire est à votre disposition.",
    },
  },
  tierSms: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY: 'Priorité A-List.',
      CANCELLATION: 'Priorité A-List auprès des agents.',
      GATE_CHANGE: 'Priorité A-List.',
    },
    'A-LIST_PREFERRED': {
      DELAY: 'Priorité A-List Preferred.',
      CANCELLATION: 'Priorité absolue A-List Preferred.',
      GATE_CHANGE: 'Priorité A-List Preferred.',
    },
  },
  assistanceEmail: {
    NONE: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    MOBILITY: {
      DELAY:
        'Nous avons reporté votre {{special_assistance}} à la nouvelle heure de départ ; notre équipe vous attendra à la porte {{gate}}.',
      CANCELLATION: 'Votre {{special_assistance}} sera reportée sur votre nouveau vol.',
      GATE_CHANGE:
        'Notre équipe est informée du changement et amènera votre {{special_assistance}} à la porte {{new_gate}}.',
    },
    SENSORY: {
      DELAY:
        'Nous avons reporté votre {{special_assistance}} à la nouvelle heure de départ ; un agent à la porte {{gate}} vous tiendra informé.',
      CANCELLATION: 'Votre {{special_assistance}} sera reportée sur votre nouveau vol.',
      GATE_CHANGE:
        'Un agent vous aidera à rejoindre la porte {{new_gate}} avec votre {{special_assistance}}.',
    },
    FAMILY: {
      DELAY: 'Nous avons reporté votre {{special_assistance}} à la nouvelle heure de départ.',
      CANCELLATION: 'Nous reportons votre {{special_assistance}} sur votre nouveau vol.',
      GATE_CHANGE:
        'Notre personnel vous aidera pour votre {{special_assistance}} à la porte {{new_gate}}.',
    },
    SERVICE_ANIMAL: {
      DELAY: 'Nous avons reporté vos {{special_assistance}} à la nouvelle heure de départ.',
      CANCELLATION: 'Nous reportons vos {{special_assistance}} sur votre nouveau vol.',
      GATE_CHANGE: 'Vos {{special_assistance}} vous suivent à la porte {{new_gate}}.',
    },
  },
  assistanceSms: {
    NONE: '',
    MOBILITY: '{{assistance}} : on vous y attend.',
    SENSORY: '{{assistance}} : on vous y attend.',
    FAMILY: '{{assistance}} : on vous y attend.',
    SERVICE_ANIMAL: '{{assistance}} : prévu avec vous.',
  },
  signOff: 'Le service clientèle',
  requestWords: {
    WHEELCHAIR_ASSISTANCE: 'assistance fauteuil roulant',
    VISUAL_ASSISTANCE: 'assistance pour malvoyants',
    HEARING_ASSISTANCE: 'assistance pour malentendants',
    UNACCOMPANIED_MINOR: 'service mineur non accompagné',
    TRAVELLING_WITH_INFANT: 'service voyage avec bébé',
    SERVICE_ANIMAL: "dispositions pour animal d'assistance",
    SPECIAL_MEAL: 'repas spécial',
    EXTRA_SEAT: 'siège supplémentaire',
  },
  requestShort: {
    WHEELCHAIR_ASSISTANCE: 'Fauteuil roulant',
    VISUAL_ASSISTANCE: 'Aide malvoyants',
    HEARING_ASSISTANCE: 'Aide malentendants',
    UNACCOMPANIED_MINOR: 'Mineur non accompagné',
    TRAVELLING_WITH_INFANT: 'Aide bébé',
    SERVICE_ANIMAL: "Animal d'assistance",
    SPECIAL_MEAL: 'Repas spécial',
    EXTRA_SEAT: 'Siège supplémentaire',
  },
  reasons: {
    WEATHER: 'en raison de la météo',
    MECHANICAL: "en raison d'un problème technique",
    CREW: "en raison de la disponibilité de l'équipage",
    ATC: 'en raison de restrictions du contrôle aérien',
    SECURITY: "en raison d'un contrôle de sécurité",
    OTHER: 'pour des raisons opérationnelles',
  },
  hour: ['heure', 'heures'],
  minute: ['minute', 'minutes'],
  and: 'et',
  rules: {
    nextSteps: 'Prochaines étapes :',
    apology: /(désolé|excuse|regrett)/i,
    apologyPhrase: 'nous sommes désolés',
    urgent: 'URGENT',
    priority: /priorit/i,
    forbiddenPromises: [
      /compensation/i,
      /indemnis/i,
      /dédommag/i,
      /rembours/i,
      /bon d'achat|\bavoirs?\b/i,
      /garanti/i,
      /gratuit/i,
      /surclass/i,
    ],
    unofferedSteps: [
      /\b(enverrons|recevrez)\b[^.]*\boptions\b/i,
      /\boptions\b[^.]*\b(suivront|bientôt|arriveront)\b/i,
      /\bapp\b|\bapplication\b/i,
      /\ben ligne\b/i,
    ],
    commonWords: [
      'le',
      'les',
      'votre',
      'vos',
      'et',
      'est',
      'maintenant',
      'vol',
      'porte',
      'nous',
      'vous',
      'pour',
      'avec',
      'du',
      'heure',
      'départ',
      'au',
      'aux',
      'une',
      'sont',
      'retard',
      'désolés',
      'siège',
      'équipe',
      'sur',
      'dans',
      'rien',
      'faire',
      'autre',
      'part',
      'dès',
      'reste',
      'prévu',
      'à',
      'changement',
      'réservation',
      'annulé',
      'cela',
      'allez',
    ],
  },
};
