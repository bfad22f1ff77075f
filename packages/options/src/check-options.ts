import { nearestName } from './nearest-name.js';

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array (${value.length} items)`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/**
 * Throws unless `options` is an object (not an array) whose own keys are all in `known`.
 * JavaScript callers get no compile-time check, and a misspelt key (`batch_size`,
 * `activaton`) would otherwise be ignored without a word, so the error names the key,
 * `where` it was passed and the nearest valid name:
 * `train: unknown option 'batch_size'; did you mean 'batchSize'?`.
 *
 * @param where - the function or class the options were passed to, first in the message
 * @param options - the options object as the caller passed it
 * @param known - every valid key (see {@link optionKeys})
 */
export function checkOptions(where: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error(`${where}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const nearest = nearestName(key, known);
    const hint =
      nearest !== undefined
        ? `did you mean '${nearest}'?`
        : known.length > 0
          ? `expected one of ${known.join(', ')}`
          : 'it takes no options';
    throw new Error(`${where}: unknown option '${key}'; ${hint}`);
  }
}
