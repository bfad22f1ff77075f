import { describe, expect, it } from 'vitest';
import { confusionMatrixFigure } from './confusion-matrix.js';
import { datasetFigure } from './dataset.js';
import { boundaryGrid, decisionBoundaryFigure } from './decision-boundary.js';
import { histogramsFigure } from './histograms.js';
import { imageGridFigure } from './image-grid.js';
import { featureMapImages, kernelImages, sampleImages } from './image-slices.js';
import { misclassifiedExamples } from './misclassified.js';
import { networkFigure } from './network.js';
import { regressionFitFigure } from './regression-fit.js';
import { reportHtml } from './report-html.js';
import { trainingCurvesFigure } from './training-curves.js';
import { weightMatricesFigure } from './weight-matrices.js';
import { writeReport } from './write-report.js';

const points = {
  points: [
    [0, 0],
    [1, 1],
  ] as number[][],
  labels: [0, 1],
};
const shaped = { data: [1, 2, 3, 4], shape: [1, 2, 2, 1] };

// JavaScript callers have no type check: `{ log_scale: true }` drew a linear axis before.
describe('viz options: an unknown key names it and the nearest valid name', () => {
  it.each([
    [
      'trainingCurvesFigure',
      () => trainingCurvesFigure({ loss: [1] }, { log_scale: true } as never),
      'log_scale',
      'logScale',
    ],
    ['datasetFigure', () => datasetFigure(points, { titel: 'x' } as never), 'titel', 'title'],
    [
      'confusionMatrixFigure',
      () => confusionMatrixFigure([[1]], { class_names: ['a'] } as never),
      'class_names',
      'classNames',
    ],
    [
      'regressionFitFigure',
      () => regressionFitFigure({ x: [0], y: [0] } as never, { xlabel: 'x' } as never),
      'xlabel',
      'xLabel',
    ],
    [
      'weightMatricesFigure',
      () =>
        weightMatricesFigure({ layers: [], connections: [] } as never, { row_height: 3 } as never),
      'row_height',
      'rowHeight',
    ],
    ['histogramsFigure', () => histogramsFigure([], { bin: 3 } as never), 'bin', 'bins'],
    [
      'imageGridFigure',
      () => imageGridFigure([], { colorScale: 'Greys' } as never),
      'colorScale',
      'colorscale',
    ],
    [
      'networkFigure',
      () => networkFigure({ layers: [], connections: [] } as never, { max_edges: 3 } as never),
      'max_edges',
      'maxEdges',
    ],
    [
      'misclassifiedExamples',
      () => misclassifiedExamples([0], [1], { limits: 3 } as never),
      'limits',
      'limit',
    ],
    [
      'boundaryGrid',
      () => boundaryGrid(points.points, { resolutions: 3 } as never),
      'resolutions',
      'resolution',
    ],
    [
      'decisionBoundaryFigure',
      () => decisionBoundaryFigure(points, () => [], { paddin: 0 } as never),
      'paddin',
      'padding',
    ],
    [
      'kernelImages',
      () => kernelImages(shaped, { input_channel: 0 } as never),
      'input_channel',
      'inputChannel',
    ],
    [
      'featureMapImages',
      () => featureMapImages(shaped, { samples: 0 } as never),
      'samples',
      'sample',
    ],
    [
      'sampleImages',
      () => sampleImages(shaped, [0], { channels: 0 } as never),
      'channels',
      'channel',
    ],
    [
      'reportHtml',
      () => reportHtml({ title: 't', figures: [], table: [] } as never, ''),
      'table',
      'tables',
    ],
  ])('%s rejects %#', (where, call, key, nearest) => {
    expect(call).toThrow(`${where}: unknown option '${key}'; did you mean '${nearest}'?`);
  });

  it('writeReport rejects one before writing anything', async () => {
    await expect(
      writeReport('/nonexistent-dir/report.html', { title: 't', figures: [], Tables: [] } as never),
    ).rejects.toThrow("writeReport: unknown option 'Tables'; did you mean 'tables'?");
  });

  it('decisionBoundaryFigure passes its grid options on to boundaryGrid', () => {
    const figure = decisionBoundaryFigure(points, (grid) => grid.map(() => [0.5, 0.5]), {
      resolution: 4,
      padding: 0,
      title: 'b',
    });
    expect(figure.data.length).toBeGreaterThan(0);
  });
});
