// A callback of your own: stop as soon as the training accuracy reaches a target, and
// keep a log of the epochs. Any object with some of the Callback hooks will do.
import { makeCircles } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import type { Callback, EpochLogs, TrainingContext } from '@neunet/model';
import { NeuralNetwork } from '@neunet/model';
import { epochsArg } from './args.js';

class StopAtAccuracy implements Callback {
  readonly log: string[] = [];
  constructor(private readonly target: number) {}

  onEpochEnd(epoch: number, logs: EpochLogs, context: TrainingContext): void {
    this.log.push(
      `epoch ${epoch}: loss ${logs.loss.toFixed(4)}, accuracy ${logs.accuracy?.toFixed(3)}`,
    );
    if ((logs.accuracy ?? 0) >= this.target) context.stop();
  }
}

const epochs = epochsArg(500);
const { X, y } = makeCircles({ samples: 300, noise: 0.05, seed: 0 });
const model = new NeuralNetwork({ seed: 4, learningRate: 0.01 })
  .add(new Dense(2, 16))
  .add(new ReLU())
  .add(new Dense(16, 2))
  .add(new Softmax())
  .setLoss(new CategoricalCrossentropy());
const stopper = new StopAtAccuracy(0.95);
const history = model.train(X, y, { epochs, callbacks: [stopper] });

console.log(stopper.log.slice(-3).join('\n'));
console.log(`stopped after ${history.loss.length} of ${epochs} epochs`);
console.log(`accuracy: ${history.accuracy?.at(-1)?.toFixed(3)}`);
