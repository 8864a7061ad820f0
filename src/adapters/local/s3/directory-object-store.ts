import { mkdir, readdir, readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../../../ports.ts';

/** S3's answer for a missing object, so callers see the same error name as in AWS. */
export class NoSuchKeyError extends Error {
  override name = 'NoSuchKey';
}

/**
 * S3 for one machine: `<root>/<bucket>/<key>`. A write goes to a temporary file renamed into
 * place, so a reader (or a run after `kill -9`) sees a whole object or none, as S3 promises.
 */
export class DirectoryObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(bucket: string, key: string, body: string): Promise<void> {
    const path = this.pathOf(bucket, key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.${crypto.randomUUID()}.partial`;
    await writeFile(partial, body, 'utf8');
    await rename(partial, path);
  }

  async get(bucket: string, key: string): Promise<string> {
    try {
      return await readFile(this.pathOf(bucket, key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new NoSuchKeyError(`s3://${bucket}/${key} does not exist`);
      throw error;
    }
  }

  /**
   * S3's lifecycle expiration: deletes the objects under `prefix` last written before `before`
   * (a write left half-done by a crash too), and the folders that leaves empty. Returns how many
   * objects went.
   */
  async deleteWrittenBefore(bucket: string, prefix: string, before: Date): Promise<number> {
    const folder = join(this.root, bucket);
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    let deleted = 0;
    const emptied = new Set<string>();
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (!relative(folder, path).split(sep).join('/').startsWith(prefix)) continue;
      if ((await stat(path)).mtimeMs >= before.getTime()) continue;
      await unlink(path);
      deleted++;
      emptied.add(entry.parentPath);
    }
    // A folder a write is filling meanwhile is not empty: rmdir refuses it, and that is fine.
    for (const dir of emptied) if (dir !== folder) await rmdir(dir).catch(() => undefined);
    return deleted;
  }

  /** Keys are S3 keys: no way out of the bucket's folder. */
  private pathOf(bucket: string, key: string): string {
    const path = resolve(this.root, bucket, key);
    if (!path.startsWith(join(this.root, bucket) + sep))
      throw new RangeError(`object key ${key} leaves bucket ${bucket}`);
    return path;
  }
}
