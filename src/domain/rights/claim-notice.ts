import type { Entitlement } from './entitlement.ts';
import { rightsStatement, type StatementLanguage } from './rights-statement.ts';

interface NoticeWords {
  subject: (flight: string) => string;
  greeting: (name: string) => string;
  what: (flight: string, kind: 'DELAY' | 'CANCELLED', cause: string) => string;
  extraordinary: (cause: string) => string;
  claim: (url: string) => string;
  answer: (days: number) => string;
  signOff: string;
}

const CAUSE_WORDS: Record<string, string> = {
  WEATHER: 'weather',
  ATC: 'air traffic control restrictions',
  SECURITY: 'a security risk',
  BIRD_STRIKE: 'a bird strike',
  STRIKE_EXTERNAL: 'a strike outside the airline',
  TECHNICAL: 'a technical fault',
  MECHANICAL: 'a technical fault',
  CREW: 'crew availability',
  COMMERCIAL: 'a commercial decision',
  OPERATIONAL: 'operational reasons',
};

const WORDS: Record<StatementLanguage, NoticeWords> = {
  en: {
    subject: (f) => `Your compensation claim for flight ${f}`,
    greeting: (n) => `Dear ${n},`,
    what: (f, k, c) =>
      `Flight ${f} was ${k === 'DELAY' ? 'delayed' : 'cancelled'}. The reason: ${c}.`,
    extraordinary: (c) =>
      `We consider this an extraordinary circumstance (${c}), which is why no compensation is offered; you may still claim and we will review it.`,
    claim: (u) => `Claim form: ${u}`,
    answer: (d) => `We answer every claim within ${d} days.`,
    signOff: 'Customer Care',
  },
  es: {
    subject: (f) => `Su reclamación de compensación del vuelo ${f}`,
    greeting: (n) => `Estimado/a ${n}:`,
    what: (f, k, c) =>
      `El vuelo ${f} ha sido ${k === 'DELAY' ? 'retrasado' : 'cancelado'}. El motivo: ${c}.`,
    extraordinary: (c) =>
      `Lo consideramos una circunstancia extraordinaria (${c}); por eso no ofrecemos compensación, aunque puede reclamar y revisaremos su caso.`,
    claim: (u) => `Formulario de reclamación: ${u}`,
    answer: (d) => `Respondemos a cada reclamación en un plazo de ${d} días.`,
    signOff: 'Atención al Cliente',
  },
  fr: {
    subject: (f) => `Votre demande d’indemnisation pour le vol ${f}`,
    greeting: (n) => `Bonjour ${n},`,
    what: (f, k, c) =>
      `Le vol ${f} a été ${k === 'DELAY' ? 'retardé' : 'annulé'}. La raison : ${c}.`,
    extraordinary: (c) =>
      `Nous considérons qu’il s’agit d’une circonstance extraordinaire (${c}) ; c’est pourquoi aucune indemnisation n’est proposée, mais vous pouvez faire une demande que nous examinerons.`,
    claim: (u) => `Formulaire de demande : ${u}`,
    answer: (d) => `Nous répondons à chaque demande sous ${d} jours.`,
    signOff: 'Service Clients',
  },
  de: {
    subject: (f) => `Ihr Antrag auf Ausgleichszahlung für Flug ${f}`,
    greeting: (n) => `Guten Tag ${n},`,
    what: (f, k, c) =>
      `Flug ${f} wurde ${k === 'DELAY' ? 'verspätet durchgeführt' : 'annulliert'}. Der Grund: ${c}.`,
    extraordinary: (c) =>
      `Wir sehen darin einen außergewöhnlichen Umstand (${c}) und bieten daher keine Ausgleichszahlung an; Sie können dennoch einen Antrag stellen, den wir prüfen.`,
    claim: (u) => `Antragsformular: ${u}`,
    answer: (d) => `Wir beantworten jeden Antrag innerhalb von ${d} Tagen.`,
    signOff: 'Kundenservice',
  },
};

export interface ClaimNoticeMessage {
  subject: string;
  body: string;
}

/**
 * The EU261 revision's claim notice: the claim form link and the reason for the disruption,
 * naming any extraordinary circumstance invoked, with the rights computed and the answer time.
 * Sent by e-mail, a durable medium.
 */
export function claimNoticeMessage(
  entitlement: Entitlement,
  firstName: string,
  language: StatementLanguage,
  claimUrl: string,
): ClaimNoticeMessage {
  const w = WORDS[language];
  const judged = entitlement.regimes.find((r) => r.duties !== null);
  const cause =
    language === 'en'
      ? (CAUSE_WORDS[entitlement.cause] ?? entitlement.cause.toLowerCase())
      : entitlement.cause;
  const rights = rightsStatement(entitlement.regimes, language, claimUrl).email;
  const body = [
    w.greeting(firstName),
    w.what(entitlement.flight_id, entitlement.disruption_type, cause),
    judged?.extraordinary_cause ? w.extraordinary(judged.extraordinary_cause) : '',
    rights,
    w.claim(claimUrl),
    w.answer(judged?.duties?.claim_answer_days ?? 30),
    w.signOff,
  ].filter((p) => p.length > 0);
  return { subject: w.subject(entitlement.flight_id), body: body.join('\n\n') };
}
