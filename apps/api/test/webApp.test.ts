import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { type TestApp, testApp } from './testApp.ts';

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/x.js"></script>';
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let t: TestApp;
let dist: string;
beforeAll(async () => {
  // A stand-in for `vite build`'s output: the API must not care what the app is, only where it is.
  dist = mkdtempSync(join(tmpdir(), 'assay-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'x.js'), 'export const x = 1;\n');
  writeFileSync(join(dist, 'assets', 'big.js'), 'export const big = 1;\n'.repeat(200));
  writeFileSync(join(dist, 'assets', 'big.js.gz'), gzipSync('export const big = 1;\n'.repeat(200)));
  t = await testApp({ webDist: dist });
});
afterAll(() => t.close());

describe('the web app on the API address', () => {
  it('[A18] answers client routes with index.html, revalidated on every load', async () => {
    for (const [url, headers] of [
      ['/a/sometoken', {}],
      ['/', {}],
      ['/some/client/route?tab=2', HTML],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(INDEX);
    }
    // A client route asked for by something other than a browser page load (fetch, a script) is not a page.
    const notPage = await t.app.inject({ method: 'GET', url: '/some/client/route' });
    expect(notPage.statusCode).toBe(404);
    expect(notPage.json().error.code).toBe('API_ERR_ROUTE_NOT_FOUND');
  });

  it('[A18] serves hashed assets as immutable, and a missing one as a 404 rather than the page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/x.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('export const x = 1;\n');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/gone-1234.js', headers: HTML });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
  });

  it("[A18] sends the build's precompressed copy to a browser that accepts it", async () => {
    const zipped = await t.app.inject({ method: 'GET', url: '/assets/big.js', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe('export const big = 1;\n'.repeat(200));
    const plain = await t.app.inject({ method: 'GET', url: '/assets/big.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('export const big = 1;\n'.repeat(200));
  });

  it('[A18] unknown API routes stay JSON 404s, and the API and its docs still answer', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await t.app.inject({ method, url: '/api/nope', headers: HTML });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json()).toEqual({
        error: {
          code: 'API_ERR_ROUTE_NOT_FOUND',
          message: `there is no ${method} /api/nope: the API is documented at /docs`,
        },
      });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json().ok).toBe(true);
    const docs = await t.app.inject({ method: 'GET', url: '/docs', headers: HTML });
    expect(docs.statusCode).toBeLessThan(400);
    expect(docs.body).not.toBe(INDEX);
  });

  it('[A1] [A18] WEB_DIST must hold a built app', () => {
    expect(loadConfig({ WEB_DIST: dist }).webDist).toBe(dist);
    expect(() => loadConfig({ WEB_DIST: join(dist, 'assets') })).toThrow(ConfigError);
    expect(() => loadConfig({ WEB_DIST: join(dist, 'assets') })).toThrow(
      /WEB_DIST must be a folder holding index.html/,
    );
  });
});
