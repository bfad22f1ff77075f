import { type Backend, getBackend, setBackend } from '@neunet/tensor';
import type { Category, Parts } from './breakdown.js';
import type { Work } from './measure.js';

/** The Backend methods a LeNet step calls, by breakdown category; any other is "other kernels". */
const CATEGORY_OF: Readonly<Record<string, Category>> = {
  conv2d: 'conv forward',
  conv2dBackwardInput: 'conv input grad',
  conv2dBackwardKernel: 'conv kernel grad',
  maxPool2d: 'pool forward',
  avgPool2d: 'pool forward',
  globalAvgPool2d: 'pool forward',
  maxPool2dBackward: 'pool backward',
  avgPool2dBackward: 'pool backward',
  globalAvgPool2dBackward: 'pool backward',
  dense: 'dense',
  matmul: 'dense',
  addBias: 'dense',
  sumColumns: 'dense',
  softmaxRows: 'softmax, loss',
  softmaxBackward: 'softmax, loss',
  loss: 'softmax, loss',
  lossBackward: 'softmax, loss',
  softmaxCrossEntropyBackward: 'softmax, loss',
  adamUpdate: 'optimizer',
  sgdUpdate: 'optimizer',
  rmspropUpdate: 'optimizer',
  adagradUpdate: 'optimizer',
};

export function categoryOf(method: string): Category {
  return CATEGORY_OF[method] ?? 'other kernels';
}

/**
 * `backend` behind a Proxy that adds the wall time of every method call to its category.
 * Methods run with the real backend as `this`, so a kernel that calls another is counted
 * once. The wasm backend's threads finish before a call returns, so wall time is the
 * kernel's time.
 */
export function timedBackend(backend: Backend) {
  const spent = new Map<Category, number>();
  const wrappers = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(backend, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      let wrapped = wrappers.get(key);
      if (!wrapped) {
        const category = categoryOf(String(key));
        const fn = value as (...args: unknown[]) => unknown;
        wrapped = (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            return fn.apply(target, args);
          } finally {
            spent.set(category, (spent.get(category) ?? 0) + performance.now() - t0);
          }
        };
        wrappers.set(key, wrapped);
      }
      return wrapped;
    },
  });
  return { backend: proxy, spent, reset: () => spent.clear() };
}

/**
 * Seconds per unit of `work` in each category, on the current backend: `units` units once
 * to warm up, then `reps` times `units` units timed. "other" is the time no kernel took.
 */
export async function timeKernels(work: Work, units: number, reps = 3): Promise<Parts> {
  const real = getBackend();
  const timer = timedBackend(real);
  setBackend(timer.backend);
  try {
    await work(units);
    timer.reset();
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) await work(units);
    const perUnit = (msTotal: number) => msTotal / 1000 / (reps * units);
    const parts: Parts = {};
    let kernels = 0;
    for (const [category, msSpent] of timer.spent) {
      parts[category] = perUnit(msSpent);
      kernels += msSpent;
    }
    parts.other = perUnit(Math.max(0, performance.now() - t0 - kernels));
    return parts;
  } finally {
    setBackend(real);
  }
}
