import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const text = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');

/** The text of each `## ` section, by its title. */
const sections = new Map(
  text
    .split(/^## /m)
    .slice(1)
    .map((part) => [part.slice(0, part.indexOf('\n')), part] as const),
);

/**
 * The repository paths a text names in backticks (words of a command included), not
 * counting templates such as `packages/<name>/src/*.test.ts` and package names.
 */
function namedPaths(markdown: string): string[] {
  const words = [...markdown.matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1]!.split(/\s+/));
  return words.filter((w) => /^\.?[\w-]+\/[\w./-]*$/.test(w));
}

describe('CONTRIBUTING.md', () => {
  it.each([
    [
      'Adding a layer',
      ['registr', 'paramShapes', 'gradientCheck', 'Parity', 'Exporters', 'Docs', 'changeset'],
    ],
    ['Adding a backend kernel', ['conformance', 'js reference', 'wasm', 'benchmark', 'changeset']],
    ['Adding a data set', ['packages/datasets/src/', 'Tests', 'Docs', 'changeset']],
  ])('has the checklist "%s", covering %j', (title, topics) => {
    const section = sections.get(title);
    expect(section, `no "## ${title}" section`).toBeDefined();
    expect(section!.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(topics.length - 1);
    for (const topic of topics) expect(section).toContain(topic);
  });

  it('names only files and folders that exist', () => {
    const paths = namedPaths(text);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
