import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const examples = join(import.meta.dirname, '..');

/** Runs an example as a user would (`tsx src/<name>.ts`), against the built packages. */
async function example(name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join('src', `${name}.ts`), ...args],
    { cwd: examples, timeout: 100_000 },
  );
  return stdout;
}

/** The number printed after `label:` (the last such line). */
function figure(stdout: string, label: string): number {
  const lines = stdout.split('\n').filter((line) => line.startsWith(`${label}:`));
  expect(lines, `the output has a "${label}:" line:\n${stdout}`).not.toEqual([]);
  return Number(lines.at(-1)!.slice(label.length + 1));
}

// A non-zero exit rejects, which fails the test with the program's stderr.
describe('the Node examples run and print sane figures', () => {
  it('spiral.ts (the README example, 60 epochs)', async () => {
    const stdout = await example('spiral', '--epochs', '60');
    expect(stdout).toContain('epochs run: 60');
    expect(figure(stdout, 'accuracy')).toBeGreaterThan(0.6);
  });

  it('iris-metrics.ts', async () => {
    const stdout = await example('iris-metrics');
    expect(stdout).toMatch(/virginica\s+\d\.\d\d\s+\d\.\d\d/);
    expect(figure(stdout, 'test accuracy')).toBeGreaterThan(0.85);
  });

  it('sine-regression.ts', async () => {
    const stdout = await example('sine-regression');
    expect(figure(stdout, 'test R²')).toBeGreaterThan(0.9);
    expect(figure(stdout, 'test RMSE')).toBeLessThan(0.2);
  });

  it('save-and-load.ts', async () => {
    const stdout = await example('save-and-load');
    expect(stdout).toContain('the loaded copy predicts identically: true');
    expect(stdout).toContain('training resumes exactly: true');
    expect(figure(stdout, 'accuracy')).toBeGreaterThan(0.8);
  });

  it('custom-callback.ts stops early once the target accuracy is reached', async () => {
    const stdout = await example('custom-callback');
    const stopped = /stopped after (\d+) of 500 epochs/.exec(stdout);
    expect(stopped, stdout).not.toBeNull();
    expect(Number(stopped![1])).toBeLessThan(500);
    expect(figure(stdout, 'accuracy')).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects a bad --epochs with a message naming it', async () => {
    await expect(example('spiral', '--epochs', 'many')).rejects.toThrow(
      /--epochs must be an integer >= 1, got many/,
    );
  });
});
