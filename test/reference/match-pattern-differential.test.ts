import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  InvalidPatternError,
  matchesCompiled,
} from '../../src/adapters/local/eventbridge/match-pattern.ts';
import { type RulerVerdict, runEventRuler } from './event-ruler.ts';
import { generateCorpus } from './pattern-corpus.ts';

const SEED = Number(process.env.FLIGHTPULSE_DIFF_SEED ?? 20261130);
const PATTERNS = Number(process.env.FLIGHTPULSE_DIFF_PATTERNS ?? 2500);
const EVENTS_PER_PATTERN = 4;

function ourVerdict(pattern: unknown, event: unknown): RulerVerdict {
  try {
    return { valid: true, match: matchesCompiled(compilePattern(pattern), event) };
  } catch (error) {
    if (error instanceof InvalidPatternError) return { valid: false, error: error.message };
    throw error;
  }
}

describe('local EventBridge matcher against AWS event-ruler', () => {
  it('agrees on every generated pattern/event pair: validity, refusal reason and match', async () => {
    const corpus = generateCorpus(SEED, PATTERNS, EVENTS_PER_PATTERN);
    const theirs = await runEventRuler(
      corpus.map(({ pattern, event }) => [JSON.stringify(pattern), JSON.stringify(event)]),
    );
    const disagreements = corpus.flatMap(({ pattern, event }, i) => {
      const ours = ourVerdict(pattern, event);
      return JSON.stringify(ours) === JSON.stringify(theirs[i])
        ? []
        : [
            {
              pattern: JSON.stringify(pattern),
              event: JSON.stringify(event),
              ours,
              theirs: theirs[i],
            },
          ];
    });
    const matched = theirs.filter((v) => v.valid && v.match).length;
    const refused = theirs.filter((v) => !v.valid).length;
    console.info(
      `event-ruler differential (seed ${SEED}): ${corpus.length} pairs, ${matched} matched, ` +
        `${corpus.length - matched - refused} not matched, ${refused} refused, ${disagreements.length} disagreements`,
    );

    expect(corpus.length).toBeGreaterThanOrEqual(5000);
    expect(disagreements.slice(0, 40)).toEqual([]);
    expect(matched).toBeGreaterThan(corpus.length / 20);
    expect(refused).toBeGreaterThan(corpus.length / 20);
    expect(disagreements).toHaveLength(0);
  }, 300_000);
});
