/** An event pattern EventBridge would refuse; the message is EventBridge's reason. */
export class InvalidPatternError extends Error {
  override name = 'InvalidPatternError';
}
