import type { LanguagePack } from './language-pack.ts';

const DELAY_NEXT_STEPS =
  'Próximos pasos: esté en la puerta {{gate}} 30 minutos antes de las {{new_departure_time}}; le escribiremos de nuevo si la hora cambia. Si la nueva hora ya no le conviene, un agente en el aeropuerto o por teléfono puede revisar otros vuelos con usted; indique la confirmación {{confirmation_number}}.';

/** Spanish. */
export const ES: LanguagePack = {
  language: 'es',
  name: 'Spanish',
  locale: 'es-ES',
  hour12: false,
  severities: {
    MINOR: {
      email_subject: 'El vuelo {{flight_id}} sale con {{delay_duration}} de retraso',
      greeting: 'Hola, {{first_name}}:',
      situation:
        'Una breve actualización: el vuelo {{flight_id}} de {{origin}} a {{destination}} sale con {{delay_duration}} de retraso {{reason_text}}. Ahora está previsto que salga a las {{new_departure_time}} y llegue a las {{new_arrival_time}}.',
      next_steps:
        'Próximos pasos: no tiene que hacer nada. Su asiento {{seat}} no cambia; esté en la puerta {{gate}} 30 minutos antes de la nueva hora de salida. Le escribiremos de nuevo si la hora cambia. Confirmación: {{confirmation_number}}.',
      sms: '{{first_name}}, el vuelo {{flight_id}} sale a las {{new_departure_time}} ({{delay_duration}} de retraso), puerta {{gate}}. No tiene que hacer nada.',
    },
    MAJOR: {
      email_subject: 'Retraso: el vuelo {{flight_id}} sale ahora a las {{new_departure_time}}',
      greeting: 'Estimado/a {{first_name}}:',
      situation:
        'Sentimos la espera: el vuelo {{flight_id}} de {{origin}} a {{destination}} tiene un retraso de {{delay_duration}} {{reason_text}}. Ahora está previsto que salga a las {{new_departure_time}} y llegue a las {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, el vuelo {{flight_id}} tiene {{delay_duration}} de retraso y sale a las {{new_departure_time}}. Le avisaremos si cambia.',
    },
    SEVERE: {
      email_subject: 'Lo sentimos: el vuelo {{flight_id}} tiene {{delay_duration}} de retraso',
      greeting: 'Estimado/a {{first_name}}:',
      situation:
        'Lo sentimos mucho: el vuelo {{flight_id}} de {{origin}} a {{destination}} tiene un retraso de {{delay_duration}} {{reason_text}}. Sabemos que esto altera sus planes. Ahora está previsto que salga a las {{new_departure_time}} y llegue a las {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, lo sentimos: el vuelo {{flight_id}} sale a las {{new_departure_time}} ({{delay_duration}} de retraso). Un agente le ofrece otros vuelos.',
    },
    CANCELLED: {
      email_subject: 'Lo sentimos: el vuelo {{flight_id}} del {{departure_date}} está cancelado',
      greeting: 'Estimado/a {{first_name}}:',
      situation:
        'Lamentamos informarle de que el vuelo {{flight_id}} de {{origin}} a {{destination}}, con salida prevista a las {{original_departure_time}} del {{departure_date}}, ha sido cancelado {{reason_text}}. Le pedimos disculpas por la alteración de su viaje. Su reserva {{confirmation_number}} está marcada para cambio de vuelo.',
      next_steps:
        'Próximos pasos: para elegir otro vuelo, hable con un agente en el aeropuerto o por teléfono e indique la confirmación {{confirmation_number}}.',
      sms: '{{first_name}}, lo sentimos: el vuelo {{flight_id}} {{origin}}-{{destination}} está cancelado. Su reserva {{confirmation_number}} está marcada para cambio.',
    },
    TERMINAL: {
      email_subject:
        'URGENTE: el vuelo {{flight_id}} sale ahora de la puerta {{new_gate}} en otra terminal',
      greeting: '{{first_name}}, por favor lea esto ahora.',
      situation:
        'URGENTE: el vuelo {{flight_id}} a {{destination}} sale ahora de la puerta {{new_gate}} (antes {{old_gate}}). La nueva puerta está en otra terminal.',
      next_steps:
        'Próximos pasos: vaya ya a la puerta {{new_gate}} y cuente con tiempo extra para cambiar de terminal. Su asiento {{seat}} no cambia. Confirmación: {{confirmation_number}}.',
      sms: 'URGENTE {{first_name}}: {{flight_id}} sale de la puerta {{new_gate}}, otra terminal. Vaya ya.',
    },
    GATE: {
      email_subject:
        'Cambio de puerta: el vuelo {{flight_id}} sale ahora de la puerta {{new_gate}}',
      greeting: 'Hola, {{first_name}}:',
      situation:
        'El vuelo {{flight_id}} a {{destination}} sale ahora de la puerta {{new_gate}} en lugar de la {{old_gate}}. La hora de salida no cambia.',
      next_steps:
        'Próximos pasos: vaya a la puerta {{new_gate}}. Su asiento {{seat}} no cambia. Confirmación: {{confirmation_number}}.',
      sms: '{{first_name}}: el vuelo {{flight_id}} cambia a la puerta {{new_gate}} (antes {{old_gate}}). La hora no cambia.',
    },
  },
  headsUp: {
    email_subject: 'El tiempo puede afectar al vuelo {{flight_id}}',
    greeting: 'Hola, {{first_name}}:',
    situation:
      'La previsión del tiempo en {{airport}} puede afectar a su vuelo {{flight_id}} de {{origin}} a {{destination}}, con salida prevista a las {{original_departure_time}}. Su vuelo sigue programado.',
    next_steps:
      'Próximos pasos: por ahora no tiene que hacer nada. Seguimos la previsión y le escribiremos enseguida si algo cambia. Confirmación: {{confirmation_number}}.',
    sms: '{{first_name}}, el tiempo en {{airport}} puede afectar al vuelo {{flight_id}} (sale a las {{original_departure_time}}). Sigue programado; le avisaremos si cambia.',
    assistance: 'Mantenemos su {{special_assistance}} para este vuelo.',
    tierEmail: {
      MEMBER: '',
      'A-LIST': 'Como miembro A-List, su embarque prioritario se mantiene haga el tiempo que haga.',
      'A-LIST_PREFERRED':
        'Como miembro A-List Preferred, su embarque prioritario se mantiene y nuestra línea de atención prioritaria está a su disposición.',
    },
    tierSms: {
      MEMBER: '',
      'A-LIST': 'Prioridad A-List.',
      'A-LIST_PREFERRED': 'Prioridad A-List Preferred.',
    },
  },
  tierEmail: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY:
        'Como miembro A-List, su embarque prioritario se mantiene para la nueva hora de salida.',
      CANCELLATION:
        'Como miembro A-List, tiene prioridad con nuestros agentes para cambiar de vuelo.',
      GATE_CHANGE: 'Como miembro A-List, su embarque prioritario se aplica en la nueva puerta.',
    },
    'A-LIST_PREFERRED': {
      DELAY:
        'Como miembro A-List Preferred, su embarque prioritario se mantiene y nuestra línea de atención prioritaria está a su disposición.',
      CANCELLATION:
        'Como miembro A-List Preferred, tiene máxima prioridad con nuestros agentes y nuestra línea de atención prioritaria está a su disposición.',
      GATE_CHANGE:
        'Como miembro A-List Preferred, su embarque prioritario se aplica en la nueva puerta y nuestra línea de atención prioritaria está a su disposición.',
    },
  },
  tierSms: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY: 'Prioridad A-List.',
      CANCELLATION: 'Prioridad A-List con agentes.',
      GATE_CHANGE: 'Prioridad A-List.',
    },
    'A-LIST_PREFERRED': {
      DELAY: 'Prioridad A-List Preferred.',
      CANCELLATION: 'Máxima prioridad A-List Preferred.',
      GATE_CHANGE: 'Prioridad A-List Preferred.',
    },
  },
  assistanceEmail: {
    NONE: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    MOBILITY: {
      DELAY:
        'Hemos trasladado su {{special_assistance}} a la nueva hora de salida; nuestro equipo le esperará en la puerta {{gate}}.',
      CANCELLATION: 'Su {{special_assistance}} se mantendrá en su nuevo vuelo.',
      GATE_CHANGE:
        'Nuestro equipo conoce el cambio y llevará su {{special_assistance}} a la puerta {{new_gate}}.',
    },
    SENSORY: {
      DELAY:
        'Hemos trasladado su {{special_assistance}} a la nueva hora de salida; un agente en la puerta {{gate}} le mantendrá informado.',
      CANCELLATION: 'Su {{special_assistance}} se mantendrá en su nuevo vuelo.',
      GATE_CHANGE:
        'Un agente le ayudará a llegar a la puerta {{new_gate}} con su {{special_assistance}}.',
    },
    FAMILY: {
      DELAY: 'Hemos trasladado su {{special_assistance}} a la nueva hora de salida.',
      CANCELLATION: 'Su {{special_assistance}} se mantendrá en su nuevo vuelo.',
      GATE_CHANGE:
        'Nuestro personal le ayudará con su {{special_assistance}} en la puerta {{new_gate}}.',
    },
    SERVICE_ANIMAL: {
      DELAY: 'Hemos trasladado sus {{special_assistance}} a la nueva hora de salida.',
      CANCELLATION: 'Sus {{special_assistance}} se mantendrán en su nuevo vuelo.',
      GATE_CHANGE: 'Sus {{special_assistance}} le acompañan a la puerta {{new_gate}}.',
    },
  },
  assistanceSms: {
    NONE: '',
    MOBILITY: '{{assistance}}: le esperan allí.',
    SENSORY: '{{assistance}}: le esperan allí.',
    FAMILY: '{{assistance}}: el personal le espera.',
    SERVICE_ANIMAL: '{{assistance}}: va con usted.',
  },
  signOff: 'Atención al Cliente',
  requestWords: {
    WHEELCHAIR_ASSISTANCE: 'asistencia en silla de ruedas',
    VISUAL_ASSISTANCE: 'asistencia visual',
    HEARING_ASSISTANCE: 'asistencia auditiva',
    UNACCOMPANIED_MINOR: 'servicio de menor no acompañado',
    TRAVELLING_WITH_INFANT: 'servicio para viajar con bebé',
    SERVICE_ANIMAL: 'arreglos para animal de servicio',
    SPECIAL_MEAL: 'comida especial',
    EXTRA_SEAT: 'asiento adicional',
  },
  requestShort: {
    WHEELCHAIR_ASSISTANCE: 'Silla de ruedas',
    VISUAL_ASSISTANCE: 'Asistencia visual',
    HEARING_ASSISTANCE: 'Asistencia auditiva',
    UNACCOMPANIED_MINOR: 'Menor no acompañado',
    TRAVELLING_WITH_INFANT: 'Servicio bebé',
    SERVICE_ANIMAL: 'Animal de servicio',
    SPECIAL_MEAL: 'Comida especial',
    EXTRA_SEAT: 'Asiento adicional',
  },
  reasons: {
    WEATHER: 'por mal tiempo',
    MECHANICAL: 'por un problema mecánico',
    CREW: 'por disponibilidad de la tripulación',
    ATC: 'por restricciones del control aéreo',
    SECURITY: 'por un control de seguridad',
    OTHER: 'por motivos operativos',
  },
  hour: ['hora', 'horas'],
  minute: ['minuto', 'minutos'],
  and: 'y',
  rules: {
    nextSteps: 'Próximos pasos:',
    apology: /(lament|sentimos|disculp)/i,
    apologyPhrase: 'lo sentimos',
    urgent: 'URGENTE',
    priority: /priori/i,
    forbiddenPromises: [
      /compensaci[oó]n/i,
      /indemnizaci[oó]n/i,
      /reembols/i,
      /\bvales?\b/i,
      /\bbonos?\b/i,
      /garant/i,
      /gratu[ií]t|\bgratis\b/i,
      /mejora de clase/i,
    ],
    unofferedSteps: [
      /\b(enviaremos|enviarle|recibir[aá])\b[^.]*\bopciones\b/i,
      /\bopciones\b[^.]*\b(pronto|seguir[aá]n|llegar[aá]n)\b/i,
      /\bapp\b|\baplicaci[oó]n\b/i,
      /\ben l[ií]nea\b/i,
    ],
    commonWords: [
      'el',
      'los',
      'las',
      'su',
      'sus',
      'y',
      'ahora',
      'vuelo',
      'desde',
      'por',
      'para',
      'con',
      'usted',
      'puerta',
      'nueva',
      'nuevo',
      'hora',
      'salida',
      'está',
      'sale',
      'del',
      'al',
      'retraso',
      'asiento',
      'tiene',
      'hacer',
      'nada',
      'lamentamos',
      'sentimos',
      'cambia',
      'otra',
      'otros',
      'vaya',
      'ya',
      'sido',
      'ha',
      'antes',
      'espera',
      'esperan',
      'cambio',
      'marcada',
      'reserva',
    ],
  },
};
