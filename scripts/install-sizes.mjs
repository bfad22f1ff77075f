// @ts-check
// The installed size of each published package alone and of the README example's set:
// packs the workspace's packages, installs the tarballs into fresh scratch projects and
// prints a markdown table of node_modules sizes. Run with `pnpm install-sizes`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBytes, packPackages, publishedPackages, scratchProject } from './lib/packing.mjs';
import { neunetImports, readmeExamples } from './lib/readme-blocks.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// The README's first NeuNet block is "The example".
const [example] = readmeExamples(root);
const examplePackages = example ? neunetImports(example.code) : [];

/** @param {number} bytes */
function formatSize(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

const packsDir = mkdtempSync(join(tmpdir(), 'neunet-packs-'));
try {
  const packages = publishedPackages(root);
  const tarballs = packPackages(packages, packsDir);
  const sets = [
    ...packages.map(({ name }) => ({ label: `\`${name}\``, names: [name] })),
    {
      label: `the README example (${examplePackages.map((n) => n.replace('@neunet/', '')).join(', ')})`,
      names: examplePackages,
    },
  ];
  const rows = [];
  for (const { label, names } of sets) {
    const project = scratchProject(tarballs, names);
    rows.push(`| ${label} | ${formatSize(installedBytes(join(project, 'node_modules')))} |`);
    rmSync(project, { recursive: true, force: true });
  }
  console.log(['| installed | node_modules |', '|---|---:|', ...rows].join('\n'));
} finally {
  rmSync(packsDir, { recursive: true, force: true });
}
