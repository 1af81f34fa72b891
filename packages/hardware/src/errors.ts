/**
 * A configuration that cannot be used. The message always names where the configuration came
 * from (a file name, `URL parameter config`, `preset`) and the field path, e.g.
 * `rack.json: systems[1].positionU: 40 + 10U exceeds the 42U rack`.
 *
 * @example
 * try { parseRackConfig(text, 'rack.json'); } catch (e) { if (e instanceof ConfigError) show(e.message); }
 */
export class ConfigError extends Error {
  /** Where the configuration came from, e.g. `rack.json` or `URL parameter config`. */
  readonly source: string;
  /** Field path inside the configuration, e.g. `systems[1].positionU`; `(root)` for the whole. */
  readonly path: string;
  /** What is wrong, without source and path. */
  readonly detail: string;

  constructor(source: string, path: string, detail: string) {
    super(`${source}: ${path}: ${detail}`);
    this.name = 'ConfigError';
    this.source = source;
    this.path = path;
    this.detail = detail;
  }
}
