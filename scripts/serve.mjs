#!/usr/bin/env node
// Serves the built twin: the app (dist/twin) at / and the documentation embed (dist/embed) at
// /embed/, with sirv. By default it sends COOP/COEP so pages are cross-origin isolated
// (SharedArrayBuffer snapshots); --no-isolation leaves them out (transferred snapshots, as on
// most documentation sites).
// Usage: node scripts/serve.mjs [--port N] [--host H] [--no-isolation]
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import sirv from 'sirv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Any origin may load the embed's scripts (a CDN-like /embed/), isolated or not. */
const EMBED_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export function parseArgs(argv) {
  const { values } = parseNodeArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-isolation': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? Number(process.env.PORT) || 4173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer in 0..65535, got ${JSON.stringify(values.port)}`);
  }
  return { port, host: values.host, isolation: !values['no-isolation'] };
}

/** A request handler for the app and the embed (also used by the classroom server). */
export function staticHandler({ isolation = true, root = ROOT } = {}) {
  const headers = (extra) => (res) => {
    for (const [k, v] of Object.entries({ ...(isolation ? ISOLATION_HEADERS : {}), ...extra })) {
      res.setHeader(k, v);
    }
  };
  const app = sirv(path.join(root, 'dist', 'twin'), { dev: true, etag: true, setHeaders: headers({}) });
  const embed = sirv(path.join(root, 'dist', 'embed'), {
    dev: true,
    etag: true,
    setHeaders: headers(EMBED_HEADERS),
  });
  const notFound = (res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  return (req, res) => {
    if (req.url === '/embed' || req.url?.startsWith('/embed/')) {
      req.url = req.url.slice('/embed'.length) || '/';
      embed(req, res, () => notFound(res));
    } else app(req, res, () => notFound(res));
  };
}

export function serve({ port, host = '127.0.0.1', isolation = true, root = ROOT }) {
  const handler = staticHandler({ isolation, root });
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  if (!existsSync(path.join(ROOT, 'dist', 'twin', 'index.html'))) {
    console.error('serve: dist/twin is missing; run `pnpm build` first.');
    process.exit(2);
  }
  const { url } = await serve(opts);
  console.log(`ftServer twin: ${url}${opts.isolation ? '' : ' (not cross-origin isolated)'}`);
}
