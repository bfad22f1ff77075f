// @ts-check
// Programs that load every entry point of the installed packages (`@neunet/model`,
// `@neunet/datasets/node`, ...): as ESM and as CommonJS, each printing the sorted export
// names of every entry, and in TypeScript, for tsc under each module resolution.

/** @param {string[]} specs */
export function esmEntries(specs) {
  return `const names = {};
for (const spec of ${JSON.stringify(specs)}) names[spec] = Object.keys(await import(spec)).sort();
console.log(JSON.stringify(names));
`;
}

/** @param {string[]} specs */
export function cjsEntries(specs) {
  return `const names = {};
for (const spec of ${JSON.stringify(specs)}) names[spec] = Object.keys(require(spec)).sort();
console.log(JSON.stringify(names));
`;
}

/**
 * Every entry imported as a namespace, so that its types must resolve.
 * @param {string[]} specs
 */
export function typescriptEntries(specs) {
  const imports = specs.map((spec, i) => `import * as entry${i} from '${spec}';`);
  return `${imports.join('\n')}
export const entries = [${specs.map((_, i) => `entry${i}`).join(', ')}];
`;
}
