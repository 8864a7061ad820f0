import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Gathering } from '../../gathering.ts';

/**
 * Stands in for a CloudWatch Logs log group as an EventBridge target: each event becomes one
 * JSON line in `<dir>/<group>.log` (for notifications, the specification's mock send). A file's
 * lines are gathered while its append is under way and go out together in the next one: a wave
 * writes thousands of lines a second, and an open/append/close per line was most of their cost.
 */
export class LogGroupSink {
  private ready: Promise<unknown> | undefined;
  private readonly directory: string;
  private readonly files = new Map<string, Gathering<string, void>>();

  constructor(directory: string) {
    this.directory = directory;
  }

  async write(logGroup: string, event: unknown): Promise<void> {
    this.ready ??= mkdir(this.directory, { recursive: true });
    await this.ready;
    const file = join(this.directory, `${logGroup.replace(/^\//, '').replaceAll('/', '-')}.log`);
    let lines = this.files.get(file);
    if (!lines) {
      lines = new Gathering<string, void>(
        async (batch) => {
          await appendFile(file, batch.map((w) => w.request).join(''));
          for (const w of batch) w.done();
        },
        { fullAt: Number.POSITIVE_INFINITY, maxInFlight: 1 },
      );
      this.files.set(file, lines);
    }
    return lines.ask(`${JSON.stringify(event)}\n`);
  }
}
