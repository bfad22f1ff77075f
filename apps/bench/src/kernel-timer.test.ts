import { type Backend, getBackend, JsBackend, setBackend, Tensor } from '@neunet/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { categoryOf, timedBackend, timeKernels } from './kernel-timer.js';

describe('categoryOf', () => {
  it('maps the kernels of a LeNet step to their categories, anything else to "other kernels"', () => {
    expect(categoryOf('conv2d')).toBe('conv forward');
    expect(categoryOf('conv2dBackwardInput')).toBe('conv input grad');
    expect(categoryOf('conv2dBackwardKernel')).toBe('conv kernel grad');
    expect(categoryOf('maxPool2dBackward')).toBe('pool backward');
    expect(categoryOf('dense')).toBe('dense');
    expect(categoryOf('softmaxCrossEntropyBackward')).toBe('softmax, loss');
    expect(categoryOf('adamUpdate')).toBe('optimizer');
    expect(categoryOf('activationBackward')).toBe('other kernels');
    expect(categoryOf('gatherRows')).toBe('other kernels');
  });
});

describe('timedBackend', () => {
  it('returns what the backend returns and books the call to its category', () => {
    const real = new JsBackend();
    const { backend, spent } = timedBackend(real);
    const a = new Tensor(Float32Array.from([1, 2, 3, 4]), [2, 2]);
    const out = Tensor.zeros([2, 2]);
    expect(backend.matmul(a, a, out)).toBe(out);
    expect(Array.from(out.data)).toEqual([7, 10, 15, 22]);
    expect(backend.name).toBe(real.name);
    expect([...spent.keys()]).toEqual(['dense']);
  });
});

describe('timeKernels', () => {
  const before: Backend = getBackend();
  afterEach(() => setBackend(before));

  it('reports the categories the work called, per unit, plus "other", and restores the backend', async () => {
    const real = setBackend(new JsBackend());
    const x = Tensor.filled([4, 3], 2);
    const out = Tensor.zeros([4, 3]);
    let calls = 0;
    const parts = await timeKernels(
      (units) => {
        for (let u = 0; u < units; u++) {
          getBackend().scale(x, 0.5, out);
          calls++;
        }
      },
      2,
      3,
    );
    expect(calls).toBe(2 + 2 * 3);
    expect(Object.keys(parts).sort()).toEqual(['other', 'other kernels']);
    expect(parts['other kernels']).toBeGreaterThanOrEqual(0);
    expect(getBackend()).toBe(real);
    expect(Array.from(out.data)).toEqual(new Array(12).fill(1));
  });
});
