import {
  formatSettings,
  type PlaygroundSettings,
  readSettings,
  SETTING_KEYS,
  type SettingError,
} from './settings.js';

/** The settings as a query string, every setting present, in a fixed order: `?dataset=…`. */
export function settingsToQuery(settings: PlaygroundSettings): string {
  const text = formatSettings(settings);
  const params = new URLSearchParams();
  for (const key of SETTING_KEYS) params.set(key, text[key]);
  return `?${params.toString()}`;
}

/**
 * The settings in a query string: missing ones at their defaults; bad or unknown ones
 * reported, bad ones at their defaults, which their messages name.
 */
export function settingsFromQuery(query: string): {
  settings: PlaygroundSettings;
  errors: SettingError[];
} {
  const params = new URLSearchParams(query);
  const result = readSettings((key) => params.get(key) ?? undefined);
  for (const error of result.errors) error.message += `; using ${error.fallback || '(none)'}`;
  for (const name of new Set(params.keys())) {
    if (!(SETTING_KEYS as string[]).includes(name)) {
      result.errors.push({
        key: name as keyof PlaygroundSettings,
        message: `unknown setting '${name}'; expected one of ${SETTING_KEYS.join(', ')}`,
      });
    }
  }
  return result;
}
