import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests train the seed network for tens to hundreds of epochs (determinism,
    // early stopping, parity with tfjs): one to two seconds each on a quiet machine, several
    // times that when the machine is shared. A budget, not a speed assertion; the heaviest
    // tests (seed example, fuzzing, resume) keep their own larger budgets.
    testTimeout: 30_000,
  },
});
