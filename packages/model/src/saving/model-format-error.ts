/**
 * A model file or artifact that cannot be loaded: truncated, corrupted, edited after saving,
 * from a newer format, or describing something this build cannot rebuild. The message names
 * the part of the file at fault.
 */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
}
