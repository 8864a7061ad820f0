import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AviationWeatherSource,
  WeatherSourceError,
} from '../../src/adapters/weather/aviationweather-source.ts';
import { ReplayWeatherSource } from '../../src/adapters/weather/replay-weather-source.ts';

/** A loopback server speaking the aviationweather.gov Data API's JSON (GET /api/data/{metar,taf}). */
let server: Server;
let baseUrl: string;
const requests: string[] = [];
let answer: 'data' | 'empty' | 'error' = 'data';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (answer === 'empty') return res.writeHead(204).end();
    if (answer === 'error') return res.writeHead(502).end('bad gateway');
    const ids = (url.searchParams.get('ids') ?? '').split(',');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/data/metar') {
      return res.end(
        JSON.stringify(
          ids.flatMap((id) => [
            {
              icaoId: id,
              obsTime: 1736942000,
              reportTime: '2025-01-15 11:53:20',
              rawOb: `${id} 151153Z 00000KT 1/4SM FG VV001 08/08 A3012`,
              metarType: 'METAR',
            },
            {
              icaoId: id,
              obsTime: 1736938400,
              reportTime: '2025-01-15 10:53:20',
              rawOb: `${id} 151053Z 00000KT 1/2SM FG VV002 08/08 A3012`,
              metarType: 'METAR',
            },
          ]),
        ),
      );
    }
    if (url.pathname === '/api/data/taf') {
      return res.end(
        JSON.stringify(
          ids.map((id) => ({
            icaoId: id,
            issueTime: '2025-01-15 10:40:00',
            bulletinTime: '2025-01-15 10:40:00',
            rawTAF: `TAF ${id} 151040Z 1511/1612 00000KT 3SM BR OVC008`,
          })),
        ),
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('aviationweather.gov Data API adapter', () => {
  it('asks for METAR and TAF as JSON for every station in one request each, newest kept', async () => {
    answer = 'data';
    requests.length = 0;
    const reports = await new AviationWeatherSource({ baseUrl }).reports(
      ['KDAL', 'KSAN'],
      '2025-01-15T12:00:00Z',
    );
    expect(requests.sort()).toEqual([
      '/api/data/metar?ids=KDAL,KSAN&format=json',
      '/api/data/taf?ids=KDAL,KSAN&format=json',
    ]);
    expect(reports.get('KDAL')).toEqual({
      metar: {
        raw: 'KDAL 151153Z 00000KT 1/4SM FG VV001 08/08 A3012',
        observed_at: '2025-01-15T11:53:20.000Z',
      },
      taf: {
        raw: 'TAF KDAL 151040Z 1511/1612 00000KT 3SM BR OVC008',
        issued_at: '2025-01-15T10:40:00.000Z',
      },
    });
  });
  it('reads 204 as no data', async () => {
    answer = 'empty';
    expect(
      (await new AviationWeatherSource({ baseUrl }).reports(['KDAL'], '2025-01-15T12:00:00Z')).size,
    ).toBe(0);
  });
  it('fails clearly on an error answer', async () => {
    answer = 'error';
    await expect(
      new AviationWeatherSource({ baseUrl }).reports(['KDAL'], '2025-01-15T12:00:00Z'),
    ).rejects.toThrow(WeatherSourceError);
  });
});

describe('replay adapter', () => {
  const replay = new ReplayWeatherSource(join(import.meta.dirname, '../../simulator/weather'));
  it('serves the newest report observed or issued by the time asked', async () => {
    const at11 = (await replay.reports(['KDAL'], '2025-01-15T11:00:00Z')).get('KDAL');
    expect(at11?.metar?.observed_at).toBe('2025-01-15T10:53:00Z');
    expect(at11?.taf?.raw).toContain('TAF AMD KDAL 151040Z');
    const at10 = (await replay.reports(['KDAL'], '2025-01-15T10:00:00Z')).get('KDAL');
    expect(at10?.taf?.issued_at).toBe('2025-01-15T05:20:00Z');
  });
  it('has nothing for a station it never recorded', async () => {
    expect((await replay.reports(['EGLL'], '2025-01-15T11:00:00Z')).has('EGLL')).toBe(false);
  });
});
