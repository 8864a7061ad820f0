/** What the benchmark reads of other processes (the store's, the channels'), from Linux's /proc. */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds a process has used (user + system); undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: the fields after it start past its ") ".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds a process has used; 0 where there is none to read. */
export function processCpuMs(pid: number | undefined): number {
  return pid === undefined ? 0 : (cpuMs(pid) ?? 0);
}

/** CPU milliseconds this process has used, every thread of it (user + system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Resident memory of a process; 0 where it cannot be read. */
export function residentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
