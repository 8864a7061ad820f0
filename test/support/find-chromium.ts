/**
 * Finds a Chromium for the browser tests, so `npm test` needs nothing but Node: `CHROMIUM_PATH`
 * first, then a Chromium or Chrome on PATH, else the headless build shipped in the npm package
 * `@sparticuz/chromium` (unpacked into the temp directory on first use).
 * `FLIGHTPULSE_SYSTEM_BROWSER=off` skips the PATH lookup — CI uses it to prove the packaged
 * build works on a machine without a browser.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
}

const SYSTEM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of the known browser names found on PATH. */
export function systemChromium(pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Where the browser tests' Chromium is, and how it was found. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!executable(configured)) {
      throw new Error(`CHROMIUM_PATH=${configured} is not an executable browser`);
    }
    return { executablePath: configured, source: 'CHROMIUM_PATH' };
  }
  if (env.FLIGHTPULSE_SYSTEM_BROWSER !== 'off') {
    const system = systemChromium(env.PATH);
    if (system) return { executablePath: system, source: 'system' };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  try {
    return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium' };
  } catch (error) {
    throw new Error(
      `No Chromium: set CHROMIUM_PATH, install chromium, or reinstall @sparticuz/chromium (${String(error)})`,
    );
  }
}

/** Launches headless Chromium from wherever `findChromium` finds it. */
export async function launchChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ browser: Browser; found: FoundChromium }> {
  const found = await findChromium(env);
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    args: LAUNCH_ARGS,
  });
  return { browser, found };
}
