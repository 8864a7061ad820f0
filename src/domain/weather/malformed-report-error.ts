/** A report that cannot be decoded without guessing: the message names the group at fault. */
export class MalformedReportError extends Error {
  override name = 'MalformedReportError';
  readonly report: string;

  constructor(report: string, problem: string) {
    super(`malformed report: ${problem} in "${report}"`);
    this.report = report;
  }
}
