import type { CareItem, RegimeJudgement } from './rights-case.ts';
import type { Regime } from './rule-sets.ts';

/** Languages the rights sentences are written in (the message templates' languages). */
export const STATEMENT_LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

/** What a passenger reads about their rights: a paragraph for the email, a line for the SMS. */
export interface RightsStatement {
  email: string;
  sms: string;
}

interface Words {
  regime: Record<Regime, string>;
  intro: (regime: string) => string;
  compensation: (money: string) => string;
  refund: string;
  refundDot: string;
  care: Record<CareItem, string>;
  claim: (url: string) => string;
  sms: { prefix: string; refund: string; care: string };
}

const REGIME_CODES: Record<Regime, string> = {
  EU261: 'EU261',
  UK261: 'UK261',
  APPR: 'APPR',
  DOT: 'US DOT',
};

const WORDS: Record<StatementLanguage, Words> = {
  en: {
    regime: {
      EU261: 'EU Regulation 261/2004',
      UK261: 'UK Regulation 261/2004 (UK261)',
      APPR: "Canada's Air Passenger Protection Regulations",
      DOT: 'the US DOT refund rule',
    },
    intro: (regime) => `Your rights under ${regime}:`,
    compensation: (money) => `compensation of ${money}`,
    refund: 'a refund if you choose not to travel',
    refundDot: 'a refund if you do not accept the alternative we offer',
    care: {
      MEALS: 'meals and refreshments while you wait',
      COMMUNICATION: 'two phone calls or emails',
      HOTEL: 'a hotel for the night',
      HOTEL_TRANSPORT: 'transport between the airport and the hotel',
    },
    claim: (url) => `To claim your compensation, use ${url}.`,
    sms: { prefix: 'Rights:', refund: 'refund', care: 'care' },
  },
  es: {
    regime: {
      EU261: 'el Reglamento (CE) 261/2004',
      UK261: 'el Reglamento 261/2004 del Reino Unido (UK261)',
      APPR: 'el Reglamento de Protección de Pasajeros Aéreos de Canadá',
      DOT: 'la norma de reembolsos del DOT de EE. UU.',
    },
    intro: (regime) => `Sus derechos según ${regime}:`,
    compensation: (money) => `una compensación de ${money}`,
    refund: 'el reembolso si decide no viajar',
    refundDot: 'el reembolso si no acepta la alternativa que le ofrecemos',
    care: {
      MEALS: 'comida y refrescos durante la espera',
      COMMUNICATION: 'dos llamadas o correos electrónicos',
      HOTEL: 'una noche de hotel',
      HOTEL_TRANSPORT: 'el traslado entre el aeropuerto y el hotel',
    },
    claim: (url) => `Para reclamar su compensación, use ${url}.`,
    sms: {
      prefix: 'Sus derechos:',
      refund: 'reembolso posible',
      care: 'asistencia en el aeropuerto',
    },
  },
  fr: {
    regime: {
      EU261: 'le règlement (CE) 261/2004',
      UK261: 'le règlement 261/2004 du Royaume-Uni (UK261)',
      APPR: 'le Règlement sur la protection des passagers aériens du Canada',
      DOT: 'la règle de remboursement du DOT américain',
    },
    intro: (regime) => `Vos droits selon ${regime} :`,
    compensation: (money) => `une indemnisation de ${money}`,
    refund: 'le remboursement si vous renoncez au voyage',
    refundDot: 'le remboursement si vous refusez la solution proposée',
    care: {
      MEALS: 'des repas et rafraîchissements pendant l’attente',
      COMMUNICATION: 'deux appels ou e-mails',
      HOTEL: 'une nuit d’hôtel',
      HOTEL_TRANSPORT: 'le transport entre l’aéroport et l’hôtel',
    },
    claim: (url) => `Pour demander votre indemnisation : ${url}.`,
    sms: { prefix: 'Droits :', refund: 'remboursement', care: 'assistance' },
  },
  de: {
    regime: {
      EU261: 'der Verordnung (EG) 261/2004',
      UK261: 'der britischen Verordnung 261/2004 (UK261)',
      APPR: 'den kanadischen Fluggastrechten (APPR)',
      DOT: 'der Erstattungsregel des US-Verkehrsministeriums (DOT)',
    },
    intro: (regime) => `Ihre Rechte nach ${regime}:`,
    compensation: (money) => `eine Ausgleichszahlung von ${money}`,
    refund: 'eine Erstattung, wenn Sie nicht reisen möchten',
    refundDot: 'eine Erstattung, wenn Sie die angebotene Alternative ablehnen',
    care: {
      MEALS: 'Mahlzeiten und Erfrischungen während der Wartezeit',
      COMMUNICATION: 'zwei Telefonate oder E-Mails',
      HOTEL: 'eine Hotelübernachtung',
      HOTEL_TRANSPORT: 'die Beförderung zwischen Flughafen und Hotel',
    },
    claim: (url) => `Ausgleichszahlung beantragen: ${url}.`,
    sms: { prefix: 'Rechte:', refund: 'Erstattung', care: 'Betreuung' },
  },
};

/** `EUR 600`: the code, never a symbol, so the amount reads the same in every language. */
export function moneyText(money: NonNullable<RegimeJudgement['compensation']>): string {
  return `${money.currency} ${money.amount}`;
}

type Granted = Pick<RegimeJudgement, 'regime' | 'applies' | 'compensation' | 'refund' | 'care'>;

function grants(j: Granted): boolean {
  return j.applies && (j.compensation !== null || j.refund || j.care.length > 0);
}

/**
 * The rights a passenger reads, built only from what the engine granted: per regime the
 * compensation (amount and currency), the refund right and the care; how to claim when money is
 * owed. Empty strings when nothing is owed, so the message states no right at all.
 */
export function rightsStatement(
  regimes: readonly Granted[],
  language: StatementLanguage,
  claimUrl: string,
): RightsStatement {
  const w = WORDS[language];
  const granted = regimes.filter(grants);
  if (granted.length === 0) return { email: '', sms: '' };
  const paragraphs = granted.map((j) => {
    const parts = [
      ...(j.compensation ? [w.compensation(moneyText(j.compensation))] : []),
      ...(j.refund ? [j.regime === 'DOT' ? w.refundDot : w.refund] : []),
      ...j.care.map((c) => w.care[c]),
    ];
    return `${w.intro(w.regime[j.regime])} ${parts.join('; ')}.`;
  });
  const paid = granted.filter((j) => j.compensation !== null);
  if (paid.length > 0) paragraphs.push(w.claim(claimUrl));
  const sms = [
    ...paid.map(
      (j) =>
        `${moneyText(j.compensation as NonNullable<typeof j.compensation>)} (${REGIME_CODES[j.regime]})`,
    ),
    ...(granted.some((j) => j.refund) ? [w.sms.refund] : []),
    ...(granted.some((j) => j.care.length > 0) ? [w.sms.care] : []),
  ];
  return { email: paragraphs.join(' '), sms: `${w.sms.prefix} ${sms.join(', ')}.` };
}

/**
 * The statement as a passenger's channels carry it. The e-mail, a durable medium, carries the
 * rights in full; an SMS has no room for them beside the disruption itself (160 characters), so it
 * carries the short line only for a passenger told by SMS alone, and nothing otherwise.
 */
export function statementForChannels(
  statement: RightsStatement,
  channels: readonly string[],
): RightsStatement {
  return channels.includes('EMAIL') ? { email: statement.email, sms: '' } : statement;
}
