/**
 * Checking options objects: `checkOptions` rejects an unknown key with an error naming it
 * and the nearest valid name, and `optionKeys` lists an interface's keys so that the list
 * cannot drift from it. Every NeuNet package checks its options with it.
 *
 * @module @neunet/options
 */
export { checkOptions } from './check-options.js';
export { nearestName } from './nearest-name.js';
export { optionKeys } from './option-keys.js';
