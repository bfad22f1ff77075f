import { DATASET_NAMES, DATASETS } from '../datasets.js';
import { FEATURE_NAMES, FEATURES } from './features.js';
import {
  ACTIVATIONS,
  formatSettings,
  OPTIMIZERS,
  type PlaygroundSettings,
  readSettings,
  SETTING_KEYS,
  type SettingError,
  SPEEDS,
} from './settings.js';

const CHECKBOXES = new Set<keyof PlaygroundSettings>(['batchNorm', 'forever']);

/** The settings form: its options, its values as settings, and its errors. */
export class SettingsForm {
  constructor(
    readonly form: HTMLFormElement,
    private readonly errors: HTMLElement,
  ) {
    this.fill('dataset', DATASET_NAMES);
    this.fill('activation', Object.keys(ACTIVATIONS));
    this.fill('optimizer', OPTIMIZERS);
    this.fill('speed', SPEEDS, (s) => (s === 'max' ? 'as fast as possible' : `${s} epochs/s`));
    const features = form.querySelector('#features')!;
    features.replaceChildren(
      ...FEATURE_NAMES.map((name) => {
        const label = document.createElement('label');
        label.className = 'check';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'features';
        box.value = name;
        label.append(box, ` ${FEATURES[name].label}`);
        return label;
      }),
    );
  }

  private fill(name: string, values: readonly string[], label: (v: string) => string = String) {
    const select = this.form.elements.namedItem(name) as HTMLSelectElement;
    select.replaceChildren(...values.map((v) => new Option(label(v), v)));
  }

  private input(key: keyof PlaygroundSettings): HTMLInputElement {
    return this.form.elements.namedItem(key) as HTMLInputElement;
  }

  private featureBoxes(): HTMLInputElement[] {
    return Array.from(this.form.querySelectorAll<HTMLInputElement>('input[name=features]'));
  }

  write(settings: PlaygroundSettings): void {
    const text = formatSettings(settings);
    for (const key of SETTING_KEYS) {
      if (key === 'features') {
        for (const box of this.featureBoxes())
          box.checked = settings.features.includes(box.value as never);
      } else if (CHECKBOXES.has(key)) {
        this.input(key).checked = text[key] === '1';
      } else {
        this.input(key).value = key === 'hidden' ? settings.hidden.join(', ') : text[key];
      }
    }
    this.describe(settings);
    this.show([]);
  }

  /** The form's settings; the errors name each field that holds a bad value. */
  read(): { settings: PlaygroundSettings; errors: SettingError[] } {
    const result = readSettings((key) => {
      if (key === 'features') {
        return this.featureBoxes()
          .filter((box) => box.checked)
          .map((box) => box.value)
          .join(',');
      }
      if (CHECKBOXES.has(key)) return this.input(key).checked ? '1' : '0';
      return this.input(key).value;
    });
    this.show(result.errors);
    if (result.errors.length === 0) this.describe(result.settings);
    return result;
  }

  /** Lists the errors above the form and marks their fields. */
  show(errors: readonly SettingError[], prefix = ''): void {
    this.errors.replaceChildren(
      ...errors.map((error) => {
        const item = document.createElement('p');
        item.textContent = prefix + error.message;
        return item;
      }),
    );
    const bad = new Set(errors.map((e) => e.key));
    for (const key of SETTING_KEYS) {
      const fields = key === 'features' ? this.featureBoxes() : [this.input(key)];
      for (const field of fields) {
        if (bad.has(key)) {
          field.setAttribute('aria-invalid', 'true');
          // A collapsed group would hide the field marked in red.
          const group = field.closest('details');
          if (group) group.open = true;
        } else field.removeAttribute('aria-invalid');
      }
    }
  }

  /** Disables every field but the speed, which may change while training. */
  lock(locked: boolean): void {
    for (const element of Array.from(this.form.elements)) {
      // A disabled fieldset would disable the speed inside it too.
      if (element instanceof HTMLFieldSetElement) continue;
      const field = element as HTMLInputElement;
      field.disabled = locked && field.name !== 'speed';
    }
  }

  private describe(settings: PlaygroundSettings): void {
    const description = this.form.querySelector('#data-description');
    if (description) description.textContent = DATASETS[settings.dataset].description;
  }
}
