// Train a small classifier in the page. Browsers compile WebAssembly asynchronously, so
// the wasm backend is set up with `await initWasmBackend()` before anything computes.
import { createData } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { calculateAccuracy } from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { initWasmBackend } from '@neunet/tensor';

function show(id: string, text: string): void {
  document.getElementById(id)!.textContent = text;
}

async function main(): Promise<void> {
  document.body.dataset.state = 'training';
  const backend = await initWasmBackend();
  show('backend', backend.name);

  const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
  const model = new NeuralNetwork({ seed: 42, learningRate: 0.01 })
    .add(new Dense(2, 64))
    .add(new ReLU())
    .add(new Dense(64, 64))
    .add(new ReLU())
    .add(new Dense(64, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
  // trainAsync yields to the page between batches, so the figures update as it trains.
  await model.trainAsync(X, y, {
    epochs: 200,
    onProgress: ({ epoch, loss }) => {
      show('epoch', String(epoch + 1));
      show('loss', loss.toFixed(4));
    },
  });

  show('accuracy', calculateAccuracy(y, model.predict(X)).toFixed(3));
  document.body.dataset.state = 'done';
}

main().catch((error: unknown) => {
  show('accuracy', `error: ${String(error)}`);
  document.body.dataset.state = 'failed';
});
