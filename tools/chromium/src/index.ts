// Every browser test drives Debian's Chromium (never a downloaded one) with the same
// flags: without the background-networking ones, Chromium keeps dialling hosts that this
// closed network refuses.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

/** The line a skipped browser test prints, naming the fix. */
export function chromiumMissing(what: string): string {
  return `${what} skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
}

export interface Chromium {
  context: BrowserContext;
  /** Closes the browser and deletes its fresh profile. */
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile of its own. */
export async function launchChromium(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'neunet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
