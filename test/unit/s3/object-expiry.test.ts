import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryObjectStore } from '../../../src/adapters/local/s3/directory-object-store.ts';
import { startObjectExpiry } from '../../../src/adapters/local/s3/object-expiry.ts';
import { SilentLog } from '../../support/fakes.ts';

const DAY_MS = 86_400_000;
const BUCKET = 'flightpulse-workflow-manifests';
const dirs: string[] = [];

function store() {
  const root = mkdtempSync(join(tmpdir(), 'fp-objects-'));
  dirs.push(root);
  return { root, objects: new DirectoryObjectStore(root) };
}

/** Backdates an object's file, as if written `days` ago. */
function writtenAgo(root: string, key: string, days: number) {
  const at = new Date(Date.now() - days * DAY_MS);
  utimesSync(join(root, BUCKET, key), at, at);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('DirectoryObjectStore.deleteWrittenBefore (the lifecycle rule, locally)', () => {
  it('deletes the objects under the prefix written before the time, and only those', async () => {
    const { root, objects } = store();
    await objects.put(BUCKET, 'manifests/FP100/run-old.json', '[]');
    await objects.put(BUCKET, 'manifests/FP100/run-new.json', '[]');
    await objects.put(BUCKET, 'manifests/FP200/run-old.json', '[]');
    await objects.put(BUCKET, 'other/kept.json', '[]');
    writtenAgo(root, 'manifests/FP100/run-old.json', 2);
    writtenAgo(root, 'manifests/FP200/run-old.json', 2);
    writtenAgo(root, 'other/kept.json', 2);

    const deleted = await objects.deleteWrittenBefore(
      BUCKET,
      'manifests/',
      new Date(Date.now() - DAY_MS),
    );

    expect(deleted).toBe(2);
    await expect(objects.get(BUCKET, 'manifests/FP100/run-old.json')).rejects.toThrow(
      /does not exist/,
    );
    expect(await objects.get(BUCKET, 'manifests/FP100/run-new.json')).toBe('[]');
    expect(await objects.get(BUCKET, 'other/kept.json')).toBe('[]');
    await expect(objects.get(BUCKET, 'manifests/FP200/run-old.json')).rejects.toThrow(
      /does not exist/,
    );
  });

  it('deletes a write a crash left half-done once it is old enough', async () => {
    const { root, objects } = store();
    await objects.put(BUCKET, 'manifests/FP100/run.json', '[]');
    const partial = join(root, BUCKET, 'manifests/FP100/run.json.123.abc.partial');
    writeFileSync(partial, '[');
    writtenAgo(root, 'manifests/FP100/run.json.123.abc.partial', 3);

    expect(
      await objects.deleteWrittenBefore(BUCKET, 'manifests/', new Date(Date.now() - DAY_MS)),
    ).toBe(1);
    expect(existsSync(partial)).toBe(false);
    expect(await objects.get(BUCKET, 'manifests/FP100/run.json')).toBe('[]');
  });

  it('finds nothing to delete in a bucket never written', async () => {
    const { objects } = store();
    expect(await objects.deleteWrittenBefore(BUCKET, 'manifests/', new Date())).toBe(0);
  });
});

describe('startObjectExpiry', () => {
  it('sweeps once at start and on demand, deleting what is older than the rule days', async () => {
    const { root, objects } = store();
    await objects.put(BUCKET, 'manifests/FP100/a.json', '[]');
    writtenAgo(root, 'manifests/FP100/a.json', 2);
    const log = new SilentLog();

    const expiry = startObjectExpiry(
      objects,
      { bucket: BUCKET, prefix: 'manifests/', days: 1 },
      { log, intervalMs: 3_600_000 },
    );
    // The sweep at start is the one under way: sweep() joins it.
    expect(await expiry.sweep()).toBe(1);
    await objects.put(BUCKET, 'manifests/FP100/b.json', '[]');
    writtenAgo(root, 'manifests/FP100/b.json', 0.5);
    expect(await expiry.sweep()).toBe(0);
    writtenAgo(root, 'manifests/FP100/b.json', 1.5);
    expect(await expiry.sweep()).toBe(1);
    await expiry.stop();

    expect(log.lines.filter((l) => l.message === 'expired objects deleted')).toHaveLength(2);
  });

  it('does not sweep when turned off (interval 0)', async () => {
    const { root, objects } = store();
    await objects.put(BUCKET, 'manifests/FP100/a.json', '[]');
    writtenAgo(root, 'manifests/FP100/a.json', 2);
    const log = new SilentLog();

    const expiry = startObjectExpiry(
      objects,
      { bucket: BUCKET, prefix: 'manifests/', days: 1 },
      { log, intervalMs: 0 },
    );
    await expiry.stop();

    expect(await objects.get(BUCKET, 'manifests/FP100/a.json')).toBe('[]');
  });
});
