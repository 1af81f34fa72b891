#!/usr/bin/env node
/**
 * `pnpm classroom:load --trainees N [--url URL] [--json] [--faults K] [--processes P] [--redis-url URL]`
 *
 * Starts its own classroom server process(es) unless `--url` is given, creates a class, connects
 * N headless trainees (the client module + a real engine each), then injects W warm-up faults
 * and K measured faults into all of them, one after the other, each followed by a gap, and
 * collects the acknowledgements. Warm-up faults (default 3) are reported but not measured: the
 * first faults run through code V8 has not optimised yet and cost about 1.5× the CPU of later
 * ones; a server that runs all day pays that once, not per class. With `--processes 2` it runs
 * two server processes sharing Redis (a redis-server it starts on a free port unless
 * `--redis-url` is given): trainees alternate between processes, the instructor is on the last.
 *
 * What is measured, per trainee and fault: from the instructor's click (just before its
 * `injectFault` is sent) to that trainee's acknowledgement (its engine applied the fault and
 * the ack is being sent), on this process's monotonic clock — instructor and trainees live in
 * this one process, the server(s) in others. Delivered and lost come from the server's fault
 * reports, not from this process's count.
 * `--json` prints one line: {"trainees","delivered","lost","p50Ms","p99Ms"}, where delivered +
 * lost = trainees × faults.
 */
import { parseArgs } from 'node:util';
import { intOption, runCli, UsageError, urlOption } from '../cli-args.ts';
import { connectInstructor, createClass } from '../client/instructor.ts';
import type { FaultKindName, FaultReport } from '../protocol.ts';
import { cpuMsOf } from './cpu.ts';
import { HeadlessTrainee } from './headless-trainee.ts';
import { type RedisServerHandle, startRedisServer } from './redis-server.ts';
import { type ServerProcess, spawnClassroomServer } from './spawn-server.ts';
import { percentile } from './stats.ts';

const HELP = `pnpm classroom:load --trainees N [--url URL] [--json] [--faults K] [--processes P] [--redis-url URL]
  --trainees N      headless trainees to connect (1..2000)
  --url URL         an already running classroom server (default: start one)
  --faults K        faults injected into all trainees, one after another (default 5)
  --warmup W        faults injected first and reported, not measured (default 3)
  --gap-ms MS       pause after each fault's report (default 1000)
  --processes P     server processes to start (1..4, default 1; 2+ share Redis)
  --redis-url URL   Redis for --processes 2+ (default: start redis-server on a free port)
  --json            print one line {"trainees","delivered","lost","p50Ms","p99Ms"}`;

/** CPU-element faults the 4300's engine accepts on A.cpu-1, taken in turn. */
const FAULTS: FaultKindName[] = ['bitflip-register', 'memory-correctable', 'bitflip-memory'];
const CONNECT_WAVE = 25;
const BUDGET_P99_MS = 250;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      trainees: { type: 'string' },
      url: { type: 'string' },
      faults: { type: 'string' },
      warmup: { type: 'string' },
      'gap-ms': { type: 'string' },
      processes: { type: 'string' },
      'redis-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  if (values.trainees === undefined) throw new UsageError('--trainees N is required');
  const trainees = intOption('trainees', values.trainees, 0, 1, 2000);
  const faults = intOption('faults', values.faults, 5, 1, 100);
  const warmup = intOption('warmup', values.warmup, 3, 0, 10);
  const gapMs = intOption('gap-ms', values['gap-ms'], 1000, 0, 60_000);
  const processes = intOption('processes', values.processes, 1, 1, 4);
  const url = urlOption('url', values.url);
  let redisUrl = urlOption('redis-url', values['redis-url'], ['redis:', 'rediss:']);
  if (url && (processes > 1 || redisUrl)) {
    throw new UsageError('--url uses a running server: leave out --processes and --redis-url');
  }
  const say = (line: string) => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };

  let redis: RedisServerHandle | null = null;
  const servers: ServerProcess[] = [];
  const clients: { close(): void }[] = [];
  try {
    if (processes > 1 && !redisUrl) {
      redis = await startRedisServer();
      if (!redis)
        throw new UsageError(
          '--processes 2+ needs redis-server (apt-get install redis-server) or --redis-url',
        );
      redisUrl = redis.url;
    }
    const urls = url
      ? [url]
      : (
          await Promise.all(
            Array.from({ length: processes }, () => spawnClassroomServer({ redisUrl })),
          ).then((started) => {
            servers.push(...started);
            return started;
          })
        ).map((s) => s.url);
    const where = url
      ? url
      : `${processes} server process${processes > 1 ? 'es' : ''} (${redisUrl ? 'Redis' : 'in-memory'})`;
    say(`classroom load: ${trainees} trainees, ${faults} faults to all, ${where}`);

    const created = await createClass(urls[0], { title: `Load ${trainees}` });
    const instructor = connectInstructor({
      url: urls[urls.length - 1],
      instructorKey: created.instructorKey,
      socketOptions: { transports: ['websocket'] },
      requestTimeoutMs: 60_000,
    });
    clients.push(instructor);
    await instructor.ready;

    let clickedAt = 0;
    // Acks seen during the current fault; a stray late ack of an earlier fault is dropped.
    let acksSeen: { faultId: string; ms: number }[] = [];
    const latenciesMs: number[] = [];
    const connectStarted = performance.now();
    for (let first = 0; first < trainees; first += CONNECT_WAVE) {
      const wave = Array.from({ length: Math.min(CONNECT_WAVE, trainees - first) }, (_, k) => {
        const i = first + k;
        return HeadlessTrainee.join({
          url: urls[i % urls.length],
          code: created.code,
          name: `trainee-${String(i + 1).padStart(4, '0')}`,
          seed: i + 1,
          onApplied: (delivery) => {
            acksSeen.push({ faultId: delivery.faultId, ms: performance.now() - clickedAt });
          },
        });
      });
      const joined = await Promise.all(wave);
      clients.push(...joined);
    }
    say(`  connected in ${Math.round(performance.now() - connectStarted)} ms`);
    await waitForRoster(instructor, trainees);

    const inject = async (k: number) => {
      acksSeen = [];
      clickedAt = performance.now();
      const report = await instructor.injectFault({
        target: { to: 'all' },
        component: 'A.cpu-1',
        fault: FAULTS[k % FAULTS.length],
      });
      const reportMs = performance.now() - clickedAt;
      const samples = acksSeen.filter((w) => w.faultId === report.faultId).map((w) => w.ms);
      // Let the progress events and session logs the trainees send after a fault settle.
      await new Promise((r) => setTimeout(r, gapMs));
      return { report, reportMs, samples };
    };
    for (let k = 0; k < warmup; k++) {
      const { report, reportMs } = await inject(k);
      say(
        `  warm-up fault ${k + 1} (not measured): ${report.delivered.length} delivered, ${report.lost.length + report.offline.length} lost, all acks in ${Math.round(reportMs)} ms`,
      );
    }

    const reports: FaultReport[] = [];
    const reportMs: number[] = [];
    const cpuBefore = servers.map((s) => cpuMsOf(s.pid));
    const ownCpuBefore = process.cpuUsage();
    for (let k = 0; k < faults; k++) {
      const result = await inject(warmup + k);
      reports.push(result.report);
      reportMs.push(result.reportMs);
      latenciesMs.push(...result.samples);
    }

    const serverCpuMs = servers.map((s, i) => {
      const before = cpuBefore[i];
      const after = cpuMsOf(s.pid);
      return before === null || after === null ? null : after - before;
    });
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const delivered = reports.reduce((n, r) => n + r.delivered.length, 0);
    const lost = reports.reduce((n, r) => n + r.lost.length + r.offline.length, 0);
    const applied = reports.reduce((n, r) => n + r.delivered.filter((d) => d.applied).length, 0);
    const p50Ms = Math.round(percentile(latenciesMs, 50) * 10) / 10;
    const p99Ms = Math.round(percentile(latenciesMs, 99) * 10) / 10;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ trainees, delivered, lost, p50Ms, p99Ms })}\n`);
    } else {
      say(
        `  delivered ${delivered}/${trainees * faults} (applied by the engine: ${applied}), lost ${lost}`,
      );
      say(
        `  click → trainee ack: p50 ${p50Ms} ms, p99 ${p99Ms} ms, max ${Math.round(Math.max(...latenciesMs) * 10) / 10} ms (${latenciesMs.length} samples)`,
      );
      say(
        `  click → instructor's report (all acks in), per fault: ${reportMs.map((ms) => Math.round(ms)).join(', ')} ms`,
      );
      // Includes the gap after each fault, where the trainees' progress and logs are handled.
      const perFault = (ms: number) => `${Math.round(ms / faults)} ms`;
      if (serverCpuMs.length > 0 && serverCpuMs.every((ms) => ms !== null)) {
        say(
          `  CPU per fault: server process(es) ${serverCpuMs.map((ms) => perFault(ms as number)).join(' + ')}, this process (${trainees} trainees + instructor) ${perFault((ownCpu.user + ownCpu.system) / 1000)}`,
        );
      }
      const ok = lost === 0 && p99Ms <= BUDGET_P99_MS;
      say(`  budget (nothing lost, p99 ≤ ${BUDGET_P99_MS} ms): ${ok ? 'met' : 'NOT met'}`);
    }
  } finally {
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
  }
});

async function waitForRoster(
  instructor: ReturnType<typeof connectInstructor>,
  count: number,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (instructor.roster().filter((e) => e.connected).length < count) {
    if (Date.now() > deadline) {
      throw new Error(`only ${instructor.roster().length} of ${count} trainees reached the roster`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
