import type { Regularizer, RegularizerConfig } from '@neunet/tensor';

/**
 * A regularizer class as the registry knows it: the `className` its `getConfig()` writes,
 * and a static `fromConfig` that builds it again from that config's `config`.
 */
export interface RegularizerClass {
  readonly className: string;
  fromConfig(config: Readonly<Record<string, unknown>>): Regularizer;
}

// On globalThis under a global symbol, as the layer registry, so that the ESM and the
// CommonJS copy of this package share one.
const KEY = Symbol.for('neunet.layers.regularizers');

function registry(): Map<string, RegularizerClass> {
  const holder = globalThis as { [KEY]?: Map<string, RegularizerClass> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * Makes a regularizer class loadable: a saved layer whose `kernelRegularizer` (or
 * `biasRegularizer`) has its `className` is then built again with it. `@neunet/model`
 * registers `@neunet/regularization`'s before it loads; call it once for a class of your own.
 */
export function registerRegularizer(regularizerClass: RegularizerClass): void {
  const name =
    (regularizerClass as { name?: string } | undefined)?.name ?? String(regularizerClass);
  const className = regularizerClass?.className;
  if (typeof className !== 'string' || className === '') {
    throw new Error(
      `registerRegularizer: ${name} has no static className (the className its getConfig() writes)`,
    );
  }
  if (typeof regularizerClass.fromConfig !== 'function') {
    throw new Error(`registerRegularizer: ${name} has no static fromConfig(config)`);
  }
  const classes = registry();
  const held = classes.get(className);
  if (held && held !== regularizerClass) {
    throw new Error(
      `registerRegularizer: the className ${JSON.stringify(className)} is already registered to another class`,
    );
  }
  classes.set(className, regularizerClass);
}

/** The class registered for a regularizer's `className`, if any. */
export function findRegularizer(className: string): RegularizerClass | undefined {
  return registry().get(className);
}

/** A layer's regularizer option: undefined, or an object that is a Regularizer. */
export function checkRegularizer(
  where: string,
  option: string,
  value: unknown,
): Regularizer | undefined {
  if (value === undefined) return undefined;
  const r = value as Partial<Regularizer> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    typeof r.penalty !== 'function' ||
    typeof r.addGradient !== 'function' ||
    typeof r.getConfig !== 'function'
  ) {
    throw new Error(
      `${where}: ${option} must be a regularizer (l1, l2 or l1l2 from @neunet/regularization, or an object with penalty, addGradient and getConfig), got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value as Regularizer;
}

/** Builds a saved regularizer, `{ className, config }`, again through the registry. */
export function regularizerFromConfig(
  where: string,
  option: string,
  saved: unknown,
): Regularizer | undefined {
  if (saved === undefined) return undefined;
  const { className, config } = (saved ?? {}) as Partial<RegularizerConfig>;
  if (typeof className !== 'string' || typeof config !== 'object' || config === null) {
    throw new Error(
      `${where}: ${option} must be a saved regularizer { className, config }, got ${JSON.stringify(saved)}`,
    );
  }
  const found = findRegularizer(className);
  if (!found) {
    const known = [...registry().keys()];
    throw new Error(
      `${where}: unknown regularizer ${JSON.stringify(className)} in ${option}; known: ${known.join(', ') || 'none'}. ` +
        "Register its class once before loading: registerRegularizer(MyRegularizer) from '@neunet/layers'",
    );
  }
  return found.fromConfig(config);
}
