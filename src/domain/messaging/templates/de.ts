import type { LanguagePack } from './language-pack.ts';

const DELAY_NEXT_STEPS =
  'Nächste Schritte: Bitte seien Sie 30 Minuten vor {{new_departure_time}} am Gate {{gate}}; wir schreiben Ihnen erneut, wenn sich die Zeit ändert. Passt Ihnen die neue Zeit nicht, prüft ein Agent am Flughafen oder am Telefon mit Ihnen andere Flüge; nennen Sie die Bestätigung {{confirmation_number}}.';

/** German. */
export const DE: LanguagePack = {
  language: 'de',
  name: 'German',
  locale: 'de-DE',
  hour12: false,
  severities: {
    MINOR: {
      email_subject: 'Flug {{flight_id}} hat {{delay_duration}} Verspätung',
      greeting: 'Hallo {{first_name}},',
      situation:
        'Kurz zur Info: Flug {{flight_id}} von {{origin}} nach {{destination}} hat {{delay_duration}} Verspätung {{reason_text}}. Der Abflug ist jetzt für {{new_departure_time}} geplant, die Ankunft für {{new_arrival_time}}.',
      next_steps:
        'Nächste Schritte: Sie müssen nichts tun. Ihr Sitzplatz {{seat}} bleibt unverändert; bitte seien Sie 30 Minuten vor der neuen Abflugzeit am Gate {{gate}}. Wir schreiben Ihnen erneut, wenn sich die Zeit ändert. Bestätigung: {{confirmation_number}}.',
      sms: '{{first_name}}, Flug {{flight_id}} fliegt um {{new_departure_time}} ({{delay_duration}} später) ab Gate {{gate}}. Sie müssen nichts tun.',
    },
    MAJOR: {
      email_subject: 'Verspätung: Flug {{flight_id}} fliegt jetzt um {{new_departure_time}}',
      greeting: 'Liebe(r) {{first_name}},',
      situation:
        'Es tut uns leid, dass Sie warten müssen: Flug {{flight_id}} von {{origin}} nach {{destination}} hat {{delay_duration}} Verspätung {{reason_text}}. Der Abflug ist jetzt für {{new_departure_time}} geplant, die Ankunft für {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, Flug {{flight_id}} fliegt um {{new_departure_time}} ({{delay_duration}} Verspätung). Wir melden uns bei Änderungen.',
    },
    SEVERE: {
      email_subject: 'Es tut uns leid: Flug {{flight_id}} hat {{delay_duration}} Verspätung',
      greeting: 'Liebe(r) {{first_name}},',
      situation:
        'Es tut uns sehr leid: Flug {{flight_id}} von {{origin}} nach {{destination}} hat {{delay_duration}} Verspätung {{reason_text}}. Wir wissen, dass dies Ihre Pläne durchkreuzt. Der Abflug ist jetzt für {{new_departure_time}} geplant, die Ankunft für {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, es tut uns leid: Flug {{flight_id}} fliegt um {{new_departure_time}} ({{delay_duration}} Verspätung). Ein Agent prüft andere Flüge.',
    },
    CANCELLED: {
      email_subject: 'Es tut uns leid: Flug {{flight_id}} am {{departure_date}} ist annulliert',
      greeting: 'Liebe(r) {{first_name}},',
      situation:
        'Es tut uns leid, Ihnen mitzuteilen, dass Flug {{flight_id}} von {{origin}} nach {{destination}}, geplant um {{original_departure_time}} am {{departure_date}}, {{reason_text}} annulliert wurde. Wir entschuldigen uns für die Störung Ihrer Reise. Ihre Buchung {{confirmation_number}} ist für eine Umbuchung vorgemerkt.',
      next_steps:
        'Nächste Schritte: Um einen anderen Flug zu wählen, wenden Sie sich an einen Agenten am Flughafen oder am Telefon und nennen Sie die Bestätigung {{confirmation_number}}.',
      sms: '{{first_name}}, es tut uns leid: Flug {{flight_id}} {{origin}}-{{destination}} ist annulliert. Buchung {{confirmation_number}} ist zur Umbuchung vorgemerkt.',
    },
    TERMINAL: {
      email_subject:
        'DRINGEND: Flug {{flight_id}} fliegt jetzt ab Gate {{new_gate}} in einem anderen Terminal',
      greeting: '{{first_name}}, bitte lesen Sie dies sofort.',
      situation:
        'DRINGEND: Flug {{flight_id}} nach {{destination}} fliegt jetzt ab Gate {{new_gate}} (statt {{old_gate}}). Das neue Gate ist in einem anderen Terminal.',
      next_steps:
        'Nächste Schritte: Gehen Sie jetzt zu Gate {{new_gate}} und planen Sie Zeit für den Terminalwechsel ein. Ihr Sitzplatz {{seat}} bleibt unverändert. Bestätigung: {{confirmation_number}}.',
      sms: 'DRINGEND {{first_name}}: Flug {{flight_id}} ab Gate {{new_gate}}, anderes Terminal. Bitte sofort hingehen.',
    },
    GATE: {
      email_subject: 'Gatewechsel: Flug {{flight_id}} fliegt jetzt ab Gate {{new_gate}}',
      greeting: 'Hallo {{first_name}},',
      situation:
        'Flug {{flight_id}} nach {{destination}} fliegt jetzt ab Gate {{new_gate}} statt ab {{old_gate}}. Die Abflugzeit bleibt unverändert.',
      next_steps:
        'Nächste Schritte: Bitte gehen Sie zu Gate {{new_gate}}. Ihr Sitzplatz {{seat}} bleibt unverändert. Bestätigung: {{confirmation_number}}.',
      sms: '{{first_name}}, Gatewechsel: Flug {{flight_id}} ab Gate {{new_gate}} (statt {{old_gate}}). Zeit unverändert.',
    },
  },
  headsUp: {
    email_subject: 'Das Wetter kann Flug {{flight_id}} beeinträchtigen',
    greeting: 'Hallo {{first_name}},',
    situation:
      'Die Wettervorhersage für {{airport}} kann Ihren Flug {{flight_id}} von {{origin}} nach {{destination}} beeinträchtigen, geplanter Abflug {{original_departure_time}}. Ihr Flug ist weiterhin geplant.',
    next_steps:
      'Nächste Schritte: Sie müssen jetzt nichts tun. Wir beobachten die Vorhersage und schreiben Ihnen sofort, wenn sich etwas ändert. Bestätigung: {{confirmation_number}}.',
    sms: '{{first_name}}, Wetter in {{airport}} kann Flug {{flight_id}} (Abflug {{original_departure_time}}) betreffen. Weiter geplant; wir melden uns bei Änderungen.',
    assistance: 'Ihr {{special_assistance}} bleibt für diesen Flug gebucht.',
    tierEmail: {
      MEMBER: '',
      'A-LIST': 'Als A-List-Mitglied behalten Sie Ihren Vorrang beim Boarding, bei jedem Wetter.',
      'A-LIST_PREFERRED':
        'Als A-List Preferred-Mitglied behalten Sie Ihren Vorrang beim Boarding, und unsere Vorrang-Hotline ist für Sie da.',
    },
    tierSms: {
      MEMBER: '',
      'A-LIST': 'Vorrang für A-List.',
      'A-LIST_PREFERRED': 'Vorrang für A-List Preferred.',
    },
  },
  tierEmail: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY:
        'Als A-List-Mitglied behalten Sie Ihren Vorrang beim Boarding für die neue Abflugzeit.',
      CANCELLATION: 'Als A-List-Mitglied haben Sie bei unseren Agenten Vorrang bei der Umbuchung.',
      GATE_CHANGE: 'Als A-List-Mitglied gilt Ihr Vorrang beim Boarding auch am neuen Gate.',
    },
    'A-LIST_PREFERRED': {
      DELAY:
        'Als A-List Preferred-Mitglied behalten Sie Ihren Vorrang beim Boarding, und unsere Vorrang-Hotline ist für Sie da.',
      CANCELLATION:
        'Als A-List Preferred-Mitglied haben Sie bei unseren Agenten höchsten Vorrang, und unsere Vorrang-Hotline ist für Sie da.',
      GATE_CHANGE:
        'Als A-List Preferred-Mitglied gilt Ihr Vorrang beim Boarding auch am neuen Gate, und unsere Vorrang-Hotline ist für Sie da.',
    },
  },
  tierSms: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY: 'Vorrang für A-List.',
      CANCELLATION: 'Vorrang für A-List bei Agenten.',
      GATE_CHANGE: 'Vorrang für A-List.',
    },
    'A-LIST_PREFERRED': {
      DELAY: 'Vorrang für A-List Preferred.',
      CANCELLATION: 'Höchster Vorrang für A-List Preferred.',
      GATE_CHANGE: 'Vorrang für A-List Preferred.',
    },
  },
  assistanceEmail: {
    NONE: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    MOBILITY: {
      DELAY:
        'Wir haben Ihren {{special_assistance}} auf die neue Abflugzeit verlegt; unser Team erwartet Sie am Gate {{gate}}.',
      CANCELLATION: 'Ihr {{special_assistance}} wird auf Ihren neuen Flug übertragen.',
      GATE_CHANGE:
        'Unser Team kennt die Änderung und bringt Ihren {{special_assistance}} zu Gate {{new_gate}}.',
    },
    SENSORY: {
      DELAY:
        'Wir haben Ihren {{special_assistance}} auf die neue Abflugzeit verlegt; ein Agent am Gate {{gate}} hält Sie auf dem Laufenden.',
      CANCELLATION: 'Ihr {{special_assistance}} wird auf Ihren neuen Flug übertragen.',
      GATE_CHANGE: 'Ein Agent hilft Ihnen mit Ihrem {{special_assistance}} zu Gate {{new_gate}}.',
    },
    FAMILY: {
      DELAY: 'Wir haben Ihren {{special_assistance}} auf die neue Abflugzeit verlegt.',
      CANCELLATION: 'Ihr {{special_assistance}} wird auf Ihren neuen Flug übertragen.',
      GATE_CHANGE:
        'Unser Personal hilft Ihnen mit Ihrem {{special_assistance}} am Gate {{new_gate}}.',
    },
    SERVICE_ANIMAL: {
      DELAY: 'Wir haben Ihren {{special_assistance}} auf die neue Abflugzeit verlegt.',
      CANCELLATION: 'Ihr {{special_assistance}} wird auf Ihren neuen Flug übertragen.',
      GATE_CHANGE: 'Ihr {{special_assistance}} geht mit Ihnen zu Gate {{new_gate}}.',
    },
  },
  assistanceSms: {
    NONE: '',
    MOBILITY: '{{assistance}} erwartet Sie dort.',
    SENSORY: '{{assistance}} erwartet Sie dort.',
    FAMILY: '{{assistance}}: Personal erwartet Sie dort.',
    SERVICE_ANIMAL: '{{assistance}}: geht mit Ihnen.',
  },
  signOff: 'Ihr Kundenservice',
  requestWords: {
    WHEELCHAIR_ASSISTANCE: 'Rollstuhlservice',
    VISUAL_ASSISTANCE: 'Begleitservice für Sehbehinderte',
    HEARING_ASSISTANCE: 'Begleitservice für Hörgeschädigte',
    UNACCOMPANIED_MINOR: 'Betreuungsservice für alleinreisende Kinder',
    TRAVELLING_WITH_INFANT: 'Service für Reisende mit Baby',
    SERVICE_ANIMAL: 'Service für Assistenzhunde',
    SPECIAL_MEAL: 'Spezialmahlzeit',
    EXTRA_SEAT: 'Zusatzsitz',
  },
  requestShort: {
    WHEELCHAIR_ASSISTANCE: 'Rollstuhlservice',
    VISUAL_ASSISTANCE: 'Sehhilfe-Service',
    HEARING_ASSISTANCE: 'Hörhilfe-Service',
    UNACCOMPANIED_MINOR: 'Kinderbetreuung',
    TRAVELLING_WITH_INFANT: 'Baby-Service',
    SERVICE_ANIMAL: 'Assistenzhund',
    SPECIAL_MEAL: 'Spezialmahlzeit',
    EXTRA_SEAT: 'Zusatzsitz',
  },
  reasons: {
    WEATHER: 'wegen des Wetters',
    MECHANICAL: 'wegen eines technischen Problems',
    CREW: 'wegen der Verfügbarkeit der Crew',
    ATC: 'wegen Einschränkungen der Flugsicherung',
    SECURITY: 'wegen einer Sicherheitskontrolle',
    OTHER: 'aus betrieblichen Gründen',
  },
  hour: ['Stunde', 'Stunden'],
  minute: ['Minute', 'Minuten'],
  and: 'und',
  rules: {
    nextSteps: 'Nächste Schritte:',
    apology: /(leid|entschuldig|bedauer)/i,
    apologyPhrase: 'es tut uns leid',
    urgent: 'DRINGEND',
    priority: /(vorrang|priorit)/i,
    forbiddenPromises: [
      /entschädigung/i,
      /ausgleichszahlung/i,
      /erstatt/i,
      /rückzahlung/i,
      /gutschein/i,
      /garant/i,
      /kostenlos|\bgratis\b/i,
      /upgrade/i,
    ],
    unofferedSteps: [
      /\b(senden|schicken|erhalten)\b[^.]*\b(Optionen|Alternativen)\b/i,
      /\b(Optionen|Alternativen)\b[^.]*\b(folgen|bald)\b/i,
      /\bapp\b/i,
      /\bonline\b/i,
    ],
    commonWords: [
      'der',
      'die',
      'das',
      'und',
      'ihr',
      'ihre',
      'ihren',
      'ihrem',
      'ist',
      'jetzt',
      'flug',
      'sie',
      'wir',
      'mit',
      'für',
      'von',
      'neue',
      'neuen',
      'abflug',
      'bitte',
      'zum',
      'zur',
      'im',
      'ab',
      'hat',
      'bleibt',
      'verspätung',
      'sitzplatz',
      'dem',
      'den',
      'ein',
      'eine',
      'nach',
      'nichts',
      'tun',
      'leider',
      'sofort',
      'wird',
      'fliegt',
      'um',
      'uns',
      'müssen',
    ],
  },
};
