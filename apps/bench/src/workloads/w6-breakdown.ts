import {
  type Breakdown,
  breakdownNote,
  breakdownSection,
  type Phase,
  type Profile,
} from '../breakdown.js';
import type { BenchContext } from '../context.js';
import type { MlpData } from '../data.js';
import { timeKernels } from '../kernel-timer.js';
import { lenetModel } from '../lenet.js';
import type { Work } from '../measure.js';
import type { Section } from '../report.js';
import type { Row } from '../row.js';
import { bestNeunet, w6Targets } from '../targets.js';
import { neunetTrainWork } from './w2-mlp.js';
import { W6, W6_INFER, W6_TRAIN } from './w6-cases.js';

const PHASES = [
  { phase: 'train', case: W6_TRAIN, batch: W6.trainBatch },
  { phase: 'infer', case: W6_INFER, batch: W6.inferBatch },
] as const satisfies readonly { phase: Phase; case: string; batch: number }[];

/**
 * W6's targets, and for each one missed (every phase with --breakdown): the time per step
 * in each kernel of the fastest NeuNet backend, beside the faster PyTorch row's, which
 * bench_torch.py measured (`torch`, by impl).
 */
export async function w6Breakdown(
  ctx: BenchContext,
  data: MlpData,
  rows: readonly Row[],
  torch: Readonly<Record<string, Partial<Breakdown>>>,
): Promise<{ sections: Section[]; notes: string[] }> {
  const targets = w6Targets(rows);
  const sections: Section[] = [];
  const notes: string[] = [];
  for (const { phase, case: caseName, batch } of PHASES) {
    const target = targets[phase];
    const missed = target !== undefined && !target.met;
    const best = bestNeunet(rows, 'W6', caseName);
    const backend = ctx.neunet.find((b) => `NeuNet ${b.name}` === best?.impl);
    if (!(missed || ctx.breakdown) || !best || !backend) continue;
    ctx.log(`W6 breakdown: ${best.impl}, ${phase}`);
    await backend.activate();
    const model = lenetModel(ctx.seed);
    const x = data.X.sliceRows(0, batch);
    const work: Work =
      phase === 'train'
        ? neunetTrainWork(model, data, batch)
        : (units) => {
            for (let u = 0; u < units; u++) model.predictProba(x);
          };
    // About one timed run's worth of steps, within one pass over the data.
    const units = Math.max(
      1,
      Math.min(
        data.X.rows / batch,
        Math.round((ctx.timing.targetSeconds * best.stats.median) / batch),
      ),
    );
    const ours: Profile = { impl: best.impl, parts: await timeKernels(work, units) };
    const theirs = fasterTorch(rows, caseName, torch, phase);
    sections.push(breakdownSection(phase, batch, ours, theirs));
    if (missed) {
      notes.push(
        `Missed: ${target.target}, measured ${target.measured}. ${breakdownNote(phase, batch, ours, theirs)}`,
      );
    }
  }
  return { sections, notes };
}

/** The faster PyTorch row of a case, with its breakdown of `phase`. */
function fasterTorch(
  rows: readonly Row[],
  caseName: string,
  torch: Readonly<Record<string, Partial<Breakdown>>>,
  phase: Phase,
): Profile | undefined {
  let best: Row | undefined;
  for (const r of rows) {
    if (r.workload !== 'W6' || r.case !== caseName || !(r.impl in torch)) continue;
    if (!best || r.stats.median > best.stats.median) best = r;
  }
  const parts = best && torch[best.impl]?.[phase];
  return best && parts ? { impl: best.impl, parts } : undefined;
}
