import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

// The part of onnx.proto (github.com/onnx/onnx, onnx/onnx.proto3) that a feed-forward
// network needs, written with the official field numbers through @bufbuild/protobuf's
// wire writer: no schema compiled at run time, so nothing is evaluated (strict CSP safe).

/** TensorProto.DataType FLOAT and INT64, and the AttributeProto.AttributeType values used here. */
export const FLOAT = 1;
export const INT64 = 7;
export const ATTRIBUTE_FLOAT = 1;
export const ATTRIBUTE_INT = 2;
export const ATTRIBUTE_INTS = 7;

/**
 * An ONNX node attribute; `type` is AttributeProto's: 1 FLOAT (the value in `f`), 2 INT
 * (`i`) or 7 INTS (`ints`).
 */
export interface OnnxAttribute {
  name: string;
  type: typeof ATTRIBUTE_FLOAT | typeof ATTRIBUTE_INT | typeof ATTRIBUTE_INTS;
  f?: number;
  i?: number;
  ints?: number[];
}

/** An ONNX graph node: `opType` of the default domain, tensors by name. */
export interface OnnxNode {
  input: string[];
  output: string[];
  name: string;
  opType: string;
  attribute: OnnxAttribute[];
}

export interface OnnxInitializer {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
}

/** A graph input or output: a tensor of `elemType` whose dimensions are sizes or named (symbolic). */
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  dims: (number | string)[];
}

export interface OnnxModel {
  irVersion: number;
  producerName: string;
  opsetImport: { domain: string; version: number }[];
  graph: {
    name: string;
    node: OnnxNode[];
    initializer: OnnxInitializer[];
    input: OnnxValueInfo[];
    output: OnnxValueInfo[];
  };
}

type Writer = BinaryWriter;

const string = (w: Writer, field: number, value: string) =>
  w.tag(field, WireType.LengthDelimited).string(value);
const int64 = (w: Writer, field: number, value: number) =>
  w.tag(field, WireType.Varint).int64(value);
const int32 = (w: Writer, field: number, value: number) =>
  w.tag(field, WireType.Varint).int32(value);

/** Packed, as proto3 encodes repeated numbers (parsers read packed and unpacked alike). */
function packedInt64(w: Writer, field: number, values: number[]): void {
  if (values.length === 0) return;
  w.tag(field, WireType.LengthDelimited).fork();
  for (const v of values) w.int64(v);
  w.join();
}

/** An embedded message: `body` writes its fields, the writer prefixes their length. */
function message(w: Writer, field: number, body: () => void): void {
  w.tag(field, WireType.LengthDelimited).fork();
  body();
  w.join();
}

/** ModelProto, its fields in field-number order. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new BinaryWriter();
  int64(w, 1, model.irVersion);
  string(w, 2, model.producerName);
  message(w, 7, () => graph(w, model.graph));
  for (const set of model.opsetImport) {
    message(w, 8, () => {
      // The default domain (ai.onnx) is the empty string, which proto3 leaves out.
      if (set.domain !== '') string(w, 1, set.domain);
      int64(w, 2, set.version);
    });
  }
  return w.finish();
}

function graph(w: Writer, g: OnnxModel['graph']): void {
  for (const n of g.node) message(w, 1, () => node(w, n));
  string(w, 2, g.name);
  for (const t of g.initializer) message(w, 5, () => tensor(w, t));
  for (const v of g.input) message(w, 11, () => valueInfo(w, v));
  for (const v of g.output) message(w, 12, () => valueInfo(w, v));
}

function node(w: Writer, n: OnnxNode): void {
  for (const name of n.input) string(w, 1, name);
  for (const name of n.output) string(w, 2, name);
  string(w, 3, n.name);
  string(w, 4, n.opType);
  for (const a of n.attribute) {
    message(w, 5, () => {
      string(w, 1, a.name);
      if (a.f !== undefined) w.tag(2, WireType.Bit32).float(a.f);
      if (a.i !== undefined) int64(w, 3, a.i);
      if (a.ints !== undefined) packedInt64(w, 8, a.ints);
      int32(w, 20, a.type);
    });
  }
}

function tensor(w: Writer, t: OnnxInitializer): void {
  packedInt64(w, 1, t.dims);
  int32(w, 2, t.dataType);
  string(w, 8, t.name);
  w.tag(9, WireType.LengthDelimited).bytes(t.rawData);
}

/** ValueInfoProto > TypeProto (tensor_type) > TypeProto.Tensor > TensorShapeProto > Dimension. */
function valueInfo(w: Writer, v: OnnxValueInfo): void {
  string(w, 1, v.name);
  message(w, 2, () =>
    message(w, 1, () => {
      int32(w, 1, v.elemType);
      message(w, 2, () => {
        for (const d of v.dims) {
          message(w, 1, () => (typeof d === 'number' ? int64(w, 1, d) : string(w, 2, d)));
        }
      });
    }),
  );
}
