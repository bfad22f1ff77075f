import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { LENET_PIXELS, lenetModel } from './lenet.js';
import { writeDigits, writeWeights } from './mnist-file.js';
import { networkWeights } from './neunet.js';
import { PYTHON_ENV, TORCH_PYTHON, torchVersion } from './peers/torch.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// PyTorch's probabilities for the digits, from lenet_accuracy.py's copy of NeuNet's weights.
const PREDICT = `
import json, sys, torch
from bench_torch import lenet, load
from lenet_accuracy import copy_neunet_weights
net = lenet()
copy_neunet_weights(net, sys.argv[1])
X, _ = load(sys.argv[2], int(sys.argv[3]))
with torch.no_grad():
    print(json.dumps(torch.softmax(net(X), 1).flatten().tolist()))
`;

describe("lenet_accuracy.py's copy of NeuNet's initial weights", () => {
  it.skipIf(torchVersion() === undefined)(
    'makes PyTorch predict what NeuNet predicts (NHWC kernels and flatten order)',
    () => {
      const model = lenetModel(3);
      const n = 5;
      const rng = new Rng(4);
      const x = new Tensor(
        Float32Array.from({ length: n * LENET_PIXELS }, () => rng.uniform()),
        [n, 28, 28, 1],
      );
      const ours = model.predictProba(x).data;
      const dir = mkdtempSync(path.join(tmpdir(), 'neunet-weights-test-'));
      try {
        writeWeights(path.join(dir, 'w.bin'), networkWeights(model));
        writeDigits(path.join(dir, 'x.bin'), x.data, new Int32Array(n));
        const child = spawnSync(
          TORCH_PYTHON,
          ['-c', PREDICT, path.join(dir, 'w.bin'), path.join(dir, 'x.bin'), String(n)],
          { cwd: HERE, encoding: 'utf8', env: PYTHON_ENV },
        );
        expect(child.stderr).toBe('');
        const theirs = JSON.parse(child.stdout) as number[];
        expect(theirs).toHaveLength(ours.length);
        for (let i = 0; i < ours.length; i++) expect(theirs[i]).toBeCloseTo(ours[i]!, 5);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
