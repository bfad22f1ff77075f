import { Tensor } from '@neunet/tensor';

/** Per-feature statistics of a Tensor's columns (every trailing value is a feature). */
export function columns(fn: string, X: Tensor): { n: number; w: number } {
  if (X.shape.length < 2) {
    throw new Error(`${fn}: X has shape [${X.shape.join(', ')}]; expected [N, features]`);
  }
  const n = X.shape[0]!;
  return { n, w: n === 0 ? X.shape.slice(1).reduce((a, b) => a * b, 1) : X.data.length / n };
}

export function checkFinite(fn: string, X: Tensor, w: number): void {
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i]!)) {
      throw new Error(
        `${fn}: X row ${Math.floor(i / w)}, column ${i % w} is ${X.data[i]}; expected a finite number`,
      );
    }
  }
}

/** x ↦ (x − shift) / scale per column, or back; checks that the scaler was fitted to this width. */
export function apply(
  fn: string,
  X: Tensor,
  shift: Float64Array | undefined,
  scale: Float64Array | undefined,
  inverse: boolean,
): Tensor {
  if (!shift || !scale) throw new Error(`${fn}: the scaler is not fitted; call fit(XTrain) first`);
  const { w } = columns(fn, X);
  if (w !== shift.length) {
    throw new Error(
      `${fn}: X has ${w} features but the scaler was fitted on ${shift.length}; expected ${shift.length}`,
    );
  }
  checkFinite(fn, X, w);
  const out = new Float32Array(X.data.length);
  for (let i = 0; i < out.length; i++) {
    const j = i % w;
    out[i] = inverse ? X.data[i]! * scale[j]! + shift[j]! : (X.data[i]! - shift[j]!) / scale[j]!;
  }
  return new Tensor(out, X.shape);
}

/** Checks a saved vector: an array of finite numbers (positive if `positive`) of length `w`. */
export function restore(
  fn: string,
  name: string,
  value: unknown,
  w: number | undefined,
  positive: boolean,
): Float64Array {
  if (!Array.isArray(value) || (w !== undefined && value.length !== w)) {
    throw new Error(
      `${fn}: ${name} is not an array${w === undefined ? '' : ` of ${w} numbers`}; expected the output of toJSON()`,
    );
  }
  value.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (positive && v <= 0)) {
      throw new Error(
        `${fn}: ${name}[${i}] is ${String(v)}; expected a finite number${positive ? ' > 0' : ''}`,
      );
    }
  });
  return Float64Array.from(value as number[]);
}
