import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogScrubber } from '../../../ports.ts';

const PERSONAL_FIELDS = [
  'recipient',
  'body',
  'subject',
  'email',
  'phone',
  'first_name',
  'last_name',
];

/** Blanks the personal fields of a logged value, at any depth. */
function blank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blank);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, PERSONAL_FIELDS.includes(k) ? '[erased]' : blank(v)]),
  );
}

/**
 * Erasure in the log files the local runtime writes itself (the stand-in for the notification
 * log groups): every JSON line that names the passenger keeps its shape but loses its personal
 * fields. In AWS, personal data is kept out of log groups instead, since their events cannot be
 * edited.
 */
export class LogFileScrubber implements LogScrubber {
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  async scrub(passengerId: string): Promise<number> {
    const files = await readdir(this.directory).catch(() => [] as string[]);
    const marker = `"passenger_id":"${passengerId}"`;
    let changed = 0;
    for (const name of files.filter((f) => f.endsWith('.log'))) {
      const file = join(this.directory, name);
      const lines = (await readFile(file, 'utf8')).split('\n');
      let touched = false;
      const scrubbed = lines.map((line) => {
        if (!line.includes(marker)) return line;
        touched = true;
        changed++;
        return JSON.stringify(blank(JSON.parse(line)));
      });
      if (touched) await writeFile(file, scrubbed.join('\n'));
    }
    return changed;
  }
}
