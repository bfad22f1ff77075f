import { createData } from '@neunet/datasets';
import { Dense, LeakyReLU, Linear, Sigmoid, Tanh } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization } from '@neunet/regularization';
import { type Shape, Tensor } from '@neunet/tensor';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { everyLayerNetwork, seedNetwork } from '../test/test-networks.js';
import { readOnnx } from '../test/test-onnx-reader.js';
import { exportOnnx } from './onnx.js';

/** Runs the exported bytes in onnxruntime and returns the largest gap to predictProba. */
async function worstGap(model: NeuralNetwork, X: Tensor): Promise<number> {
  const session = await ort.InferenceSession.create(exportOnnx(model));
  expect(session.inputNames).toEqual(['input']);
  expect(session.outputNames).toEqual(['output']);
  const result = await session.run({ input: new ort.Tensor('float32', X.data, [X.rows, X.cols]) });
  const theirs = result.output!.data as Float32Array;
  const ours = model.predictProba(X).data;
  expect(theirs).toHaveLength(ours.length);
  return Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!)));
}

describe('exportOnnx, checked in onnxruntime-node', () => {
  it("the seed's example (BatchNormalization in inference form, Dropout dropped) within 1e-5", async () => {
    const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
    const model = seedNetwork(42);
    // A few epochs are enough: the point is trained running statistics, so that
    // BatchNormalization is not the identity, not a well-fitted model.
    model.train(X, y, { epochs: 4, batchSize: 32 });
    const [mean, variance] = model.layers[1]!.buffers!().map((b) => b.value.data);
    expect(mean!.some((m) => Math.abs(m) > 1e-2)).toBe(true);
    expect(variance!.some((v) => Math.abs(v - 1) > 1e-2)).toBe(true);
    const gap = await worstGap(model, X);
    console.log(`ONNX seed example: worst |onnxruntime − predictProba| = ${gap.toExponential(2)}`);
    expect(gap).toBeLessThan(1e-5);
  });

  it('a regression net (Tanh, LeakyReLU, Sigmoid, fused Dense activations, Linear output) within 1e-5', async () => {
    const X = new Tensor(Array.from({ length: 64 }, (_, i) => [i / 32 - 1, Math.cos(i)]));
    const target = new Tensor(Array.from({ length: 64 }, (_, i) => [Math.sin(3 * (i / 32 - 1))]));
    const model = new NeuralNetwork({ seed: 3, learningRate: 0.01 })
      .add(new Dense(2, 16))
      .add(new Tanh())
      .add(new Dense(16, 16))
      .add(new LeakyReLU(0.1))
      .add(new Dense(16, 8, { activation: 'leakyRelu', alpha: 0.05 }))
      .add(new Dense(8, 8, { activation: 'tanh' }))
      .add(new Dense(8, 8, { activation: 'relu' }))
      .add(new Dense(8, 8, { activation: 'sigmoid' }))
      .add(new Dense(8, 8))
      .add(new Sigmoid())
      .add(new Dense(8, 1))
      .add(new Linear())
      .setLoss(new MeanSquaredError());
    model.train(X, target, { epochs: 50, batchSize: 16 });
    const gap = await worstGap(model, X);
    console.log(`ONNX regression net: worst gap = ${gap.toExponential(2)}`);
    expect(gap).toBeLessThan(1e-5);
  });

  it('every layer kind: onnxruntime reads the shapes we declared and predicts within 1e-5', async () => {
    const model = everyLayerNetwork(11);
    const session = await ort.InferenceSession.create(exportOnnx(model));
    expect(session.inputMetadata).toMatchObject([
      { name: 'input', isTensor: true, type: 'float32', shape: ['batch', 3] },
    ]);
    expect(session.outputMetadata).toMatchObject([
      { name: 'output', isTensor: true, type: 'float32', shape: ['batch', 4] },
    ]);
    const X = new Tensor(
      Array.from({ length: 20 }, (_, i) => [Math.sin(i), i / 10 - 1, Math.cos(3 * i)]),
    );
    expect(await worstGap(model, X)).toBeLessThan(1e-5);
  });

  it('every layer kind: each field decodes, by onnx.proto numbers, to what the model holds', () => {
    const model = everyLayerNetwork(11);
    const onnx = readOnnx(exportOnnx(model, { name: 'every', opset: 17 }));
    // ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8; nothing else.
    expect(onnx.fieldNumbers).toEqual([1, 2, 7, 8]);
    expect(onnx.irVersion).toBe(7);
    expect(onnx.producerName).toBe('neunet');
    expect(onnx.opsetImport).toEqual([{ domain: '', version: 17 }]);
    const { graph } = onnx;
    // GraphProto: node 1, name 2, initializer 5, input 11, output 12.
    expect(graph.fieldNumbers).toEqual([1, 2, 5, 11, 12]);
    expect(graph.name).toBe('every');
    expect(graph.input).toEqual([{ name: 'input', elemType: 1, dims: ['batch', 3] }]);
    expect(graph.output).toEqual([{ name: 'output', elemType: 1, dims: ['batch', 4] }]);

    // Dropout (layer 4) and Linear (layer 14) are the identity at inference: no node.
    expect(graph.node.map((n) => n.opType)).toEqual(
      [
        'Gemm BatchNormalization Relu',
        'Gemm Relu Gemm LeakyRelu Gemm Sigmoid Gemm Tanh',
        'LeakyRelu Gemm Sigmoid Gemm Tanh Gemm Softmax',
      ]
        .join(' ')
        .split(' '),
    );
    graph.node.forEach((n, k) => {
      expect(n.input[0]).toBe(k === 0 ? 'input' : graph.node[k - 1]!.output[0]);
      expect(n.output).toHaveLength(1);
    });
    expect(graph.node.at(-1)!.output).toEqual(['output']);
    const attributes = graph.node.filter((n) => n.attribute.length > 0);
    // AttributeProto: name 1, f 2, i 3, type 20 (FLOAT 1, INT 2); floats as float32.
    expect(attributes.map((n) => [n.opType, n.attribute])).toEqual([
      ['BatchNormalization', [{ name: 'epsilon', type: 1, f: Math.fround(1e-3) }]],
      ['LeakyRelu', [{ name: 'alpha', type: 1, f: Math.fround(0.05) }]],
      ['LeakyRelu', [{ name: 'alpha', type: 1, f: Math.fround(0.2) }]],
      ['Softmax', [{ name: 'axis', type: 2, i: 1 }]],
    ]);

    // TensorProto: dims 1, data_type 2 (FLOAT 1), name 8, raw_data 9 (little-endian float32).
    const expected = model.layers.flatMap((layer, i) => {
      const type = layer.getConfig().type;
      const name = `${type.toLowerCase()}_${i + 1}`;
      const all = [...layer.params(), ...(layer.buffers?.() ?? [])];
      const suffixes: Record<string, string> = {
        weights: 'W',
        bias: 'B',
        gamma: 'scale',
        beta: 'B',
        runningMean: 'mean',
        runningVar: 'var',
      };
      return all.map(({ name: key, value }) => ({
        dims: [...value.shape],
        dataType: 1,
        name: `${name}_${suffixes[key]}`,
        rawData: new Uint8Array(value.data.buffer, value.data.byteOffset, value.data.byteLength),
      }));
    });
    expect(expected).toHaveLength(2 * 8 + 4);
    expect(graph.initializer).toEqual(expected);
    // Every node input is the graph input, an earlier output or an initializer.
    const known = new Set(['input', ...expected.map((t) => t.name)]);
    for (const n of graph.node) {
      for (const input of n.input) expect(known.has(input), input).toBe(true);
      known.add(n.output[0]!);
    }
  });

  it('names a layer with no ONNX form and a model without a known input width', () => {
    const custom = {
      forward: (x: Tensor) => x,
      backward: (d: Tensor) => d,
      computeOutputShape: (shape: Shape) => shape,
      build: () => {},
      params: () => [],
      getConfig: () => ({ type: 'Swish' }),
    };
    const model = new NeuralNetwork({ seed: 1 }).add(new Dense(2, 2)).add(custom);
    expect(() => exportOnnx(model)).toThrow(/layer 2 \(Swish\) has no ONNX form/);
    expect(() => exportOnnx(new NeuralNetwork().add(new BatchNormalization()))).toThrow(
      /no known input shape/,
    );
  });
});
