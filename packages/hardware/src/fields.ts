/**
 * Small typed readers for untrusted configuration objects. Each failure throws a
 * {@link ConfigError} naming the source and the field path.
 */
import { ConfigError } from './errors.ts';

/** Reads fields of one JSON object, tracking the source and the path for error messages. */
export class FieldReader {
  constructor(
    readonly source: string,
    readonly path: string,
    readonly obj: Readonly<Record<string, unknown>>,
  ) {}

  /** Wraps `value` as an object reader, or throws if it is not a plain JSON object. */
  static of(source: string, path: string, value: unknown): FieldReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ConfigError(source, path || '(root)', `expected an object, got ${describe(value)}`);
    }
    return new FieldReader(source, path, value as Record<string, unknown>);
  }

  /** Path of a field of this object, e.g. `systems[1].positionU`. */
  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  fail(key: string, detail: string): never {
    throw new ConfigError(this.source, this.at(key), detail);
  }

  /** Rejects any field not in `allowed`. */
  onlyKnown(allowed: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key))
        this.fail(key, `unknown field; valid fields: ${allowed.join(', ')}`);
    }
  }

  has(key: string): boolean {
    return Object.hasOwn(this.obj, key) && this.obj[key] !== undefined;
  }

  private required(key: string, what: string): unknown {
    if (!this.has(key)) this.fail(key, `missing; expected ${what}`);
    return this.obj[key];
  }

  string(key: string): string {
    const v = this.required(key, 'a string');
    if (typeof v !== 'string') this.fail(key, `expected a string, got ${describe(v)}`);
    return v;
  }

  integer(key: string): number {
    const v = this.required(key, 'an integer');
    if (typeof v !== 'number' || !Number.isInteger(v))
      this.fail(key, `expected an integer, got ${describe(v)}`);
    return v;
  }

  boolean(key: string): boolean {
    const v = this.required(key, 'true or false');
    if (typeof v !== 'boolean') this.fail(key, `expected true or false, got ${describe(v)}`);
    return v;
  }

  array(key: string): readonly unknown[] {
    const v = this.required(key, 'an array');
    if (!Array.isArray(v)) this.fail(key, `expected an array, got ${describe(v)}`);
    return v;
  }

  /** Reads an optional field with `read`, or returns `fallback` when it is absent. */
  optional<T>(key: string, read: (key: string) => T, fallback: T): T {
    return this.has(key) ? read.call(this, key) : fallback;
  }
}

/** A short description of a value for error messages: its type and, if short, its JSON. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `${typeof value} ${shown}`;
}
