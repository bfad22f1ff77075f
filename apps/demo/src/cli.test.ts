import { exec, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(packageFolder, '..', '..');
const main = join(packageFolder, 'src', 'main.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

// Spawned Node processes compile the demo with tsx and may train: generous on a loaded machine.
const SPAWN = 120_000;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the demo's entry as `pnpm demo` does: from the package folder, with INIT_CWD set to
 * the folder the user stands in (`initCwd`), or directly from `cwd` without INIT_CWD.
 */
function demo(args: string[], where: { initCwd?: string; cwd?: string }): Promise<Result> {
  const { INIT_CWD: _, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', tsx, main, ...args],
      {
        cwd: where.cwd ?? packageFolder,
        env: where.initCwd ? { ...env, INIT_CWD: where.initCwd } : env,
        timeout: SPAWN,
      },
      (error, stdout, stderr) => done({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

/** A user error: exit code 1 and one line on stderr, naming the problem, without a trace. */
function expectUserError(result: Result, ...names: (string | RegExp)[]): string {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  for (const name of names) expect(lines[0]).toMatch(name);
  // Every checkable mistake is reported before any training starts.
  expect(result.stdout).not.toContain('Training on');
  return lines[0]!;
}

let user: string;

beforeAll(() => {
  user = mkdtempSync(join(tmpdir(), 'neunet-demo-cli-'));
});

afterAll(() => {
  rmSync(user, { recursive: true, force: true });
});

describe('pnpm demo: the command line', () => {
  it(
    'pnpm demo --help prints the demo’s options, not pnpm’s',
    async () => {
      const script = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts
        .demo as string;
      // The command after the build, as pnpm runs it with the user's arguments appended.
      const launch = script.split('&&').at(-1)!.trim();
      const { stdout } = await new Promise<{ stdout: string }>((done, fail) =>
        exec(
          `${launch} --help`,
          { cwd: repoRoot, env: { ...process.env, INIT_CWD: user }, timeout: SPAWN },
          (error, stdout) => (error ? fail(error) : done({ stdout })),
        ),
      );
      expect(stdout).toMatch(/^Usage: pnpm demo/m);
      for (const option of ['--epochs', '--seed', '--data-seed', '--dataset', '--out', '--save']) {
        expect(stdout).toContain(option);
      }
      expect(stdout).toContain('--load');
      expect(stdout).toMatch(/--dataset <name>[\s\S]*"mnist-cnn"/);
    },
    SPAWN,
  );

  it(
    'pnpm demo && pnpm demo --dataset iris --load model.neunet: saves in the user’s folder, then names both widths and the fix',
    async () => {
      const trained = await demo(['--epochs', '1', '--out', 'first.html'], { initCwd: user });
      expect(trained.code, trained.stderr).toBe(0);
      expect(existsSync(join(user, 'model.neunet'))).toBe(true);
      expect(existsSync(join(user, 'first.html'))).toBe(true);
      expect(existsSync(join(packageFolder, 'first.html'))).toBe(false);

      const line = expectUserError(
        await demo(['--dataset', 'iris', '--load', 'model.neunet'], { initCwd: user }),
        /model\.neunet/,
        /trained for 2 input features, but the iris data set has 4/,
        /pnpm demo --dataset iris/,
      );
      expect(line).toBe(
        'error: --load model.neunet: the model was trained for 2 input features, but the iris data set has 4; ' +
          'train one with `pnpm demo --dataset iris` first, or load a model trained on iris',
      );

      // Same input width, different classes: moons has 2, the spiral model predicts 3.
      expectUserError(
        await demo(['--dataset', 'moons', '--load', 'model.neunet'], { initCwd: user }),
        /predicts 3 classes, but the moons data set has 2/,
      );

      // Images: the shapes are named.
      expectUserError(
        await demo(['--dataset', 'mnist-cnn', '--load', 'model.neunet'], { initCwd: user }),
        "--load model.neunet: the model takes samples of shape [2], but the mnist-cnn data set's are [28, 28, 1]",
      );
    },
    2 * SPAWN,
  );

  it(
    '--load of a missing file, a folder or a file that is no model: one line each',
    async () => {
      expectUserError(
        await demo(['--load', 'missing.file'], { initCwd: user }),
        `--load missing.file: there is no file ${join(user, 'missing.file')}`,
        /pnpm demo --dataset spiral/,
      );
      expectUserError(
        await demo(['--load', '.'], { initCwd: user }),
        /--load \.: .* is a folder; name the model file itself/,
      );
      expectUserError(
        await demo(['--load', 'README.md'], { initCwd: packageFolder }),
        /--load README\.md: not a model pnpm demo can read \(.*not a NeuNet model/,
      );
    },
    SPAWN,
  );

  it(
    '--out into a missing folder fails before training',
    async () => {
      const missing = join(user, 'nonexistent', 'dir', 'r.html');
      expectUserError(
        await demo(['--dataset', 'moons', '--out', missing], { initCwd: user }),
        `--out ${missing}: the folder ${join(user, 'nonexistent', 'dir')} does not exist`,
      );
      expectUserError(
        await demo(['--dataset', 'moons', '--out', 'nowhere/'], { initCwd: user }),
        `--out nowhere/: there is no folder ${join(user, 'nowhere')}`,
      );
      expectUserError(
        await demo(['--dataset', 'moons', '--save', join(user, 'absent', 'm.neunet')], {
          initCwd: user,
        }),
        /--save .*the folder .*absent does not exist/,
      );
    },
    SPAWN,
  );

  it(
    '--out DIR writes DIR/report.html, relative to the folder the user ran it in',
    async () => {
      mkdirSync(join(user, 'reports'));
      const result = await demo(
        ['--dataset', 'moons', '--epochs', '1', '--out', 'reports', '--save', 'reports'],
        { initCwd: user },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`Report: ${join(user, 'reports', 'report.html')}`);
      expect(readFileSync(join(user, 'reports', 'report.html'), 'utf8')).toContain('NeuNet: moons');
      expect(existsSync(join(user, 'reports', 'model.neunet'))).toBe(true);

      // Run directly (no pnpm, so no INIT_CWD), paths start from the current folder.
      const again = await demo(
        ['--dataset', 'circles', '--load', 'reports/model.neunet', '--out', 'circles.html'],
        { cwd: user },
      );
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(join(user, 'circles.html'), 'utf8')).toContain('NeuNet: circles');
    },
    2 * SPAWN,
  );

  it(
    '--out never overwrites the model it saves or loads',
    async () => {
      expectUserError(
        await demo(['--out', 'm.neunet', '--save', 'm.neunet'], { initCwd: user }),
        `--out m.neunet would overwrite the model file ${join(user, 'm.neunet')}`,
      );
      expectUserError(
        await demo(['--load', 'model.neunet', '--out', 'model.neunet'], { initCwd: user }),
        `--out model.neunet would overwrite the model file ${join(user, 'model.neunet')}`,
      );
      expect(readFileSync(join(user, 'model.neunet')).subarray(1, 7).toString()).toBe('NEUNET');
    },
    SPAWN,
  );

  it(
    'options that only shape training are refused with --load, in one line',
    async () => {
      expectUserError(
        await demo(['--load', 'model.neunet', '--epochs', '5'], { initCwd: user }),
        /--load <file>' cannot be used with option '--epochs/,
      );
    },
    SPAWN,
  );
});
