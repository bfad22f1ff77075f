import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * The folder the user ran the command in, which relative paths start from: pnpm runs a
 * script in its package's folder and records the caller's folder in INIT_CWD.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute file that `option` (given as `given`, relative to `base`) writes: `fileName`
 * inside it when it names a folder. Checked now, so that no run fails at its end for a path.
 */
export function outputFile(option: string, given: string, fileName: string, base: string): string {
  const path = resolve(base, given);
  const stats = statOf(path);
  if (stats?.isDirectory()) return checkedFile(option, given, join(path, fileName));
  if (/[\\/]$/.test(given)) {
    throw new UsageError(
      `${option} ${given}: there is no folder ${path}; create it first or name an existing folder`,
    );
  }
  return checkedFile(option, given, path);
}

function checkedFile(option: string, given: string, file: string): string {
  const stats = statOf(file);
  if (stats?.isDirectory()) {
    throw new UsageError(
      `${option} ${given}: ${file} is a folder; name a file, or a folder without one named like it`,
    );
  }
  const folder = dirname(file);
  const folderStats = statOf(folder);
  if (!folderStats) {
    throw new UsageError(
      `${option} ${given}: the folder ${folder} does not exist; create it first or write to an existing folder`,
    );
  }
  if (!folderStats.isDirectory()) {
    throw new UsageError(`${option} ${given}: ${folder} is a file, not a folder`);
  }
  if (!writable(stats ? file : folder)) {
    throw new UsageError(
      `${option} ${given}: cannot write ${file} (permission denied); choose a place you can write to`,
    );
  }
  return file;
}
