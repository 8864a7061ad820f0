import { LANGUAGES, type Language } from '../records/passenger.ts';
import { LANGUAGE_PACKS } from './templates/language-packs.ts';

const WORDS: Record<Language, Set<string>> = Object.fromEntries(
  LANGUAGES.map((l) => [l, new Set(LANGUAGE_PACKS[l].rules.commonWords)]),
) as Record<Language, Set<string>>;

/**
 * How many of each language's common words a text uses. Words written in capitals (airport
 * codes, URGENT) are skipped: they are codes or markers, not prose.
 */
export function languageScores(text: string): Record<Language, number> {
  const scores = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>;
  for (const token of text.split(/[^\p{L}]+/u)) {
    if (token.length === 0 || (token.length > 1 && token === token.toUpperCase())) continue;
    const word = token.toLowerCase();
    for (const language of LANGUAGES) if (WORDS[language].has(word)) scores[language]++;
  }
  return scores;
}

/** True when the text reads as `language`: at least two of its words, more than any other's. */
export function isWrittenIn(text: string, language: Language): boolean {
  const scores = languageScores(text);
  const own = scores[language];
  return own >= 2 && LANGUAGES.every((l) => l === language || scores[l] < own);
}
