export declare function parseTestArgs(
  argv: string[],
): { help: true } | { help?: undefined; groups: string[]; extra: string[] };
export declare function skippedTests(json: unknown, tools?: { smilint: boolean }): string[];
