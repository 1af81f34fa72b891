import type { Server } from 'node:http';

export declare const MIME: Record<string, string>;
export declare const ISOLATION_HEADERS: Record<string, string>;
export interface ServeOptions {
  dir: string;
  port?: number;
  host?: string;
  isolation?: boolean;
}
export declare function parseArgs(argv: string[]): {
  port: number;
  host: string;
  dir: string | null;
  isolation: boolean;
  help?: boolean;
};
export declare function createStaticServer(opts: { dir: string; isolation?: boolean }): Server;
export declare function serve(opts: ServeOptions): Promise<{ server: Server; url: string }>;
