import type { RightsStatement } from './rights-statement.ts';

/** An amount of money in any of the forms a writer might use (code, symbol, word). */
const MONEY =
  /(?:€|£|\$|\b(?:EUR|GBP|CAD|USD)\b)\s?\d|\d[\d.,]*\s?(?:€|£|\$|\b(?:EUR|GBP|CAD|USD|euros?|pounds?|dollars?|dólares?|livres?)\b)/i;

/** Words that grant a right, in the languages messages are written in. */
const RIGHTS_WORDS =
  /\b(?:compensat\w*|refund\w*|reimburs\w*|hotel\w*|voucher\w*|entitle\w*|owed|indemni\w*|rembours\w*|reembols\w*|compensaci\w*|entschädig\w*|ausgleich\w*|erstattung\w*|rückerstatt\w*|gutschein\w*)|hôtel/i;

interface Message {
  email_subject?: string;
  email_body?: string;
  sms_body?: string;
}

/** The message with the engine's own sentences taken out: what the writer added. */
export function withoutStatement<M extends Message>(message: M, statement: RightsStatement): M {
  const cut = (text: string | undefined, sentence: string) =>
    text === undefined || sentence === '' ? text : text.split(sentence).join('');
  return {
    ...message,
    ...(message.email_body !== undefined
      ? { email_body: cut(message.email_body, statement.email) }
      : {}),
    ...(message.sms_body !== undefined ? { sms_body: cut(message.sms_body, statement.sms) } : {}),
  };
}

/**
 * Everything wrong with a message's rights: the engine's statement missing from the email or
 * the SMS, or — anywhere outside it — an amount of money or a right (compensation, refund,
 * hotel, voucher, …) the engine did not produce. Empty means the message states exactly the
 * computed rights (or none where none apply).
 */
export function checkRights(message: Message, statement: RightsStatement): string[] {
  const problems: string[] = [];
  if (message.email_body !== undefined && !message.email_body.includes(statement.email)) {
    problems.push('email does not state the computed rights');
  }
  if (message.sms_body !== undefined && !message.sms_body.includes(statement.sms)) {
    problems.push('SMS does not state the computed rights');
  }
  const rest = withoutStatement(message, statement);
  const added = [rest.email_subject, rest.email_body, rest.sms_body]
    .filter((t): t is string => t !== undefined)
    .join('\n');
  if (MONEY.test(added)) problems.push('states an amount the engine did not produce');
  if (RIGHTS_WORDS.test(added)) problems.push('promises a right the engine did not produce');
  return problems;
}
