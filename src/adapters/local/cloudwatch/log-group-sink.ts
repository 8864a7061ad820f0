import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/**
 * Stands in for a CloudWatch Logs log group as an EventBridge target: each event becomes one
 * JSON line in `<dir>/<group>.log` (for notifications, the specification's mock send). Each file
 * stays open for appending: a wave writes thousands of lines a second, and the stream writes the
 * lines that arrive while a write is under way together in the next one.
 */
export class LogGroupSink {
  private readonly directory: string;
  private readonly files = new Map<string, WriteStream>();

  constructor(directory: string) {
    this.directory = directory;
  }

  write(logGroup: string, event: unknown): Promise<void> {
    const file = join(this.directory, `${logGroup.replace(/^\//, '').replaceAll('/', '-')}.log`);
    const stream = this.files.get(file) ?? this.open(file);
    return new Promise((resolve, reject) =>
      stream.write(`${JSON.stringify(event)}\n`, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Writes what is waiting and closes the files. */
  async close(): Promise<void> {
    const streams = [...this.files.values()];
    this.files.clear();
    await Promise.all(streams.map((s) => new Promise((resolve) => s.end(resolve))));
  }

  private open(file: string): WriteStream {
    if (this.files.size === 0) mkdirSync(this.directory, { recursive: true });
    const stream = createWriteStream(file, { flags: 'a' });
    // A failed write fails its callers; the next line opens the file again.
    stream.on('error', () => {
      if (this.files.get(file) === stream) this.files.delete(file);
    });
    this.files.set(file, stream);
    return stream;
  }
}
