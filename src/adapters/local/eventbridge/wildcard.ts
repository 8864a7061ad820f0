/**
 * EventBridge wildcards: `*` matches any run of characters (empty included), `\*` is a literal
 * star and `\\` a literal backslash; two stars in a row and any other escape are refused with
 * EventBridge's message, whose position counts UTF-8 bytes of the quoted value.
 */

/** Parses a wildcard into a whole-string regular expression; throws a message on bad syntax. */
export function compileWildcard(pattern: string): RegExp {
  const bytes = new TextEncoder().encode(`"${pattern}"`);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === STAR && bytes[i + 1] === STAR) {
      throw new WildcardSyntaxError(`Consecutive wildcard characters at pos ${i}`);
    }
    if (bytes[i] === BACKSLASH) {
      const next = bytes[i + 1];
      if (next !== STAR && next !== BACKSLASH) {
        throw new WildcardSyntaxError(`Invalid escape character at pos ${i}`);
      }
      i++;
    }
  }
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\') {
      source += escapeRegExp(pattern[i + 1] ?? '');
      i++;
    } else if (char === '*') {
      source += '.*';
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`, 's');
}

const STAR = 0x2a;
const BACKSLASH = 0x5c;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export class WildcardSyntaxError extends Error {
  override name = 'WildcardSyntaxError';
}
