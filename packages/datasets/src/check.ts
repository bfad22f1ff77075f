/** Shared option checks: each throws an Error naming the function, the option and what was expected. */

export function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${fn}: ${name} is ${value}; expected an integer >= ${min}`);
  }
}

export function checkNonNegative(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${fn}: ${name} is ${value}; expected a finite number >= 0`);
  }
}

export function checkFinite(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new Error(`${fn}: ${name} is ${value}; expected a finite number`);
  }
}

export function checkSeed(fn: string, seed: number | undefined): void {
  if (seed !== undefined && !Number.isFinite(seed)) {
    throw new Error(`${fn}: seed is ${seed}; expected a finite number`);
  }
}
