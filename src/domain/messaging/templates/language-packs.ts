import type { Language } from '../../records/passenger.ts';
import { DE } from './de.ts';
import { EN } from './en.ts';
import { ES } from './es.ts';
import { FR } from './fr.ts';
import type { LanguagePack } from './language-pack.ts';

/** Every language a passenger can be told in, with its templates and rules. */
export const LANGUAGE_PACKS: Record<Language, LanguagePack> = { en: EN, es: ES, fr: FR, de: DE };

export function languagePack(language: Language): LanguagePack {
  return LANGUAGE_PACKS[language];
}
