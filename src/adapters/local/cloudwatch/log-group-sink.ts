import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Stands in for a CloudWatch Logs log group as an EventBridge target: each event becomes one
 * JSON line in `<dir>/<group>.log` (for notifications, the specification's mock send).
 */
export class LogGroupSink {
  private ready: Promise<unknown> | undefined;

  private readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  async write(logGroup: string, event: unknown): Promise<void> {
    this.ready ??= mkdir(this.directory, { recursive: true });
    await this.ready;
    const file = join(this.directory, `${logGroup.replace(/^\//, '').replaceAll('/', '-')}.log`);
    await appendFile(file, `${JSON.stringify(event)}\n`);
  }
}
