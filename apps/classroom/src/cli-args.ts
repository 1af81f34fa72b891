/**
 * Argument parsing shared by `pnpm classroom` and `pnpm classroom:load` (node:util parseArgs):
 * numbers and URLs are checked here, so a mistake ends in one line and exit code 2.
 */
import { quoteValue } from './text.ts';

export class UsageError extends Error {}

/** An integer option within [min, max]. */
export function intOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be an integer from ${min} to ${max}, got ${quoteValue(raw)}`,
    );
  }
  return value;
}

/** An http(s) URL option (or a redis:// one with `protocols`). */
export function urlOption(
  name: string,
  raw: string | undefined,
  protocols = ['http:', 'https:'],
): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--${name} must be a URL, got ${quoteValue(raw)}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new UsageError(
      `--${name} must be a ${protocols.join(' or ')} URL, got ${quoteValue(raw)}`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/** Runs a CLI's main; usage errors and parseArgs errors print one line and exit 2. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError &&
        String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS'));
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${usage ? 'usage' : 'error'}: ${message.split('\n')[0].slice(0, 300)}\n`);
    process.exit(usage ? 2 : 1);
  });
}
