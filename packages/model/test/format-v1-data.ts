import { createData } from '@neunet/datasets';

/** Epochs the format-1 fixture is trained for after loading. */
export const RESUME_EPOCHS = 3;

/** The data the format-1 fixture was trained on, and goes on training on. */
export function formatV1Data() {
  const { X, y } = createData({ samples: 20, classes: 3, seed: 0 });
  const validation = createData({ samples: 5, classes: 3, seed: 1 });
  return { X, y, Xval: validation.X, yval: validation.y };
}
