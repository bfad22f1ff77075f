import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createData } from '@neunet/datasets';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import { NeuralNetwork } from './neural-network.js';

const here = dirname(fileURLToPath(import.meta.url));
const N = 6;

describe('exact resume across processes', () => {
  it('2N epochs in one go = N epochs, save, load in a fresh node process, N more: bit for bit', () => {
    const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
    const straight = seedNetwork(7);
    straight.train(X, y, { epochs: 2 * N, batchSize: 32 });

    const first = seedNetwork(7);
    first.train(X, y, { epochs: N, batchSize: 32 });
    const dir = mkdtempSync(join(tmpdir(), 'neunet-resume-'));
    first.save(join(dir, 'half.neunet'));
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(here, '..', 'test', 'resume-child-process.ts'),
        join(dir, 'half.neunet'),
        join(dir, 'full.neunet'),
        String(N),
      ],
      { cwd: join(here, '..'), stdio: 'pipe' },
    );
    const resumed = NeuralNetwork.load(join(dir, 'full.neunet'));

    expect(resumed.epochsTrained).toBe(2 * N);
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.history.loss).toHaveLength(2 * N);
    const weights = (m: NeuralNetwork) => m.getWeights().map((t) => Array.from(t.data));
    expect(weights(resumed)).toEqual(weights(straight));
    expect(resumed.randomState()).toEqual(straight.randomState());
    // And one more epoch each: the optimizer states agree too.
    expect(resumed.train(X, y, { epochs: 1 }).loss).toEqual(
      straight.train(X, y, { epochs: 1 }).loss,
    );
    expect(weights(resumed)).toEqual(weights(straight));
  }, 60_000);
});
