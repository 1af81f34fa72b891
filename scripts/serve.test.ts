import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, serve } from './serve.mjs';

describe('serve.mjs', () => {
  let root: string;
  const servers: Server[] = [];
  let isolated: string;
  let plain: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'serve-'));
    mkdirSync(path.join(root, 'dist', 'twin', 'assets'), { recursive: true });
    mkdirSync(path.join(root, 'dist', 'embed'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'twin', 'index.html'), '<!doctype html><title>twin</title>');
    writeFileSync(path.join(root, 'dist', 'twin', 'assets', 'app.js'), 'export {};');
    writeFileSync(path.join(root, 'dist', 'embed', 'ft-twin.js'), 'export {};');
    for (const isolation of [true, false]) {
      const { server, url } = await serve({ root, port: 0, isolation });
      servers.push(server);
      if (isolation) isolated = url;
      else plain = url;
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app with COOP/COEP and a JavaScript MIME type', async () => {
    const page = await fetch(isolated);
    expect(page.status).toBe(200);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const js = await fetch(new URL('assets/app.js', isolated));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves the embed at /embed/ to any origin', async () => {
    const js = await fetch(new URL('embed/ft-twin.js', plain));
    expect(js.status).toBe(200);
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
    expect(js.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('leaves isolation out with --no-isolation, and 404s what is missing', async () => {
    const page = await fetch(plain);
    expect(page.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect((await fetch(new URL('nope.js', plain))).status).toBe(404);
    expect((await fetch(new URL('embed/nope.js', plain))).status).toBe(404);
  });

  it('parses --port and --no-isolation, and refuses bad values', () => {
    expect(parseArgs(['--port', '9000', '--no-isolation'])).toEqual({
      port: 9000,
      host: '127.0.0.1',
      isolation: false,
    });
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port must be an integer/);
    expect(() => parseArgs(['--bogus'])).toThrow();
  });
});
