/**
 * The HTTP side of the classroom server, beside Socket.IO on the same port:
 *   GET  /health                 200 {"ok":true,...} (503 while Redis is unreachable)
 *   POST /api/classes            {"title"?} → 201 the new class with its instructor key
 *   GET  /api/report?format=csv  the class report; `Authorization: Bearer <instructor key>`
 *   GET  /*                      the built web app (dist/twin) through sirv, cross-origin
 *                                isolated like `pnpm start`; 503 with a clear line when missing
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { CreateClassRequestSchema, type CreatedClass, SecretSchema } from '../protocol.ts';
import { WindowCounter } from '../rate-limit.ts';
import { hashSecret, newId, newJoinCode, newSecret } from '../secrets.ts';
import { parseWith } from '../validate.ts';
import { Refusal, type ServerContext } from './context.ts';
import { classReport } from './instructor-handlers.ts';
import { toCsv } from '../report.ts';

export interface HttpOptions {
  /** The built app's folder; null serves no pages. */
  staticDir: string | null;
  /** Base of join links; null derives it from the request's Host header. */
  publicUrl: string | null;
  /** Path of the trainee page in join links (the code goes in `?join=`). */
  joinPath: string;
  adapter: 'memory' | 'redis-streams';
  /** Whether the shared Redis is reachable (always true without Redis). */
  storeReady: () => boolean;
}

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

const MISSING_APP =
  'dist/twin is missing: run `pnpm build` first. The classroom sockets and /health work without it.\n';

/** Whether the static folder holds a built app. */
export function hasBuiltApp(dir: string | null): dir is string {
  return dir !== null && existsSync(path.join(dir, 'index.html'));
}

/**
 * The request handler (Socket.IO takes `/socket.io/` before it).
 *
 * @example
 * const server = http.createServer(createHttpHandler(ctx, options));
 */
export function createHttpHandler(ctx: ServerContext, options: HttpOptions) {
  const creations = new WindowCounter(ctx.limits.createClassPerMinutePerIp, 60_000);
  const serveStatic = hasBuiltApp(options.staticDir)
    ? sirv(options.staticDir, {
        dev: false,
        etag: true,
        setHeaders: (res) => {
          for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
        },
      })
    : null;

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      ctx.log(`HTTP ${req.method} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'internal', message: 'server error' } });
      else res.destroy();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const ok = options.storeReady();
      return sendJson(res, ok ? 200 : 503, {
        ok,
        adapter: options.adapter,
        pid: process.pid,
        uptimeS: Math.round(process.uptime()),
      });
    }
    if (url.pathname === '/api/classes') {
      if (req.method !== 'POST') return sendError(res, 405, 'method-not-allowed', 'use POST');
      return createClass(req, res);
    }
    if (url.pathname === '/api/report') {
      if (req.method !== 'GET') return sendError(res, 405, 'method-not-allowed', 'use GET');
      return report(req, res, url.searchParams.get('format') ?? 'json');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'method-not-allowed', 'only GET and HEAD serve pages');
    }
    if (!serveStatic) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(MISSING_APP);
    }
    serveStatic(req, res, () => sendError(res, 404, 'not-found', 'no such page'));
  }

  async function createClass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (creations.exceeded(address)) {
      return sendError(
        res,
        429,
        'rate-limited',
        'too many classes created from this address; wait a minute',
      );
    }
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      return sendError(
        res,
        415,
        'invalid-message',
        'send a JSON body (Content-Type: application/json)',
      );
    }
    const body = await readBody(req, ctx.limits.maxHttpBodyBytes);
    if (body === null) {
      return sendError(
        res,
        413,
        'invalid-message',
        `body over ${ctx.limits.maxHttpBodyBytes} bytes`,
      );
    }
    let json: unknown;
    try {
      json = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendError(res, 400, 'invalid-message', 'body is not JSON');
    }
    const parsed = parseWith(CreateClassRequestSchema, json);
    if (!parsed.ok) return sendError(res, 400, 'invalid-message', parsed.message);
    creations.add(address);

    const instructorKey = newSecret();
    const createdAtMs = ctx.now();
    const base = options.publicUrl ?? baseFromHost(req);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newJoinCode();
      const joinUrl = `${base}${options.joinPath}?join=${code}`;
      const record = {
        classId: newId(),
        title: parsed.value.title,
        code,
        joinUrl,
        instructorKeyHash: hashSecret(instructorKey),
        createdAtMs,
        expiresAtMs: createdAtMs + ctx.limits.classTtlMs,
      };
      if (await ctx.store.createClass(record)) {
        const created: CreatedClass = {
          classId: record.classId,
          title: record.title,
          code,
          instructorKey,
          joinUrl,
          expiresAtMs: record.expiresAtMs,
        };
        return sendJson(res, 201, created);
      }
    }
    return sendError(res, 503, 'internal', 'could not draw a free join code; try again');
  }

  async function report(req: IncomingMessage, res: ServerResponse, format: string): Promise<void> {
    if (format !== 'json' && format !== 'csv') {
      return sendError(res, 400, 'invalid-message', 'format must be json or csv');
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    if (ctx.failedJoins.exceeded(address)) {
      return sendError(res, 429, 'rate-limited', 'too many failed attempts from this address');
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const key = auth ? parseWith(SecretSchema, auth[1]) : null;
    const classId = key?.ok ? await ctx.store.classIdByKeyHash(hashSecret(key.value)) : null;
    if (!classId) {
      ctx.failedJoins.add(address);
      return sendError(
        res,
        401,
        'unknown-class',
        'send Authorization: Bearer <instructor key> of a live class',
      );
    }
    let result: Awaited<ReturnType<typeof classReport>>;
    try {
      result = await classReport(ctx, classId);
    } catch (error) {
      if (error instanceof Refusal) return sendError(res, 404, error.code, error.message);
      throw error;
    }
    if (format === 'json') return sendJson(res, 200, result);
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="class-${classId}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(toCsv(result));
  }
}

/** `http://host[:port]` from the Host header when it is a plain host name or address. */
function baseFromHost(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  const plain = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(host);
  const local = req.socket.localAddress ?? '127.0.0.1';
  return `http://${plain ? host : `${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort}`}`;
}

/** The body as text, or null when it passes `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}
