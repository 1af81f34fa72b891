import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, serve } from './serve.mjs';

describe('serve.mjs', () => {
  let dir: string;
  const servers: Server[] = [];
  let isolated: string;
  let plain: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'serve-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>twin</title>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};');
    writeFileSync(path.join(dir, 'assets', 'm.wasm'), new Uint8Array([0, 97, 115, 109]));
    for (const isolation of [true, false]) {
      const { server, url } = await serve({ dir, port: 0, isolation });
      servers.push(server);
      if (isolation) isolated = url;
      else plain = url;
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends COOP/COEP/CORP and correct MIME types by default', async () => {
    const res = await fetch(isolated);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const js = await fetch(`${isolated}assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const wasm = await fetch(`${isolated}assets/m.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it('leaves out COOP/COEP with --no-isolation', async () => {
    const res = await fetch(plain);
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('404s missing assets, falls back to index.html for routes, refuses traversal', async () => {
    expect((await fetch(`${isolated}assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${isolated}lesson/1`)).status).toBe(200);
    expect((await fetch(`${isolated}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });

  it('parses --port and --no-isolation', () => {
    expect(parseArgs(['--port', '4174', '--no-isolation'])).toMatchObject({
      port: 4174,
      isolation: false,
    });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/bad --port/);
  });
});
