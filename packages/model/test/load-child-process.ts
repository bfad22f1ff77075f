// Loads a saved model in a process that imports nothing but this package, and prints
// its layers' configs: a saved model of NeuNet's packages needs no registration by hand.
import { NeuralNetwork } from '../src/index.js';

const loaded = NeuralNetwork.load(process.argv[2]!);
process.stdout.write(JSON.stringify(loaded.layers.map((layer) => layer.getConfig())));
