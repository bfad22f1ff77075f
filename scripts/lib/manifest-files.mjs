// @ts-check

/**
 * Every file a package.json points to: `main`, `module`, `types`, each target of
 * `exports` and of `typesVersions`, relative to the package (without a leading `./`).
 * @param {Record<string, unknown>} manifest
 */
export function manifestFiles(manifest) {
  /** @type {Set<string>} */
  const files = new Set();
  /** @param {unknown} value */
  const collect = (value) => {
    if (typeof value === 'string') files.add(value.replace(/^\.\//, ''));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([
    manifest.main,
    manifest.module,
    manifest.types,
    manifest.exports,
    manifest.typesVersions,
  ]);
  return [...files].sort();
}

/**
 * The subpath entries of a package (`@scope/name/node` for an `./node` export), not
 * counting `.` and `./package.json`.
 * @param {string} name
 * @param {Record<string, unknown>} manifest
 */
export function subpathEntries(name, manifest) {
  const exports = manifest.exports;
  if (!exports || typeof exports !== 'object') return [];
  return Object.keys(exports)
    .filter((key) => key.startsWith('./') && key !== './package.json')
    .map((key) => `${name}/${key.slice(2)}`);
}
