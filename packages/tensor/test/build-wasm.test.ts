import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const generated = join(root, 'src/wasm/generated/modules.ts');

it('build-wasm --check, in one compile, passes an unchanged copy of the committed kernels and fails a changed one', async () => {
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
    // One run of the compiler checks both: only the changed file is named, and it fails.
    const failed = run(process.execPath, [script, '--check', '--out', same, '--out', changed]);
    const error = await failed.then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/changed\.ts differs from what assembly\/ compiles to/);
    expect(error?.stderr).not.toMatch(/same\.ts/);
    // A check never writes.
    expect(readFileSync(changed, 'utf8')).not.toBe(text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
