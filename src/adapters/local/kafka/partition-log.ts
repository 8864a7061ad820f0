import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** One stored record of a partition; its offset is its position in the log. */
export interface StoredRecord {
  offset: number;
  key: string | null;
  /** The value's bytes, base64 (any bytes, as Kafka carries them). */
  value: string;
  timestamp: number;
}

/**
 * One partition of the embedded topic on disk: an append-only log of JSON lines, fsynced before
 * an append returns, and a committed offset (the next record to consume) written atomically.
 * Without a directory it lives in memory only.
 */
export class PartitionLog {
  private readonly records: StoredRecord[] = [];
  private committed = 0;
  private readonly logFile: string | undefined;
  private readonly commitFile: string | undefined;

  constructor(dir: string | undefined, name: string) {
    this.logFile = dir && join(dir, `${name}.log`);
    this.commitFile = dir && join(dir, `${name}.committed`);
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    if (this.logFile && existsSync(this.logFile)) {
      this.records.push(...readLog(this.logFile));
      // Close a line torn by a crash so the next append starts clean.
      const text = readFileSync(this.logFile, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) appendFileSync(this.logFile, '\n');
    }
    if (this.commitFile && existsSync(this.commitFile))
      this.committed = Number(readFileSync(this.commitFile, 'utf8')) || 0;
  }

  /** Records stored but not yet committed: what a restart must consume again. */
  uncommitted(): StoredRecord[] {
    return this.records.slice(this.committed);
  }

  /** Appends records durably and returns them with their offsets. */
  async append(
    records: Array<{ key: string | null; value: string }>,
    timestamp: number,
  ): Promise<StoredRecord[]> {
    const stored = records.map((record, index) => ({
      offset: this.records.length + index,
      key: record.key,
      value: record.value,
      timestamp,
    }));
    if (this.logFile) {
      const handle = await open(this.logFile, 'a');
      try {
        await handle.appendFile(stored.map((r) => `${JSON.stringify(r)}\n`).join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.records.push(...stored);
    return stored;
  }

  /** Marks every record before `nextOffset` consumed, durably. */
  async commit(nextOffset: number): Promise<void> {
    if (nextOffset <= this.committed) return;
    this.committed = nextOffset;
    if (!this.commitFile) return;
    const temporary = `${this.commitFile}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(String(nextOffset));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.commitFile);
  }
}

/** The complete lines of a log; a line torn by a crash was never acknowledged, so it is dropped. */
function readLog(file: string): StoredRecord[] {
  const records: StoredRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const record = JSON.parse(line) as StoredRecord;
      if (record.offset === records.length) records.push(record);
    } catch {
      // torn tail
    }
  }
  return records;
}
