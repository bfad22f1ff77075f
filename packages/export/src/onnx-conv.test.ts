import type { Conv2D } from '@neunet/layers';
import type { NeuralNetwork } from '@neunet/model';
import { setBackend, type Tensor } from '@neunet/tensor';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import {
  everyImageLayerNetwork,
  imageOutputNetwork,
  lenet,
  mnistShaped,
  normalSamples,
} from '../test/test-conv-networks.js';
import { readOnnx } from '../test/test-onnx-reader.js';
import { exportOnnx } from './onnx.js';

/** onnxruntime's output for X (NHWC in, as NeuNet's) and the largest gap to predictProba. */
async function compare(model: NeuralNetwork, X: Tensor, opset = 13) {
  const session = await ort.InferenceSession.create(exportOnnx(model, { opset }));
  expect(session.inputMetadata).toMatchObject([
    { name: 'input', type: 'float32', shape: ['batch', ...model.inputShape!] },
  ]);
  expect(session.outputMetadata).toMatchObject([
    { name: 'output', type: 'float32', shape: ['batch', ...model.outputShape!] },
  ]);
  const result = await session.run({ input: new ort.Tensor('float32', X.data, X.shape) });
  const output = result.output!;
  expect(output.dims).toEqual([X.rows, ...model.outputShape!]);
  const ours = model.predictProba(X).data;
  const theirs = output.data as Float32Array;
  expect(theirs).toHaveLength(ours.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
  return worst;
}

const ints = (name: string, values: number[]) => ({ name, type: 7, ints: values });

describe('exportOnnx of conv nets, checked in onnxruntime-node', () => {
  afterAll(() => {
    setBackend('js');
  });

  // Trained and predicting on each backend: the wasm kernels sum in another order.
  for (const backend of ['js', 'wasm']) {
    it(`the LeNet-style MNIST CNN (trained, ${backend} backend) predicts within 1e-5 on a batch of 64`, async () => {
      setBackend(backend);
      const model = lenet(7);
      const conv = model.layers[0] as Conv2D;
      expect(conv.bias!.value.data.some((b) => Math.abs(b) > 1e-4)).toBe(true);
      const gap = await compare(model, mnistShaped(64, 8));
      console.log(
        `ONNX LeNet (${backend}): worst |onnxruntime − predictProba| = ${gap.toExponential(2)}`,
      );
      expect(gap).toBeLessThan(1e-5);
      setBackend('js');
    });
  }

  // 13 is the default; 23 is past every change to these ops' definitions (AveragePool's
  // dilations in 19, types added since), which mean the same for these graphs.
  for (const opset of [13, 23]) {
    it(`every image layer option ('same' odd pads, strides, dilation, no bias, avg pool 'same', global pool, Reshape) within 1e-5, opset ${opset}`, async () => {
      const model = everyImageLayerNetwork(3);
      const gap = await compare(model, normalSamples([16, 9, 11, 3], 4), opset);
      console.log(`ONNX image-layer net, opset ${opset}: worst gap = ${gap.toExponential(2)}`);
      expect(gap).toBeLessThan(1e-5);
    });
  }

  it('a net whose output is an image gives it back in NHWC order, within 1e-5', async () => {
    const model = imageOutputNetwork(5);
    expect(model.outputShape).toEqual([2, 2, 3]);
    expect(await compare(model, normalSamples([9, 48], 6))).toBeLessThan(1e-5);
  });

  it('LeNet: one Transpose each way around the conv block, OIHW kernels, attributes as in onnx.proto', () => {
    const model = lenet(7);
    const { graph } = readOnnx(exportOnnx(model));
    expect(graph.node.map((n) => `${n.opType} ${n.name}`)).toEqual([
      'Transpose conv2d_1_nchw',
      'Conv conv2d_1',
      'Relu conv2d_1_relu',
      'MaxPool maxpooling2d_2',
      'Conv conv2d_3',
      'Relu conv2d_3_relu',
      'MaxPool maxpooling2d_4',
      'Transpose flatten_5_nhwc',
      'Flatten flatten_5',
      'Gemm dense_6',
      'Softmax softmax_7',
    ]);
    graph.node.forEach((n, k) => {
      expect(n.input[0]).toBe(k === 0 ? 'input' : graph.node[k - 1]!.output[0]);
    });
    const attributes = Object.fromEntries(graph.node.map((n) => [n.name, n.attribute]));
    expect(attributes.conv2d_1_nchw).toEqual([ints('perm', [0, 3, 1, 2])]);
    expect(attributes.flatten_5_nhwc).toEqual([ints('perm', [0, 2, 3, 1])]);
    expect(attributes.conv2d_3).toEqual([
      ints('kernel_shape', [5, 5]),
      ints('strides', [1, 1]),
      ints('pads', [0, 0, 0, 0]),
      ints('dilations', [1, 1]),
      { name: 'group', type: 2, i: 1 },
    ]);
    expect(attributes.maxpooling2d_4).toEqual([
      ints('kernel_shape', [2, 2]),
      ints('strides', [2, 2]),
      ints('pads', [0, 0, 0, 0]),
    ]);

    // Kernel [kh, kw, cIn, cOut] → [cOut, cIn, kh, kw]; Dense's weights unchanged.
    const conv = model.layers[2] as Conv2D;
    const init = Object.fromEntries(graph.initializer.map((t) => [t.name, t]));
    const W = init.conv2d_3_W!;
    expect(W.dims).toEqual([16, 8, 5, 5]);
    const onnxW = new Float32Array(W.rawData!.slice().buffer);
    const k = conv.kernel.value.data;
    for (const [o, c, y, x] of [
      [0, 0, 0, 0],
      [15, 7, 4, 4],
      [3, 5, 1, 2],
      [9, 2, 4, 0],
    ] as const) {
      expect(onnxW[((o * 8 + c) * 5 + y) * 5 + x]).toBe(k[((y * 5 + x) * 8 + c) * 16 + o]);
    }
    expect(init.conv2d_3_B!.dims).toEqual([16]);
    expect(init.dense_6_W!.dims).toEqual([256, 10]);
    expect(new Float32Array(init.dense_6_W!.rawData!.slice().buffer)).toEqual(
      model.layers[5]!.params()[0]!.value.data,
    );
  });

  it("writes TensorFlow's 'same' split as explicit pads, no bias input without a bias, and count_include_pad 0", () => {
    const { graph } = readOnnx(exportOnnx(everyImageLayerNetwork(3)));
    const byName = Object.fromEntries(graph.node.map((n) => [n.name, n]));
    // Pads are [top, left, bottom, right]: the odd cell goes after, as in TensorFlow.
    expect(byName.conv2d_1!.attribute).toContainEqual(ints('pads', [1, 0, 1, 1]));
    expect(byName.conv2d_1!.attribute).toContainEqual(ints('strides', [2, 2]));
    expect(byName.conv2d_3!.attribute).toContainEqual(ints('pads', [1, 2, 1, 2]));
    expect(byName.conv2d_3!.attribute).toContainEqual(ints('dilations', [2, 2]));
    expect(byName.conv2d_3!.input).toEqual(['batchnormalization_2_out', 'conv2d_3_W']);
    expect(byName.conv2d_3_leakyrelu!.attribute).toEqual([
      { name: 'alpha', type: 1, f: Math.fround(0.1) },
    ]);
    expect(byName.averagepooling2d_4!.attribute).toEqual([
      ints('kernel_shape', [3, 3]),
      ints('strides', [2, 2]),
      ints('pads', [1, 0, 1, 1]),
      { name: 'count_include_pad', type: 2, i: 0 },
    ]);
    expect(byName.maxpooling2d_5!.attribute).toContainEqual(ints('pads', [0, 0, 1, 1]));
    // BatchNormalization and Softmax on NCHW images work on axis 1, with no Transpose.
    expect(byName.batchnormalization_2!.opType).toBe('BatchNormalization');
    expect(byName.softmax_6!.attribute).toEqual([{ name: 'axis', type: 2, i: 1 }]);
    expect(graph.node.filter((n) => n.opType === 'Transpose').map((n) => n.name)).toEqual([
      'conv2d_1_nchw',
      'reshape_7_nhwc',
      'conv2d_11_nchw',
      'dense_12_nhwc',
      'globalaveragepooling2d_13_nchw',
    ]);
  });

  it('names a layer with no ONNX form among image layers', () => {
    const model = imageOutputNetwork(5);
    model.add({
      forward: (x: Tensor) => x,
      backward: (d: Tensor) => d,
      computeOutputShape: (shape: readonly number[]) => [...shape],
      build: () => {},
      params: () => [],
      getConfig: () => ({ type: 'SpatialDropout2D' }),
    });
    expect(() => exportOnnx(model)).toThrow(
      /layer 4 \(SpatialDropout2D\) has no ONNX form; supported: Dense, Conv2D, MaxPooling2D/,
    );
  });
});
