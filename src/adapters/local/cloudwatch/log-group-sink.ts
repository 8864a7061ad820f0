import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

interface FileQueue {
  lines: string[];
  /** The append that takes the lines queued now; undefined until one is queued. */
  next: Promise<void> | undefined;
  /** The append under way (settled or not): the next one starts after it. */
  writing: Promise<unknown>;
}

/**
 * Stands in for a CloudWatch Logs log group as an EventBridge target: each event becomes one
 * JSON line in `<dir>/<group>.log` (for notifications, the specification's mock send). Lines that
 * arrive while a file is being appended to go out together in its next append: a wave writes
 * thousands of lines a second, and an open/append/close per line was most of their cost.
 */
export class LogGroupSink {
  private ready: Promise<unknown> | undefined;
  private readonly directory: string;
  private readonly files = new Map<string, FileQueue>();

  constructor(directory: string) {
    this.directory = directory;
  }

  async write(logGroup: string, event: unknown): Promise<void> {
    this.ready ??= mkdir(this.directory, { recursive: true });
    await this.ready;
    const file = join(this.directory, `${logGroup.replace(/^\//, '').replaceAll('/', '-')}.log`);
    let queue = this.files.get(file);
    if (!queue) {
      queue = { lines: [], next: undefined, writing: Promise.resolve() };
      this.files.set(file, queue);
    }
    queue.lines.push(`${JSON.stringify(event)}\n`);
    if (!queue.next) {
      const q = queue;
      q.next = q.writing.then(() => {
        const text = q.lines.join('');
        q.lines = [];
        q.next = undefined;
        return appendFile(file, text);
      });
      q.writing = q.next.catch(() => undefined);
    }
    return queue.next;
  }
}
