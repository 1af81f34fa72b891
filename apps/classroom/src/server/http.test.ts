import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectInstructor, createClass } from '../client/instructor.ts';
import { type ClassroomServer, startClassroomServer } from './create-server.ts';

const post = (url: string, body: string, type = 'application/json') =>
  fetch(`${url}/api/classes`, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('HTTP', () => {
  let app: ClassroomServer;
  let bare: ClassroomServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'classroom-app-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>twin</title>');
    const limits = { createClassPerMinutePerIp: 4, failedJoinsPerMinutePerIp: 50 };
    app = await startClassroomServer({ port: 0, staticDir: dir, limits, log: () => {} });
    bare = await startClassroomServer({
      port: 0,
      staticDir: path.join(dir, 'missing'),
      publicUrl: 'https://class.example.org/',
      joinPath: '/trainee.html',
      log: () => {},
    });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, adapter: 'memory' });
  });

  it('serves the built app cross-origin isolated, and 404 for unknown files', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>twin</title>');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await fetch(`${app.url}/nope.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/../../etc/passwd`)).status).toBe(404);
  });

  it('says clearly when dist/twin is missing', async () => {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('run `pnpm build` first');
    expect(bare.servesApp).toBe(false);
  });

  it('creates a class with a join link on the public URL', async () => {
    const res = await post(bare.url, '{"title":"Monday"}');
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(created.instructorKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.joinUrl).toBe(`https://class.example.org/trainee.html?join=${created.code}`);
    // Without a public URL the link follows the Host header the instructor used.
    const local = await (await post(app.url, '{}')).json();
    expect(local.joinUrl).toBe(`${app.url}/?join=${local.code}`);
    expect(local.title).toBe('Class');
  });

  it('refuses bad class requests with a status and a short message', async () => {
    const cases: [Promise<Response>, number][] = [
      [post(bare.url, 'not json'), 400],
      [post(bare.url, '{"title":""}'), 400],
      [post(bare.url, JSON.stringify({ title: 'x'.repeat(81) })), 400],
      [post(bare.url, '{}', 'text/plain'), 415],
      [post(bare.url, JSON.stringify({ title: 'y'.repeat(10_000) })), 413],
      [fetch(`${bare.url}/api/classes`), 405],
      [fetch(`${bare.url}/api/report?format=xml`), 400],
      [fetch(`${bare.url}/api/report`), 401],
      [
        fetch(`${bare.url}/api/report`, { headers: { Authorization: `Bearer ${'k'.repeat(43)}` } }),
        401,
      ],
    ];
    for (const [request, status] of cases) {
      const res = await request;
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(typeof body.error.message).toBe('string');
      expect(body.error.message.length).toBeLessThan(200);
    }
  });

  it('rate-limits class creation per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(app.url, '{}')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(4);
  });

  it('serves the report as JSON to the instructor key', async () => {
    const created = await (await post(bare.url, '{"title":"Report"}')).json();
    const res = await fetch(`${bare.url}/api/report`, {
      headers: { Authorization: `Bearer ${created.instructorKey}` },
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.class).toMatchObject({ title: 'Report', state: 'waiting' });
    expect(JSON.stringify(report)).not.toContain(created.instructorKey);
  });
});

describe('transports and origins', () => {
  it('with websocketOnly, takes WebSocket and refuses long-polling', async () => {
    const server = await startClassroomServer({
      port: 0,
      staticDir: null,
      websocketOnly: true,
      log: () => {},
    });
    try {
      const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
      expect(polling.status).toBe(400);
      const created = await createClass(server.url);
      const instructor = connectInstructor({
        url: server.url,
        instructorKey: created.instructorKey,
        socketOptions: { transports: ['websocket'] },
      });
      await instructor.ready;
      instructor.close();
    } finally {
      await server.close();
    }
  });

  it('answers CORS only for the origins it was given', async () => {
    const server = await startClassroomServer({
      port: 0,
      staticDir: null,
      corsOrigins: ['http://127.0.0.1:5173'],
      log: () => {},
    });
    try {
      const ask = (origin: string) =>
        fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
      expect((await ask('http://127.0.0.1:5173')).headers.get('access-control-allow-origin')).toBe(
        'http://127.0.0.1:5173',
      );
      expect(
        (await ask('http://evil.example')).headers.get('access-control-allow-origin'),
      ).not.toBe('http://evil.example');
    } finally {
      await server.close();
    }
  });
});
