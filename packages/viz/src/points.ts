/** 2-D points with one integer class label each, as plain arrays. */
export interface LabeledPoints {
  /** One `[x, y]` row per sample (further columns are ignored). */
  points: ArrayLike<ArrayLike<number>>;
  /** One class index (an integer >= 0) per point. */
  labels: ArrayLike<number>;
}

/** Checks the points and labels and returns the number of classes (largest label + 1). */
export function checkLabeledPoints(where: string, data: LabeledPoints): number {
  const { points, labels } = data;
  if (points.length !== labels.length) {
    throw new Error(
      `${where}: ${points.length} points but ${labels.length} labels; expected one label per point`,
    );
  }
  let classes = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new Error(`${where}: point ${i} is not a pair of finite numbers [x, y]`);
    }
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0) {
      throw new Error(`${where}: label ${i} is ${label}; expected an integer >= 0`);
    }
    classes = Math.max(classes, label + 1);
  }
  return classes;
}

export function className(names: readonly string[] | undefined, label: number): string {
  return names?.[label] ?? `class ${label}`;
}
