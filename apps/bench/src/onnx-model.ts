import protobuf from 'protobufjs';

/**
 * The messages of the official onnx.proto (github.com/onnx/onnx, onnx/onnx.proto) that an
 * MLP needs, with their field numbers unchanged; fields an MLP never sets are left out.
 */
const ONNX_PROTO = `
syntax = "proto2";
package onnx;
message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5;
    FLOATS = 6; INTS = 7; STRINGS = 8; TENSORS = 9; GRAPHS = 10; }
  optional string name = 1;
  optional AttributeType type = 20;
  optional float f = 2;
  optional int64 i = 3;
  repeated int64 ints = 8;
}
message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
}
message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional GraphProto graph = 7;
}
message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message TensorProto {
  enum DataType { UNDEFINED = 0; FLOAT = 1; }
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  optional string name = 8;
}
message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}
message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}
`;

const ModelProto = protobuf
  .parse(ONNX_PROTO, { keepCase: true })
  .root.lookupType('onnx.ModelProto');

/** ONNX's element type code for float32 (TensorProto.DataType.FLOAT). */
const FLOAT = 1;
/** IR version 8 with opset 13: both long supported by onnxruntime. */
const IR_VERSION = 8;
const OPSET = 13;

/** One Dense layer: `weights` row-major [nIn, nOut] as NeuNet stores it. */
export interface DenseWeights {
  nIn: number;
  nOut: number;
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * The bytes of an ONNX model computing softmax(relu(relu(X·W1 + b1)·W2 + b2)·W3 + b3)
 * (ReLU between the layers, softmax on the last): input `X` [N, nIn], output `Y`.
 */
export function mlpOnnxBytes(layers: readonly DenseWeights[]): Uint8Array {
  if (layers.length === 0) throw new Error('mlpOnnxBytes: expected at least one Dense layer');
  layers.forEach((l, i) => {
    if (i > 0 && l.nIn !== layers[i - 1]!.nOut) {
      throw new Error(
        `mlpOnnxBytes: layer ${i} takes ${l.nIn} inputs but layer ${i - 1} gives ${layers[i - 1]!.nOut}`,
      );
    }
    if (l.weights.length !== l.nIn * l.nOut || l.bias.length !== l.nOut) {
      throw new Error(
        `mlpOnnxBytes: layer ${i} expects ${l.nIn * l.nOut} weights and ${l.nOut} biases, got ${l.weights.length} and ${l.bias.length}`,
      );
    }
  });
  const initializer = layers.flatMap((l, i) => [
    { name: `W${i}`, dims: [l.nIn, l.nOut], data_type: FLOAT, float_data: Array.from(l.weights) },
    { name: `b${i}`, dims: [l.nOut], data_type: FLOAT, float_data: Array.from(l.bias) },
  ]);
  const node: object[] = [];
  let current = 'X';
  layers.forEach((_, i) => {
    const gemm = `gemm${i}`;
    node.push({ name: gemm, op_type: 'Gemm', input: [current, `W${i}`, `b${i}`], output: [gemm] });
    const last = i === layers.length - 1;
    const out = last ? 'Y' : `relu${i}`;
    node.push(
      last
        ? {
            name: 'softmax',
            op_type: 'Softmax',
            input: [gemm],
            output: [out],
            attribute: [{ name: 'axis', type: 2, i: 1 }],
          }
        : { name: out, op_type: 'Relu', input: [gemm], output: [out] },
    );
    current = out;
  });
  const tensorType = (name: string, width: number) => ({
    name,
    type: {
      tensor_type: {
        elem_type: FLOAT,
        shape: { dim: [{ dim_param: 'N' }, { dim_value: width }] },
      },
    },
  });
  const model = ModelProto.fromObject({
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: OPSET }],
    producer_name: 'neunet-bench',
    graph: {
      name: 'mlp',
      node,
      initializer,
      input: [tensorType('X', layers[0]!.nIn)],
      output: [tensorType('Y', layers[layers.length - 1]!.nOut)],
    },
  });
  return ModelProto.encode(model).finish();
}

/** The decoded model as a plain object (snake_case fields, int64 as numbers), for tests. */
export function decodeOnnx(bytes: Uint8Array): Record<string, unknown> {
  return ModelProto.toObject(ModelProto.decode(bytes), {
    longs: Number,
    enums: String,
    arrays: true,
    oneofs: true,
  });
}
