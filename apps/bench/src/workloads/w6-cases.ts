/** W6's sizes and the names its rows carry, apart from the runner so that targets.ts can read them. */
export const W6 = {
  /** MNIST test digits the workload trains and predicts on (the first ones, in file order). */
  samples: 4096,
  trainBatch: 64,
  inferBatch: 256,
} as const;

export const W6_TRAIN = `train LeNet 28x28x1, Adam, batch ${W6.trainBatch}`;
export const W6_INFER = `predict LeNet, batch ${W6.inferBatch}`;

/** PyTorch's rows: the training target takes the faster of the two. */
export const TORCH_THREADS = [1, 2] as const;
export const torchImpl = (threads: number) =>
  `PyTorch ${threads} thread${threads === 1 ? '' : 's'}`;
