#!/usr/bin/env node
// Static server for the built twin (dist/twin), no dependencies.
// Usage: node scripts/serve.mjs [--port N] [--host H] [--dir DIR] [--no-isolation]
// By default it sends COOP/COEP so the page is cross-origin isolated (SharedArrayBuffer
// snapshots); --no-isolation leaves them out so the app falls back to transferred buffers.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.ktx2': 'image/ktx2',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export function parseArgs(argv) {
  const opts = {
    port: Number(process.env.PORT) || 4173,
    host: '127.0.0.1',
    dir: null,
    isolation: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--no-isolation') opts.isolation = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = value();
      const port = Number(v);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${v}`);
      opts.port = port;
    } else if (a === '--host' || a.startsWith('--host=')) opts.host = value();
    else if (a === '--dir' || a.startsWith('--dir=')) opts.dir = value();
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

/** Creates (does not start) the server. `dir` is the folder to serve. */
export function createStaticServer({ dir, isolation = true }) {
  const base = path.resolve(dir);
  return http.createServer((req, res) => {
    const headers = {
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      ...(isolation ? ISOLATION_HEADERS : {}),
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      res.end('method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' });
      res.end('bad request\n');
      return;
    }
    let file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' });
      res.end('forbidden\n');
      return;
    }
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile() && path.extname(pathname) === '') {
      // Client-side routes fall back to the app shell.
      file = path.join(base, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${pathname}\n`);
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': stat.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
}

/** Starts serving; resolves with `{ server, url }` once listening. */
export function serve({ dir, port = 4173, host = '127.0.0.1', isolation = true }) {
  const server = createStaticServer({ dir, isolation });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`serve: ${err.message}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(
      'Usage: node scripts/serve.mjs [--port N] [--host H] [--dir DIR] [--no-isolation]\n',
    );
    return;
  }
  const dir = path.resolve(opts.dir ?? path.join(ROOT, 'dist', 'twin'));
  if (!statSync(path.join(dir, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
    process.stderr.write(`serve: ${dir}/index.html not found — run \`pnpm build\` first\n`);
    process.exit(1);
  }
  try {
    const { server, url } = await serve({ ...opts, dir });
    process.stdout.write(`ftServer twin: ${url}\n`);
    if (!opts.isolation) {
      process.stdout.write('(cross-origin isolation off: no COOP/COEP headers)\n');
    }
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
      setTimeout(() => process.exit(0), 1000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    process.stderr.write(`serve: cannot listen on ${opts.host}:${opts.port}: ${err.message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
