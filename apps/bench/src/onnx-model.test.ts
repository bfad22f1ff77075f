import { describe, expect, it } from 'vitest';
import { decodeOnnx, mlpOnnxBytes } from './onnx-model.js';
import { onnxMlp } from './peers/onnx.js';

const layers = [
  { nIn: 3, nOut: 2, weights: Float32Array.of(1, 2, 3, 4, 5, 6), bias: Float32Array.of(0.5, -1) },
  { nIn: 2, nOut: 2, weights: Float32Array.of(1, 0, 0, -1), bias: Float32Array.of(0, 0.25) },
];

describe('mlpOnnxBytes', () => {
  it('decodes back to Gemm→Relu→Gemm→Softmax over the given weights', () => {
    const model = decodeOnnx(mlpOnnxBytes(layers)) as {
      ir_version: number;
      opset_import: { domain: string; version: number }[];
      graph: {
        node: { op_type: string; input: string[]; output: string[]; attribute: unknown[] }[];
        initializer: { name: string; dims: number[]; data_type: number; float_data: number[] }[];
        input: { name: string; type: { tensor_type: { shape: { dim: object[] } } } }[];
        output: { name: string }[];
      };
    };
    expect(model.ir_version).toBe(8);
    expect(model.opset_import).toEqual([{ domain: '', version: 13 }]);
    const { node, initializer, input, output } = model.graph;
    expect(node.map((n) => [n.op_type, n.input, n.output])).toEqual([
      ['Gemm', ['X', 'W0', 'b0'], ['gemm0']],
      ['Relu', ['gemm0'], ['relu0']],
      ['Gemm', ['relu0', 'W1', 'b1'], ['gemm1']],
      ['Softmax', ['gemm1'], ['Y']],
    ]);
    expect(node[3]!.attribute).toEqual([{ name: 'axis', type: 'INT', i: 1, ints: [] }]);
    expect(initializer.map((t) => [t.name, t.dims, t.data_type, t.float_data])).toEqual([
      ['W0', [3, 2], 1, [1, 2, 3, 4, 5, 6]],
      ['b0', [2], 1, [0.5, -1]],
      ['W1', [2, 2], 1, [1, 0, 0, -1]],
      ['b1', [2], 1, [0, 0.25]],
    ]);
    expect(input[0]!.name).toBe('X');
    expect(input[0]!.type.tensor_type.shape.dim).toEqual([
      { dim_param: 'N', value: 'dim_param' },
      { dim_value: 3, value: 'dim_value' },
    ]);
    expect(output.map((o) => o.name)).toEqual(['Y']);
  });

  it('runs in onnxruntime and gives softmax(relu(x·W0 + b0)·W1 + b1)', async () => {
    const x = Float32Array.of(1, -1, 0.5, -2, 0, 1);
    // By hand: row 0: x·W0 + b0 = [1 - 3 + 2.5 + 0.5, 2 - 4 + 3 - 1] = [1, 0]; relu [1, 0];
    // ·W1 + b1 = [1, 0.25]. Row 1: [-2 + 5 + 0.5, -4 + 6 - 1] = [3.5, 1]; ·W1 + b1 = [3.5, -0.75].
    const logits = [
      [1, 0.25],
      [3.5, -0.75],
    ];
    const expected = logits.flatMap(([a, b]) => {
      const m = Math.max(a!, b!);
      const ea = Math.exp(a! - m);
      const eb = Math.exp(b! - m);
      return [ea / (ea + eb), eb / (ea + eb)];
    });
    const session = await onnxMlp(layers);
    const got = await session.run(x, 2);
    await session.release();
    expect(got).toHaveLength(4);
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 6);
    });
  });

  it('rejects layers whose widths do not chain', () => {
    expect(() => mlpOnnxBytes([layers[0]!, { ...layers[0]! }])).toThrow(
      /layer 1 takes 3 inputs but layer 0 gives 2/,
    );
  });
});
