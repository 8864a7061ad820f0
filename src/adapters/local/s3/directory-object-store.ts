import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../../../ports.ts';

/** S3's answer for a missing object, so callers see the same error name as in AWS. */
export class NoSuchKeyError extends Error {
  override name = 'NoSuchKey';
}

/** A file-system call's answer when the path is not there (ENOENT); other errors stay errors. */
const absent =
  <T>(value: T) =>
  (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT') return value;
    throw error;
  };

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
   * (a write left half-done by a crash too). Returns how many went. Folders stay: removing one
   * could race a write into it, and they are one per flight, reused every day.
   */
  async deleteWrittenBefore(bucket: string, prefix: string, before: Date): Promise<number> {
    const folder = join(this.root, bucket);
    // Only the prefix's own folder is read, not the whole bucket.
    const under = join(folder, prefix.slice(0, prefix.lastIndexOf('/') + 1));
    const entries = await readdir(under, { recursive: true, withFileTypes: true }).catch(
      absent([]),
    );
    let deleted = 0;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (!relative(folder, path).split(sep).join('/').startsWith(prefix)) continue;
      // A half-done write renamed into place meanwhile is gone from under its old name.
      const written = await stat(path).catch(absent(undefined));
      if (!written || written.mtimeMs >= before.getTime()) continue;
      if (await unlink(path).then(() => true, absent(false))) deleted++;
    }
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
