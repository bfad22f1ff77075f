import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchContext } from './context.js';
import { writeDigits } from './mnist-file.js';
import { availableBackends } from './neunet.js';
import { runTorch, torchVersion } from './peers/torch.js';
import { W6_INFER, W6_TRAIN } from './workloads/w6-cases.js';
import { runW6 } from './workloads/w6-lenet.js';

const tiny = { runs: 2, targetSeconds: 0.001, warmupSeconds: 0 };

describe('W6 end to end at a tiny size', () => {
  const started: Awaited<ReturnType<typeof availableBackends>>['backends'] = [];
  afterAll(async () => {
    for (const b of started) await b.dispose?.();
  });

  // tfjs cpu (seconds per step) and PyTorch (tested below) are left out: a budget.
  it('measures NeuNet, tfjs wasm, convnetjs and onnxruntime, agrees on probabilities, breaks NeuNet down', async () => {
    const { backends } = await availableBackends();
    started.push(...backends);
    const ctx: BenchContext = {
      quick: true,
      timing: tiny,
      seed: 1,
      neunet: backends,
      tfjs: ['wasm'],
      numpy: false,
      torch: false,
      breakdown: true,
      log: () => {},
    };
    const out = await runW6(ctx);
    const neunet = backends.map((b) => `NeuNet ${b.name}`);
    expect(out.rows.filter((r) => r.case === W6_TRAIN).map((r) => r.impl)).toEqual([
      ...neunet,
      'convnetjs',
    ]);
    expect(out.rows.filter((r) => r.case === W6_INFER).map((r) => r.impl)).toEqual([
      ...neunet,
      'onnxruntime',
      'convnetjs',
      'tfjs wasm',
    ]);
    for (const row of out.rows) {
      expect(row).toMatchObject({ workload: 'W6', unit: 'samples/s', higherIsBetter: true });
      expect(row.stats.runs).toHaveLength(2);
      expect(row.stats.min).toBeGreaterThan(0);
    }
    // tfjs's wasm backend has no convolution gradients: the table says so.
    expect(out.unmeasured).toEqual([
      {
        workload: 'W6',
        case: W6_TRAIN,
        impl: 'tfjs wasm',
        unit: 'samples/s',
        reason: expect.stringMatching(
          /^cannot train: Kernel '\w+' not registered for backend 'wasm'/,
        ),
      },
    ]);
    // The inference target (against tfjs wasm) is measured; --breakdown shows NeuNet alone.
    expect(out.notes!.every((n) => n.startsWith('Missed: W6 LeNet inference'))).toBe(true);
    expect(out.sections!.map((s) => s.title)).toEqual([
      'W6 training, ms per step of 64, by kernel',
      'W6 inference, ms per batch of 256, by kernel',
    ]);
    const kernels = out.sections![0]!.body.map((line) => line[0]);
    expect(kernels).toEqual(
      expect.arrayContaining([
        'conv forward',
        'conv input grad',
        'conv kernel grad',
        'pool backward',
        'optimizer',
        'total',
      ]),
    );
  }, 180_000);

  it.skipIf(torchVersion() === undefined)(
    'runs bench_torch.py on a few digits: both figures and a breakdown of each',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'neunet-w6-test-'));
      try {
        const file = path.join(dir, 'digits.bin');
        const samples = 256;
        const images = new Float32Array(samples * 784).map((_, i) => (i % 7) / 7);
        writeDigits(
          file,
          images,
          new Int32Array(samples).map((_, i) => i % 10),
        );
        const out = runTorch({
          impl: 'PyTorch 1 thread',
          threads: 1,
          seed: 1,
          ...tiny,
          data: file,
          samples,
          train: { case: 'train', batch: 64, learningRate: 0.001 },
          infer: { case: 'infer', batch: 256 },
          breakdown: ['train', 'infer'],
        });
        expect(out.rows.map((r) => [r.case, r.impl, r.stats.runs.length])).toEqual([
          ['train', 'PyTorch 1 thread', 2],
          ['infer', 'PyTorch 1 thread', 2],
        ]);
        expect(Object.keys(out.breakdown.train!)).toContain('conv kernel grad');
        expect(Object.keys(out.breakdown.infer!)).toEqual([
          'conv forward',
          'pool forward',
          'dense',
          'softmax, loss',
          'other',
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
