export interface Violation {
  file: string;
  line: number;
  message: string;
}
export declare const DEFAULT_DIRS: string[];
export declare function isNondeterminismExempt(file: string): boolean;
export declare function scan(source: string): {
  code: string;
  imports: { spec: string; index: number }[];
};
export declare function checkSource(source: string, file: string): Violation[];
export declare function checkPurity(
  dirs?: string[],
  options?: { cwd?: string },
): { files: number; violations: Violation[] };
