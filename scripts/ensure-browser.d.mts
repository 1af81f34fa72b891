export declare const CANDIDATES: string[];
export declare function findBrowser(env?: NodeJS.ProcessEnv): string | null;
export declare function ensureBrowser(options?: {
  install?: boolean;
  log?: (message: string) => void;
}): string;
