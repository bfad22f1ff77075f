import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { batchesFromArrays } from './batches.js';
import { makeBlobs } from './blobs.js';
import { makeCheckerboard } from './checkerboard.js';
import { makeCircles } from './circles.js';
import { parseCsv } from './csv.js';
import { csvBatches } from './csv-batches.js';
import { parseJsonArray } from './json.js';
import { kFold } from './k-fold.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { makeMoons } from './moons.js';
import { makeLinear, makeSine } from './regression.js';
import { createData } from './spiral.js';
import { trainTestSplit } from './train-test-split.js';
import { makeXor } from './xor.js';

const X = new Tensor([
  [0, 1],
  [1, 0],
  [1, 1],
  [0, 0],
]);
const y = Int32Array.from([0, 1, 0, 1]);
const table = { target: 'label', classNames: ['a', 'b'] };

// JavaScript callers have no type check: `{ n_samples: 100 }` or `{ test_size: 0.5 }`
// was ignored (or failed on another option) before.
describe('datasets options: an unknown key names it and the nearest valid name', () => {
  it.each([
    [
      'createData',
      () => createData({ samples: 10, classes: 2, noize: 0.1 } as never),
      'noize',
      'noise',
    ],
    ['makeCircles', () => makeCircles({ samples: 10, fator: 0.5 } as never), 'fator', 'factor'],
    ['makeMoons', () => makeMoons({ samples: 10, shufle: false } as never), 'shufle', 'shuffle'],
    ['makeXor', () => makeXor({ n_samples: 10 } as never), 'n_samples', 'samples'],
    [
      'makeCheckerboard',
      () => makeCheckerboard({ samples: 10, tile: 2 } as never),
      'tile',
      'tiles',
    ],
    [
      'makeBlobs',
      () => makeBlobs({ samples: 10, center_box: [0, 1] } as never),
      'center_box',
      'centerBox',
    ],
    ['makeSine', () => makeSine({ samples: 10, ranges: [0, 1] } as never), 'ranges', 'range'],
    ['makeLinear', () => makeLinear({ samples: 10, weight: [1] } as never), 'weight', 'weights'],
    ['kFold', () => kFold(10, { K: 2 } as never), 'K', 'k'],
    [
      'trainTestSplit',
      () => trainTestSplit(X, y, { test_size: 0.5 } as never),
      'test_size',
      'testSize',
    ],
    [
      'batchesFromArrays',
      () => batchesFromArrays(X, y, { drop_last: true } as never),
      'drop_last',
      'dropLast',
    ],
    [
      'parseCsv',
      () => parseCsv('x,label\n1,a\n', { ...table, delimeter: ';' } as never),
      'delimeter',
      'delimiter',
    ],
    [
      'csvBatches',
      () => csvBatches(() => [], { ...table, batch_size: 2 } as never),
      'batch_size',
      'batchSize',
    ],
    [
      'parseJsonArray',
      () => parseJsonArray([{ x: 1, label: 'a' }], { ...table, feature: ['x'] } as never),
      'feature',
      'features',
    ],
    [
      'MinMaxScaler',
      () => new MinMaxScaler({ feature_range: [0, 1] } as never),
      'feature_range',
      'featureRange',
    ],
  ])('%s rejects %#', (where, call, key, nearest) => {
    expect(call).toThrow(`${where}: unknown option '${key}'; did you mean '${nearest}'?`);
  });

  it('rejects options that are not an object', () => {
    expect(() => createData(10 as never)).toThrow('createData: options must be an object, got 10');
  });
});
