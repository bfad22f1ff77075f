// @ts-check
// The READMEs as the pack test reads them: the packages their install commands pack, and
// the TypeScript blocks that use NeuNet, which the test type-checks and runs as written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @typedef {object} ReadmeBlock
 * @property {string} file the README, relative to the workspace root
 * @property {number} line the line of the block's opening fence (1-based)
 * @property {string} code
 */

/**
 * README.md and every packages/<name>/README.md under `root`.
 * @param {string} root
 */
export function readmeFiles(root) {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'packages', entry.name, 'README.md'))
    .filter((file) => existsSync(file))
    .sort();
  return [join(root, 'README.md'), ...packages];
}

/**
 * Every ```ts block of a Markdown text.
 * @param {string} text
 * @param {string} file named in each block
 * @returns {ReadmeBlock[]}
 */
export function tsBlocks(text, file) {
  /** @type {ReadmeBlock[]} */
  const blocks = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trimEnd() !== '```ts') continue;
    const end = lines.findIndex((line, j) => j > i && line.trimEnd() === '```');
    if (end < 0) throw new Error(`${file}:${i + 1}: a \`\`\`ts block is never closed`);
    blocks.push({ file, line: i + 1, code: `${lines.slice(i + 1, end).join('\n')}\n` });
    i = end;
  }
  return blocks;
}

/**
 * The NeuNet packages a block imports (`@neunet/datasets` for `@neunet/datasets/node`).
 * @param {string} code
 */
export function neunetImports(code) {
  const names = new Set();
  for (const match of code.matchAll(/from\s+'(@neunet\/[a-z0-9-]+)(?:\/[^']*)?'/g)) {
    names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * The blocks of the READMEs under `root` that import a NeuNet package.
 * @param {string} root
 */
export function readmeExamples(root) {
  return readmeFiles(root).flatMap((path) =>
    tsBlocks(readFileSync(path, 'utf8'), relative(root, path)).filter(
      (block) => neunetImports(block.code).length > 0,
    ),
  );
}

/**
 * The package folders the README tells a user to pack and install: the list of its
 * `for p in ...; do (cd packages/$p && pnpm pack ...)` loop.
 * @param {string} readme the text of README.md
 */
export function readmePackedPackages(readme) {
  const loops = [
    ...readme.matchAll(/^for p in ([^;\n]+); do\n\s*\(cd packages\/\$p && pnpm pack/gm),
  ];
  if (loops.length !== 1) {
    throw new Error(
      `README.md: found ${loops.length} \`for p in ...; do (cd packages/$p && pnpm pack\` loops; expected exactly 1`,
    );
  }
  return (loops[0]?.[1] ?? '').trim().split(/\s+/);
}

/**
 * The registry packages the README installs beside the tarballs: the names after
 * `npm install /tmp/neunet/*.tgz`.
 * @param {string} readme the text of README.md
 */
export function readmeRegistryPackages(readme) {
  const installs = [...readme.matchAll(/npm install \/tmp\/neunet\/\*\.tgz([^#\n]*)/g)];
  if (installs.length !== 1) {
    throw new Error(
      `README.md: found ${installs.length} \`npm install /tmp/neunet/*.tgz\` commands; expected exactly 1`,
    );
  }
  return (installs[0]?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
}
