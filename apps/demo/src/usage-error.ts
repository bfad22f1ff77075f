/**
 * A mistake the user can fix on the command line (a path, a model file that does not fit):
 * the demo prints its message as one line, without a stack trace, and exits with code 1.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
