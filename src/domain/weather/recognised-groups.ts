import { parseMetar, parseTAF } from 'metar-taf-parser';

/**
 * The parser skips groups it does not understand without saying so; deciding on a report with a
 * skipped group would be a guess. Each group is therefore offered to the parser on its own, in
 * the context of the section it belongs to, and must change the decoded result.
 */

const PROBE_STATION = 'XXXX 010000Z';
const PROBE_TAF = 'TAF XXXX 010000Z 0100/0200';

/** Keys that echo the input rather than decode it. */
const ECHO_KEYS = new Set(['message', 'raw', 'initialRaw']);

function decoded(value: unknown): string {
  return JSON.stringify(value, (key, v) => (ECHO_KEYS.has(key) ? undefined : v));
}

/** A group of slashes (with at most a unit) is a group the station did not report. */
export function isMissingGroup(group: string): boolean {
  const rest = group.replaceAll('/', '');
  return rest.length < group.length && ['', 'KT', 'MPS', 'SM', 'CB', 'TCU'].includes(rest);
}

/** What the parser makes of a text, or undefined when it throws on it. */
function attempt(parse: (text: string) => unknown, text: string): string | undefined {
  try {
    return decoded(parse(text));
  } catch {
    return undefined;
  }
}

/** A probe: does `group` (one group, or two for "1 1/2SM") add something to the context? */
type Probe = (group: string) => string | undefined;

function metarProbe(context: string): Probe {
  const base = attempt(parseMetar, context);
  return (group) => {
    const result = attempt(parseMetar, `${context} ${group}`);
    return result !== base ? result : undefined;
  };
}

function tafProbe(context: string): Probe {
  const base = attempt(parseTAF, context);
  return (group) => {
    const result = attempt(parseTAF, `${context} ${group}`);
    return result !== base ? result : undefined;
  };
}

/** Groups that say "nothing to report", which the parser accepts without recording anything. */
const NOTHING_TO_REPORT = new Set(['CLR', 'SKC', 'NCD', 'NSW']);

/** Wind shear on a runway ("WS R27L", "WS ALL RWY"): understood here, not by the parser. */
function windShearGroupLength(groups: string[], i: number): number {
  if (groups[i] !== 'WS') return 0;
  if (groups[i + 1] === 'ALL' && groups[i + 2] === 'RWY') return 3;
  const runway = groups[i + 1] ?? '';
  if (runway.startsWith('R') && runway.length >= 3 && runway.length <= 5) return 2;
  return 0;
}

export interface GroupCheck {
  unrecognised: string[];
  windShearGroups: string[];
}

/**
 * Checks every group of a section. `probe` tells whether a group (or a pair, for "1 1/2SM")
 * changes the decoded result in the section's context.
 */
function checkGroups(groups: string[], probeFor: (group: string) => Probe): GroupCheck {
  const unrecognised: string[] = [];
  const windShearGroups: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (group === 'RMK') break;
    const shear = windShearGroupLength(groups, i);
    if (shear > 0) {
      windShearGroups.push(groups.slice(i, i + shear).join(' '));
      i += shear - 1;
      continue;
    }
    const probe = probeFor(group);
    if (isMissingGroup(group) || NOTHING_TO_REPORT.has(group) || probe(group) !== undefined)
      continue;
    // Recent weather (RESHRA) is RE and a weather group.
    if (group.startsWith('RE') && group.length > 3 && probe(group.slice(2)) !== undefined) continue;
    // A group that qualifies the one before it ("18015G30KT 150V220").
    const previous = groups[i - 1];
    if (previous !== undefined) {
      const withPrevious = probe(`${previous} ${group}`);
      if (withPrevious !== undefined && withPrevious !== probe(previous)) continue;
    }
    // A pair counts only when it decodes to more than its second group alone ("1 1/2SM").
    const next = groups[i + 1];
    if (next !== undefined) {
      const pair = probe(`${group} ${next}`);
      if (pair !== undefined && pair !== probe(next)) {
        i++;
        continue;
      }
    }
    unrecognised.push(group);
  }
  return { unrecognised, windShearGroups };
}

function splitGroups(text: string): string[] {
  return text
    .replaceAll('=', ' ')
    .split(' ')
    .flatMap((g) => g.split('\n'))
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

/** The groups of a METAR after its type, station and time that the parser does not decode. */
export function checkMetarGroups(raw: string, headerLength: number): GroupCheck {
  const groups = splitGroups(raw).slice(headerLength);
  let probe = metarProbe(PROBE_STATION);
  // Groups after TEMPO or BECMG are decoded in the context of their trend.
  return checkGroups(groups, (group) => {
    if (group === 'TEMPO' || group === 'BECMG' || group === 'INTER') {
      probe = metarProbe(`${PROBE_STATION} ${group}`);
    }
    return probe;
  });
}

/** The groups of one TAF section (the initial conditions or a change group) not decoded. */
export function checkTafSection(header: string, body: string): GroupCheck {
  const probe = tafProbe(header ? `${PROBE_TAF}\n${header}` : PROBE_TAF);
  return checkGroups(splitGroups(body), () => probe);
}

export { splitGroups };
