#!/usr/bin/env node
/**
 * `pnpm classroom [--port N] [--host H] [--public-url URL] [--join-path P] [--cors-origin O]...
 *                 [--websocket-only] [--no-app]`
 * Starts the classroom server and prints its URL. `REDIS_URL` set → classes in Redis and the
 * Redis Streams adapter, so several such processes behind a load balancer share classes.
 */
import { parseArgs } from 'node:util';
import { intOption, runCli, UsageError, urlOption } from './cli-args.ts';
import { DEFAULT_PORT, startClassroomServer } from './server/create-server.ts';

const HELP = `pnpm classroom [options]   the classroom server (Socket.IO + the built app)
  --port N            port (default ${DEFAULT_PORT}; 0 = any free port)
  --host H            address to listen on (default 127.0.0.1; 0.0.0.0 for a room's network)
  --public-url URL    base of join links (the URL trainees open, e.g. the load balancer's)
  --join-path P       path of the trainee page in join links (default /)
  --cors-origin O     allow sockets from another origin (repeatable), e.g. http://127.0.0.1:5173
  --websocket-only    no HTTP long-polling (load balancers then need no sticky sessions)
  --no-app            do not serve dist/twin
Environment: REDIS_URL=redis://host:6379 shares classes between processes.`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      'join-path': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'websocket-only': { type: 'boolean' },
      'no-app': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const joinPath = values['join-path'] ?? '/';
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(joinPath)) {
    throw new UsageError('--join-path must be a path such as /trainee.html');
  }
  const redisUrl = urlOption('REDIS_URL', process.env.REDIS_URL || undefined, [
    'redis:',
    'rediss:',
  ]);
  const server = await startClassroomServer({
    port: intOption('port', values.port, Number(process.env.PORT) || DEFAULT_PORT, 0, 65535),
    host: values.host,
    redisUrl,
    staticDir: values['no-app'] ? null : undefined,
    publicUrl: urlOption('public-url', values['public-url']),
    joinPath,
    corsOrigins: values['cors-origin']?.map((o) => urlOption('cors-origin', o) as string),
    websocketOnly: values['websocket-only'] === true,
  });
  process.stdout.write(`classroom listening on ${server.url}\n`);
  process.stdout.write(
    `  adapter: ${server.adapter}${redisUrl ? ` (${new URL(redisUrl).host})` : ' (one process)'}\n`,
  );
  process.stdout.write(
    server.servesApp
      ? `  app: ${server.url}/ (dist/twin)\n  instructor: ${server.url}/?classroom=instructor\n`
      : values['no-app']
        ? '  app: not served (--no-app)\n'
        : '  app: dist/twin is missing: run `pnpm build` first (sockets and /health work)\n',
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
