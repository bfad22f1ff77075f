import { classColor, type Figure, logAxisTicks } from '@neunet/viz';
import type { Measurement } from './trainer.js';

/** The training and test loss against epochs (fractional after single steps), log scale. */
export function lossFigure(measurements: readonly Measurement[]): Figure {
  const x = measurements.map((m) => m.epoch);
  const line = (name: string, y: number[], color: string, dash: 'solid' | 'dash') => ({
    type: 'scatter' as const,
    mode: 'lines' as const,
    name,
    x,
    y,
    line: { color, dash, width: 2 },
    hovertemplate: `epoch %{x:.2f}: %{y:.4f}<extra>${name} loss</extra>`,
  });
  const losses = measurements.flatMap((m) => [m.trainLoss, m.testLoss]);
  return {
    data: [
      line(
        'train',
        measurements.map((m) => m.trainLoss),
        classColor(0),
        'solid',
      ),
      line(
        'test',
        measurements.map((m) => m.testLoss),
        classColor(1),
        'dash',
      ),
    ],
    layout: {
      title: { text: 'Loss: train and test' },
      height: 320,
      margin: { l: 60, r: 20, t: 50, b: 70 },
      hovermode: 'x unified',
      legend: { orientation: 'h', y: -0.3 },
      xaxis: { title: { text: 'epoch' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss' }, type: 'log', ...ticks(losses) },
    },
  };
}

/** Round labels over the losses' range (see logAxisTicks); plotly's own before there is one. */
function ticks(losses: readonly number[]) {
  const positive = losses.filter((loss) => loss > 0 && Number.isFinite(loss));
  if (positive.length === 0) return {};
  return {
    tickmode: 'array' as const,
    ...logAxisTicks(Math.min(...positive), Math.max(...positive)),
  };
}
