import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The Markdown a user reads: the root's, docs/, and each package's, app's and example's README. */
function docs(): string[] {
  const inFolder = (folder: string) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${folder}/${e.name}/README.md`);
  return [
    'README.md',
    'DEVELOPERS.md',
    'CONTRIBUTING.md',
    'examples/README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...inFolder('packages'),
    ...inFolder('apps'),
  ].filter((file) => {
    try {
      readFileSync(join(root, file));
      return true;
    } catch {
      return false;
    }
  });
}

// A duration: "54 s", "5 to 9 minutes", "0.2 ms", "1 min 54 s".
const DURATION =
  /\b\d+(?:[.,]\d+)?(?:\s*(?:to|–|-)\s*\d+(?:[.,]\d+)?)?\s*(?:minutes?|min|seconds?|s|ms|µs)\b/;
// What makes a figure a measurement one can repeat: its section gives the date and the
// command that printed it.
const DATE = /\b20\d\d-\d\d-\d\d\b/;
const COMMAND = /`pnpm [^`]+`/;

/** The sections of a Markdown text (from one heading to the next), code blocks left out. */
function sections(text: string): string[] {
  return text
    .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
    .split(/^(?=#{1,6} )/m)
    .map((p) => p.trim())
    .filter(Boolean);
}

describe('timings written into the docs', () => {
  it('are dated measurements that name the command printing them, or none', () => {
    const undated = docs().flatMap((file) =>
      sections(readFileSync(join(root, file), 'utf8'))
        .filter((p) => DURATION.test(p) && !(DATE.test(p) && COMMAND.test(p)))
        .map((p) => `${file}: ${p.match(DURATION)![0]} in the section "${p.slice(0, 60)}..."`),
    );
    expect(undated).toEqual([]);
  });
});
