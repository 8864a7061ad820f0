import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { type BrowserServer, startBrowserServer } from './browser-server.ts';
import { type FoundChromium, launchChromium } from './find-chromium.ts';

/** Where the browser tests leave their screenshots (created by startConsoleInChromium). */
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

export interface ConsoleInChromium {
  runtime: LocalRuntime;
  server: BrowserServer;
  /** Where the browser opens the console. */
  base: string;
  browser: Browser;
  /** How Chromium was found, for a test that reports it. */
  chromium: FoundChromium;
  /** A desktop-sized page, not pointed anywhere yet. */
  page: Page;
  /** Closes the browser, the server and the runtime, and removes the data directory. */
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Added to the runtime's environment (the data directory and a silent log are set). */
  env?: Record<string, string>;
  /** The runtime's public URL is the browser server's address, so message links open there. */
  linksHere?: boolean;
}

/**
 * A seeded local runtime in a fresh data directory `flightpulse-<name>-*`, served on a loopback
 * port that watches for 5xx, and a Chromium page to drive it. Whatever started is closed again
 * if a later step fails, so a missing browser leaves no runtime behind.
 */
export async function startConsoleInChromium(
  name: string,
  options: ConsoleOptions = {},
): Promise<ConsoleInChromium> {
  const server = await startBrowserServer();
  const dataDir = mkdtempSync(join(tmpdir(), `flightpulse-${name}-`));
  let runtime: LocalRuntime | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server.close();
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    runtime = await startLocalRuntime(
      loadConfig(
        {},
        {
          FLIGHTPULSE_DATA_DIR: dataDir,
          LOG_LEVEL: 'SILENT',
          ...(options.linksHere ? { PUBLIC_URL: server.base } : {}),
          ...options.env,
        },
      ),
    );
    await runtime.seed();
    server.serve(runtime.app);
    const launched = await launchChromium();
    browser = launched.browser;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return { runtime, server, base: server.base, browser, chromium: launched.found, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Signs in on the console's sign-in form as `role` and waits for the flight board's rows. */
export async function signIn(page: Page, role: string): Promise<void> {
  await page.locator('#sign-in select[name="role"]').selectOption(role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#board tbody tr').first().waitFor();
}

/**
 * For a test file: starts the console in Chromium before its tests and closes it after them.
 * The returned session is filled in once the file's tests start.
 */
export function consoleInChromiumPerFile(
  name: string,
  options: ConsoleOptions = {},
): ConsoleInChromium {
  const session = {} as ConsoleInChromium;
  beforeAll(async () => {
    Object.assign(session, await startConsoleInChromium(name, options));
  }, 60_000);
  afterAll(() => session.close?.());
  return session;
}
