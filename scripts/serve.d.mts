import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export declare const ISOLATION_HEADERS: Record<string, string>;
export interface ServeOptions {
  port: number;
  host?: string;
  isolation?: boolean;
  /** Repository root holding dist/twin and dist/embed (default: this repository). */
  root?: string;
}
export declare function parseArgs(argv: string[]): { port: number; host: string; isolation: boolean };
export declare function staticHandler(opts?: {
  isolation?: boolean;
  root?: string;
}): (req: IncomingMessage, res: ServerResponse) => void;
export declare function serve(opts: ServeOptions): Promise<{ server: Server; url: string }>;
