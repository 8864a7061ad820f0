import { z } from 'zod';

/**
 * A date-time as operations systems send it: ISO 8601 with an offset, or without one (the
 * reference producer sends `datetime.utcnow().isoformat()`), which is read as UTC. An offset is
 * kept as sent so times stay in the airport's local time; an offset-less time gains its `Z`
 * (and seconds, when it had none), so everything downstream sees one form.
 *
 * @example
 * InboundDateTimeSchema.parse('2025-01-15T14:30:00.123456'); // '2025-01-15T14:30:00.123456Z'
 */
export const InboundDateTimeSchema = z.iso
  .datetime({ offset: true, local: true })
  .overwrite(readAsUtc)
  .describe('ISO 8601 date-time; without an offset it is read as UTC');

const WITHOUT_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/;

/** Gives an offset-less ISO date-time its UTC `Z`; any other text is returned as it is. */
export function readAsUtc(dateTime: string): string {
  const match = WITHOUT_OFFSET.exec(dateTime);
  if (!match) return dateTime;
  return `${match[1]}${match[2] ?? ':00'}Z`;
}
