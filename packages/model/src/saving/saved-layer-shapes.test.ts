import {
  Dense,
  type Layer,
  type LayerConfig,
  type ParamShapes,
  registerLayer,
} from '@neunet/layers';
import { type Param, type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { bytesAllocatedBy } from '../../test/allocation-meter.js';
import { editableTopology, resignedFile } from '../../test/test-files.js';
import { NeuralNetwork } from '../neural-network.js';
import { unpackArtifacts } from './model-file.js';
import { ModelFormatError } from './model-format-error.js';

/** A user's layer with a param sized by its input: y = x + offset, on the last axis. */
class Offset implements Layer {
  static readonly layerType: string = 'ShapesTestOffset';
  private offset: Param | undefined;
  computeOutputShape(inputShape: Shape) {
    return inputShape;
  }
  build(inputShape: Shape) {
    const width = [inputShape[inputShape.length - 1]!];
    this.offset = { name: 'offset', value: Tensor.zeros(width), grad: Tensor.zeros(width) };
  }
  params() {
    return this.offset ? [this.offset] : [];
  }
  forward(x: Tensor) {
    return x;
  }
  backward(dy: Tensor) {
    return dy;
  }
  getConfig(): LayerConfig {
    return { type: Offset.layerType };
  }
  static fromConfig() {
    return new Offset();
  }
  static paramShapes(_config: LayerConfig, inputShape?: Shape): ParamShapes {
    if (!inputShape) return { params: {} };
    return { params: { offset: [inputShape.at(-1)!] }, outputShape: inputShape };
  }
}

/** The same layer, with a declaration that lies about its output shape. */
class LyingOffset extends Offset {
  static override readonly layerType: string = 'ShapesTestLyingOffset';
  override getConfig(): LayerConfig {
    return { type: LyingOffset.layerType };
  }
  static override fromConfig() {
    return new LyingOffset();
  }
  static override paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    return { ...Offset.paramShapes(config, inputShape), outputShape: [1] };
  }
}

registerLayer(Offset);
registerLayer(LyingOffset);

/** Loads `file`, which must be refused: its error message, and the bytes allocated meanwhile. */
function refused(file: Uint8Array): { message: string; bytes: number } {
  let thrown: unknown;
  const bytes = bytesAllocatedBy(() => {
    try {
      NeuralNetwork.fromBytes(file);
    } catch (error) {
      thrown = error;
    }
  });
  expect(thrown).toBeInstanceOf(ModelFormatError);
  return { message: (thrown as Error).message, bytes };
}

describe("the loader checks each layer's declared param shapes before it builds any", () => {
  it("a user's layer that declares paramShapes is checked as a built-in one", () => {
    const model = new NeuralNetwork({ seed: 1, inputShape: [3] })
      .add(new Offset())
      .add(new Dense(3, 2));
    const bytes = model.toBytes();
    expect(
      NeuralNetwork.fromBytes(bytes)
        .params()
        .map((p) => p.value.shape),
    ).toEqual([[3], [3, 2], [2]]);
    const topology = editableTopology(bytes);
    topology.inputShape = [2 ** 24];
    const { message, bytes: allocated } = refused(
      resignedFile(topology, unpackArtifacts(bytes).weights),
    );
    expect(message).toBe(
      'layers[0] (ShapesTestOffset): its config gives params offset [16777216] for samples of shape [16777216], but the file holds offset [3]',
    );
    expect(allocated).toBeLessThan(2 ** 20);
  });

  it('a declared output shape that the layer does not give is refused before the next layer is built', () => {
    const model = new NeuralNetwork({ seed: 1, inputShape: [3] })
      .add(new LyingOffset())
      .add(new Dense(3, 2));
    const { message } = refused(model.toBytes());
    expect(message).toBe(
      'layers[1] (Dense): the layers before it give samples of shape [3], but their classes declare [1]',
    );
  });

  it('a file without an input shape cannot have a layer build the layers before it', () => {
    const width = 2 ** 16;
    const model = new NeuralNetwork({ seed: 1 }).add(new Dense(width, 1));
    const bytes = model.toBytes();
    const topology = editableTopology(bytes) as {
      inputShape: number[] | null;
      layers: unknown[];
      optimizers: { groups: { params: [number, number][] }[] }[];
    };
    // 60 BatchNormalization layers, never built, before the Dense layer: adding it would
    // build each for [65536], 2 MB apiece, if the model took the Dense layer's width.
    const norms = 60;
    topology.inputShape = null;
    topology.layers.unshift(
      ...Array.from({ length: norms }, () => ({
        config: { type: 'BatchNormalization', epsilon: 1e-5, momentum: 0.9 },
        params: [],
        buffers: [],
        rng: null,
      })),
    );
    for (const group of topology.optimizers[0]!.groups) {
      group.params = group.params.map(([l, p]) => [l + norms, p]);
    }
    const file = resignedFile(topology, unpackArtifacts(bytes).weights);
    expect(file.length).toBeLessThan(2 ** 20);
    const { message, bytes: allocated } = refused(file);
    expect(message).toBe(
      `layers[${norms}] (Dense): it asks for samples of shape [${width}], which would build the model (and every layer before it) for them, but the file says the model was never built (inputShape null)`,
    );
    // The file's weights and the Dense layer's own (value and gradient), no more.
    expect(allocated).toBeLessThan(4 * file.length);
  });
});
