import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../support/find-chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'flightpulse-browser-lookup-'));
const fakeChrome = join(dir, 'google-chrome');
writeFileSync(fakeChrome, '#!/bin/sh\n');
chmodSync(fakeChrome, 0o755);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', async () => {
    expect(await findChromium({ CHROMIUM_PATH: fakeChrome, PATH: '' })).toEqual({
      executablePath: fakeChrome,
      source: 'CHROMIUM_PATH',
    });
  });

  it('refuses a CHROMIUM_PATH that is not an executable', async () => {
    await expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing') })).rejects.toThrow(
      /CHROMIUM_PATH=.*missing is not an executable browser/,
    );
  });

  it('finds a Chrome on PATH', async () => {
    expect(await findChromium({ PATH: dir })).toEqual({
      executablePath: fakeChrome,
      source: 'system',
    });
  });

  it('falls back to the packaged headless build when no browser is on PATH or the lookup is off', async () => {
    for (const env of [{ PATH: '' }, { PATH: dir, FLIGHTPULSE_SYSTEM_BROWSER: 'off' }]) {
      const found = await findChromium(env);
      expect(found.source).toBe('@sparticuz/chromium');
      expect(found.executablePath).not.toBe(fakeChrome);
    }
  });
});
