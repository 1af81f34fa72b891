/**
 * Turns valibot issues into one-line messages that name the field, e.g.
 * `steps[3].target: expected a component id like "A.cpu-1"`, and carries them in a result
 * value (parsers here never throw on bad input).
 */
import { escapeUnsafe } from '@ft/hardware';
import type * as v from 'valibot';

/** Longest quoted value shown in a message; longer ones are cut with an ellipsis. */
export const MAX_QUOTED_CHARS = 40;

/**
 * A value as it appears in an error message: JSON-quoted, escaped (control, bidirectional and
 * invisible characters as `\uXXXX`), cut to a sensible length.
 *
 * @example
 * quote('a\u202eb'); // '"a\\u202eb"'
 */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'nothing';
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Control, bidi and invisible characters would change how the message reads: escaped first.
  text = escapeUnsafe(text);
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1)}…` : text;
}

/** `steps[3].target` from a valibot issue path; `(root)` for the whole input. */
export function issuePath(path: readonly { key: unknown }[] | undefined): string {
  if (!path || path.length === 0) return '(root)';
  let out = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${quote(key)}]`;
  }
  return out;
}

/** One field-level problem. */
export interface FieldIssue {
  /** Field path such as `steps[3].target`, or `(root)`. */
  path: string;
  message: string;
}

/** `path: message` */
export function formatIssue(issue: FieldIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** Prefixes every issue's path (for a schema nested inside another document). */
export function nestIssues(prefix: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({
    path:
      i.path === '(root)'
        ? prefix
        : i.path.startsWith('[')
          ? prefix + i.path
          : `${prefix}.${i.path}`,
    message: i.message,
  }));
}

/**
 * Issues valibot reported, deepest first and without the duplicates that unions produce. Only
 * the first few are kept: a person fixes one field at a time.
 */
export function fromValibot(issues: readonly v.BaseIssue<unknown>[], limit = 5): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const item = { path: issuePath(issue.path), message: issue.message };
    const key = formatIssue(item);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** A parse that either gives the value or says, field by field, what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** The first issue as one line, prefixed with where the input came from. */
export function firstProblem(source: string, issues: readonly FieldIssue[]): string {
  const first = issues[0];
  return first ? `${source}: ${formatIssue(first)}` : `${source}: invalid`;
}
