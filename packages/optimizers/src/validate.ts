// Option checks shared by the optimizers and schedules. Each returns the value it checked so
// that a constructor can validate and assign in one expression.

export function positive(where: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new Error(`${where}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

export function nonNegative(where: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`${where}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** A decay factor such as momentum or beta: in [0, 1). */
export function fraction(where: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) {
    throw new Error(`${where}: ${name} must be in [0, 1), got ${String(value)}`);
  }
  return value;
}

export function positiveInteger(where: string, name: string, value: number): number {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new Error(`${where}: ${name} must be an integer > 0, got ${String(value)}`);
  }
  return value;
}

export function boolean(where: string, name: string, value: boolean): boolean {
  if (typeof value !== 'boolean') {
    throw new Error(`${where}: ${name} must be true or false, got ${String(value)}`);
  }
  return value;
}
