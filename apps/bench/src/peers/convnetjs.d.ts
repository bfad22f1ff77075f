// convnetjs ships no types; this covers only what the bench calls.

declare module 'convnetjs' {
  export class Vol {
    constructor(sx: number, sy: number, depth: number, fill: number);
    w: Float64Array;
  }
  export type LayerDef =
    | { type: 'input'; out_sx: number; out_sy: number; out_depth: number }
    | { type: 'fc'; num_neurons: number; activation: 'relu' }
    | {
        type: 'conv';
        sx: number;
        filters: number;
        stride: number;
        pad: number;
        activation: 'relu';
      }
    | { type: 'pool'; sx: number; stride: number }
    | { type: 'softmax'; num_classes: number };
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(x: Vol, training: boolean): Vol;
  }
  export class Trainer {
    constructor(
      net: Net,
      options: { method: 'adagrad' | 'sgd'; learning_rate: number; batch_size: number },
    );
    train(x: Vol, label: number): unknown;
  }
}
