import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
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

  /** Keys are S3 keys: no way out of the bucket's folder. */
  private pathOf(bucket: string, key: string): string {
    const path = resolve(this.root, bucket, key);
    if (!path.startsWith(join(this.root, bucket) + sep))
      throw new RangeError(`object key ${key} leaves bucket ${bucket}`);
    return path;
  }
}
