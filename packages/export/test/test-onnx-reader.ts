import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

// A field-level ONNX reader for the tests, written from onnx/onnx.proto3's field numbers
// independently of the encoder: it decodes whatever the bytes hold (unknown fields and
// wire types included), so a wrong number or type in the encoder shows up as a mismatch.

type Value = bigint | number | Uint8Array;

/** Every field of one message: field number → its values in order, with the wire type seen. */
function fields(bytes: Uint8Array): Map<number, { type: WireType; value: Value }[]> {
  const reader = new BinaryReader(bytes);
  const out = new Map<number, { type: WireType; value: Value }[]>();
  while (reader.pos < reader.len) {
    const [no, type] = reader.tag();
    let value: Value;
    if (type === WireType.Varint) value = BigInt(reader.int64());
    else if (type === WireType.Bit32) value = reader.float();
    else if (type === WireType.LengthDelimited) value = reader.bytes();
    else throw new Error(`field ${no}: unexpected wire type ${type}`);
    out.set(no, [...(out.get(no) ?? []), { type, value }]);
  }
  return out;
}

class Message {
  private readonly map: ReturnType<typeof fields>;
  constructor(bytes: Uint8Array) {
    this.map = fields(bytes);
  }
  /** Field numbers present, sorted. */
  numbers(): number[] {
    return [...this.map.keys()].sort((a, b) => a - b);
  }
  private all(no: number, type: WireType): Value[] {
    return (this.map.get(no) ?? []).map((f) => {
      if (f.type !== type) throw new Error(`field ${no}: wire type ${f.type}, expected ${type}`);
      return f.value;
    });
  }
  strings(no: number): string[] {
    return this.all(no, WireType.LengthDelimited).map((b) =>
      new TextDecoder().decode(b as Uint8Array),
    );
  }
  string(no: number): string | undefined {
    return this.strings(no).at(-1);
  }
  int(no: number): number | undefined {
    const v = this.all(no, WireType.Varint).at(-1);
    return v === undefined ? undefined : Number(v);
  }
  float(no: number): number | undefined {
    return this.all(no, WireType.Bit32).at(-1) as number | undefined;
  }
  bytes(no: number): Uint8Array | undefined {
    return this.all(no, WireType.LengthDelimited).at(-1) as Uint8Array | undefined;
  }
  messages(no: number): Message[] {
    return this.all(no, WireType.LengthDelimited).map((b) => new Message(b as Uint8Array));
  }
  /** A repeated int64, packed or not (parsers must accept both). */
  ints(no: number): number[] {
    return (this.map.get(no) ?? []).flatMap((f) => {
      if (f.type === WireType.Varint) return [Number(f.value)];
      const reader = new BinaryReader(f.value as Uint8Array);
      const packed: number[] = [];
      while (reader.pos < reader.len) packed.push(Number(reader.int64()));
      return packed;
    });
  }
}

export interface ReadAttribute {
  name?: string;
  type?: number;
  f?: number;
  i?: number;
  ints?: number[];
}

/** The bytes as plain objects named as in onnx.proto; field sets are checked too. */
export function readOnnx(bytes: Uint8Array) {
  const model = new Message(bytes);
  const graph = model.messages(7)[0]!;
  const valueInfo = (v: Message) => {
    const tensorType = v.messages(2)[0]!.messages(1)[0]!;
    return {
      name: v.string(1),
      elemType: tensorType.int(1),
      dims: tensorType
        .messages(2)[0]!
        .messages(1)
        .map((d) => d.int(1) ?? d.string(2)),
    };
  };
  return {
    fieldNumbers: model.numbers(),
    irVersion: model.int(1),
    producerName: model.string(2),
    opsetImport: model.messages(8).map((s) => ({ domain: s.string(1) ?? '', version: s.int(2) })),
    graph: {
      fieldNumbers: graph.numbers(),
      name: graph.string(2),
      node: graph.messages(1).map((n) => ({
        input: n.strings(1),
        output: n.strings(2),
        name: n.string(3),
        opType: n.string(4),
        attribute: n.messages(5).map(
          (a): ReadAttribute => ({
            name: a.string(1),
            type: a.int(20),
            f: a.float(2),
            i: a.int(3),
            // Left out when absent, so that scalar attributes compare as before.
            ...(a.numbers().includes(8) && { ints: a.ints(8) }),
          }),
        ),
      })),
      initializer: graph.messages(5).map((t) => ({
        dims: t.ints(1),
        dataType: t.int(2),
        name: t.string(8),
        rawData: t.bytes(9),
      })),
      input: graph.messages(11).map(valueInfo),
      output: graph.messages(12).map(valueInfo),
    },
  };
}
