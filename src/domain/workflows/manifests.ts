/** Where each run's booking manifest lives in the manifest bucket (S3 in AWS, a directory locally). */
export const MANIFEST_PREFIX = 'manifests/';

/**
 * Days a run's booking manifest is kept: a run lasts at most an hour (the state machines'
 * timeout), and a re-drive writes its manifest again.
 */
export const MANIFEST_EXPIRY_DAYS = 1;

/** The manifest key of one run of a flight's workflow. */
export function manifestKey(flightId: string, run: string): string {
  return `${MANIFEST_PREFIX}${flightId}/${run}.json`;
}
