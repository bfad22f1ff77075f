import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const generated = join(root, 'src/wasm/generated/modules.ts');

it('build-wasm --check passes on the committed kernels and fails on a changed one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neunet-wasm-'));
  try {
    const same = join(dir, 'same.ts');
    const changed = join(dir, 'changed.ts');
    copyFileSync(generated, same);
    // One base64 character of the relaxed, plain-memory kernels differs.
    const text = readFileSync(generated, 'utf8');
    const at = text.lastIndexOf("'") - 10;
    writeFileSync(changed, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));

    const script = join(root, 'scripts/build-wasm.mjs');
    const run = promisify(execFile);
    // Both in one run of the compiler would be quicker, but the script checks one file.
    await expect(run(process.execPath, [script, '--check', '--out', same])).resolves.toBeDefined();
    const failed = run(process.execPath, [script, '--check', '--out', changed]);
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/changed\.ts differs from what assembly\/ compiles to/),
    });
    // A check never writes.
    expect(readFileSync(changed, 'utf8')).not.toBe(text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
