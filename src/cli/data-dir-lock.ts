import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandFailure } from './usage-error.ts';

/** Who holds an embedded store: written to `<data dir>/holder.json` while a command uses it. */
export interface StoreHolder {
  pid: number;
  command: string;
  started_at: string;
  /** Set by `flightpulse start` once it serves: its API and its embedded DynamoDB API. */
  url?: string;
  store_endpoint?: string;
}

const holderFile = (dataDir: string) => join(dataDir, 'holder.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the data directory's store, if any (a stale file is ignored). */
export function storeHolder(dataDir: string): StoreHolder | undefined {
  let holder: StoreHolder;
  try {
    holder = JSON.parse(readFileSync(holderFile(dataDir), 'utf8')) as StoreHolder;
  } catch {
    return undefined;
  }
  return holder.pid !== process.pid && alive(holder.pid) ? holder : undefined;
}

/** One line naming the holder and what to do instead. */
export function describeHolder(dataDir: string, holder: StoreHolder): string {
  const what =
    holder.command === 'start'
      ? `flightpulse start (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}); stop it with Ctrl-C in its terminal (or kill ${holder.pid})`
      : `flightpulse ${holder.command} (pid ${holder.pid}); wait for it to finish`;
  return `the store in ${dataDir} is in use by ${what}, or use another --data-dir`;
}

/**
 * Claims the data directory for this process; throws a one-line UsageError naming the live
 * holder. The embedded store (LevelDB) allows one process only, so this check comes first.
 */
export function claimDataDir(dataDir: string, command: string): StoreHolder {
  mkdirSync(dataDir, { recursive: true });
  const holder = storeHolder(dataDir);
  if (holder) throw new CommandFailure(describeHolder(dataDir, holder));
  const mine: StoreHolder = { pid: process.pid, command, started_at: new Date().toISOString() };
  writeFileSync(holderFile(dataDir), `${JSON.stringify(mine)}\n`);
  return mine;
}

/** Records what a serving process offers to others (its API and store endpoint). */
export function announceDataDir(dataDir: string, holder: StoreHolder): void {
  writeFileSync(holderFile(dataDir), `${JSON.stringify(holder)}\n`);
}

/** Releases the claim if it is still this process's. */
export function releaseDataDir(dataDir: string): void {
  try {
    const holder = JSON.parse(readFileSync(holderFile(dataDir), 'utf8')) as StoreHolder;
    if (holder.pid === process.pid) rmSync(holderFile(dataDir));
  } catch {
    // Nothing to release.
  }
}
