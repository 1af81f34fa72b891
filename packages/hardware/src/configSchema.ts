/**
 * The shape of a rack configuration as a valibot schema: which fields exist, their types and
 * ranges, each with a message that names what was expected and shows what was given (escaped
 * and cut, see ./shown.ts). What depends on the chosen model is checked in ./config.ts.
 */
import * as v from 'valibot';
import { COMPARISON_MODEL_IDS } from './comparisonModels.ts';
import { MODEL_IDS } from './models.ts';
import { PCI_ADAPTER_IDS } from './parts.ts';
import { RACK_HEIGHT_U } from './racks.ts';
import { describeValue, safeText, shown } from './shown.ts';

/** Valid system ids: a letter, then up to 15 letters, digits, `_` or `-`. */
export const SYSTEM_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
/**
 * Tallest rack a configuration may declare with `heightU` (a 48U cabinet: the comparison page's
 * cluster equivalent of a full rack needs one). The rule, shared with the scene: a rack is drawn
 * as tall as it says, at least the standard 42U, and the parser refuses anything taller than this
 * or any system above the rack's own top, so no system can sit outside the drawn frame.
 */
export const MAX_RACK_HEIGHT_U = 48;
/** Name given to a rack configuration without one. */
export const DEFAULT_RACK_NAME = 'ftServer rack';
/** Most systems in one rack: eight 4300s fill 42U, and smaller racks hold fewer. */
const MAX_SYSTEMS = 42;
const MAX_NAME_LENGTH = 64;
/** More adapters than any model has slots: the model check names the real limit. */
const MAX_ADAPTERS_LISTED = 16;

type Issue = v.BaseIssue<unknown>;

/**
 * An object accepting only `entries`: an unknown field is named with the valid ones, a missing
 * one with what it should hold (`required`), anything else with what it is.
 */
function fields<const E extends v.ObjectEntries>(
  entries: E,
  example: string,
  required: Readonly<Record<string, string>>,
) {
  const allowed = Object.keys(entries).join(', ');
  const notObject = (i: Issue) =>
    `expected an object like ${example}, got ${describeValue(i.input)}`;
  // valibot takes an array for an object; a configuration never holds one where an object goes.
  const plainObject = v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
    notObject,
  );
  const object = v.strictObject(entries, (issue: Issue) => {
    if (issue.expected === 'never') return `unknown field; valid fields: ${allowed}`;
    if (issue.received === 'undefined' && issue.expected?.startsWith('"')) {
      return `missing; expected ${required[issue.expected.slice(1, -1)] ?? 'a value'}`;
    }
    return notObject(issue);
  });
  // Unknown fields are named before any other problem (valibot's strictObject checks them last):
  // a field meant for another kind of rack is the likeliest mistake.
  const knownOnly = v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const input = dataset.value;
    const key = Object.keys(input).find((k) => !Object.hasOwn(entries, k));
    if (key === undefined) return;
    addIssue({
      message: `unknown field; valid fields: ${allowed}`,
      path: [{ type: 'object', origin: 'key', input, key, value: input[key] }],
    });
  });
  return v.pipe(plainObject, knownOnly, object);
}

/** A whole number; with `range`, also within `min..max` (else `range` says what is allowed). */
function integer(what: string, range?: { min: number; max: number; says: string }) {
  const whole = v.pipe(
    v.number((i: Issue) => `expected ${what}, got ${describeValue(i.input)}`),
    v.check(
      (n: number) => Number.isInteger(n),
      (i: Issue) => `expected ${what}, got ${describeValue(i.input)}`,
    ),
  );
  if (!range) return whole;
  return v.pipe(
    whole,
    v.check(
      (n: number) => n >= range.min && n <= range.max,
      (i: Issue) => `${describeValue(i.input)} is ${range.says}`,
    ),
  );
}

function name(what: string) {
  return v.pipe(
    v.string((i: Issue) => `expected ${what} (a string), got ${describeValue(i.input)}`),
    v.check(
      (s: string) => s.trim() !== '' && s.length <= MAX_NAME_LENGTH,
      `expected a non-empty name of at most ${MAX_NAME_LENGTH} characters`,
    ),
  );
}

function word<const T extends readonly string[]>(options: T, what: string, valid: string) {
  return v.picklist(options, (i: Issue) =>
    typeof i.input === 'string'
      ? `unknown ${what} '${safeText(i.input)}'; valid ${valid}: ${options.join(', ')}`
      : `expected ${what} (a string), got ${describeValue(i.input)}; valid ${valid}: ${options.join(', ')}`,
  );
}

const systemId = v.pipe(
  v.string((i: Issue) => `expected a system id (a string), got ${describeValue(i.input)}`),
  v.regex(
    SYSTEM_ID_PATTERN,
    (i: Issue) =>
      `${describeValue(i.input)} is not a valid id: use a letter, then up to 15 letters, digits, '_' or '-'`,
  ),
);

/** The fields of one system; `comparison` adds the comparison machines and `mirroredDisks`. */
function systemSchema(comparison: boolean) {
  const models = comparison ? ([...MODEL_IDS, ...COMPARISON_MODEL_IDS] as const) : MODEL_IDS;
  const modes = comparison ? (['dmr', 'tmr', 'simplex'] as const) : (['dmr', 'tmr'] as const);
  const validModes = modes.join(', ');
  const common = {
    id: systemId,
    name: v.optional(name('a system name')),
    model: word(models, 'model', 'models'),
    positionU: integer('a whole number of rack units (U1 is the bottom of the rack)', {
      min: 1,
      max: MAX_RACK_HEIGHT_U,
      says: `outside the rack: U1 is the bottom and U${MAX_RACK_HEIGHT_U} the top`,
    }),
    // Which mode a model may run is checked with the catalog in ./config.ts.
    mode: v.optional(
      v.picklist(modes, (i: Issue) =>
        typeof i.input === 'string'
          ? `${shown(i.input)} is not a mode; valid: ${validModes}`
          : `expected a mode (a string), got ${describeValue(i.input)}; valid: ${validModes}`,
      ),
    ),
    // The options of these depend on the model: ./config.ts checks them against the catalog.
    processorsPerElement: v.optional(integer('a number of processors per element')),
    memoryGB: v.optional(integer('a memory size in GB')),
    disks: v.optional(integer('a number of disks per I/O element')),
    pciAdapters: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.string((i: Issue) => `expected an adapter id string, got ${describeValue(i.input)}`),
            v.picklist(
              PCI_ADAPTER_IDS,
              (i: Issue) =>
                `unknown PCI adapter ${describeValue(i.input)}; valid adapters: ${PCI_ADAPTER_IDS.join(', ')}`,
            ),
          ),
          (i: Issue) => `expected an array of adapter ids, got ${describeValue(i.input)}`,
        ),
        v.maxLength(MAX_ADAPTERS_LISTED, `expected at most ${MAX_ADAPTERS_LISTED} adapters`),
      ),
    ),
    // Accepted only in comparison racks; ./config.ts says which machines may carry it.
    mirroredDisks: v.optional(
      v.boolean((i: Issue) => `expected true or false, got ${describeValue(i.input)}`),
    ),
  };
  const { mirroredDisks, ...ftServerOnly } = common;
  return fields(
    comparison ? { ...ftServerOnly, mirroredDisks } : ftServerOnly,
    '{ "id": "A", "model": "4300", "positionU": 1 }',
    {
      id: 'a system id like "A"',
      model: `a model: ${models.join(', ')}`,
      positionU: 'the rack unit of the chassis bottom, e.g. 1',
    },
  );
}

/** The whole rack; `comparison` also accepts `clusters` (their shape: ./clusterConfig.ts). */
function rackSchemaOf(comparison: boolean) {
  const common = {
    name: v.optional(name('a rack name')),
    heightU: v.optional(
      integer('a rack height in rack units', {
        min: 1,
        max: MAX_RACK_HEIGHT_U,
        says: `not between 1 and ${MAX_RACK_HEIGHT_U} (the tallest rack the twin draws; ${RACK_HEIGHT_U}U is the standard)`,
      }),
    ),
    systems: v.pipe(
      v.array(
        systemSchema(comparison),
        (i: Issue) => `expected an array of systems, got ${describeValue(i.input)}`,
      ),
      v.minLength(1, 'expected at least one system'),
      v.maxLength(MAX_SYSTEMS, `expected at most ${MAX_SYSTEMS} systems`),
    ),
    clusters: v.optional(v.unknown()),
  };
  const { clusters, ...ftServerOnly } = common;
  return fields(
    comparison ? { ...ftServerOnly, clusters } : ftServerOnly,
    '{ "systems": [{ "id": "A", "model": "4300", "positionU": 1 }] }',
    { systems: 'an array of systems like [{ "id": "A", "model": "4300", "positionU": 1 }]' },
  );
}

/** The ftServer rack configuration, before the catalog checks. */
export const rackSchema = rackSchemaOf(false);
/** A comparison rack (issue 11): also conventional servers, disk arrays and clusters. */
export const comparisonRackSchema = rackSchemaOf(true);

type FtServerRack = v.InferOutput<typeof rackSchema>;
/** One system as either schema reads it (`mirroredDisks` only from a comparison rack). */
export type SystemInput = FtServerRack['systems'][number] & { mirroredDisks?: boolean };
/** A rack as either schema reads it (`clusters` only from a comparison rack, shape unchecked). */
export type RackInput = Omit<FtServerRack, 'systems'> & {
  systems: SystemInput[];
  clusters?: unknown;
};

/** `systems[1].positionU` from a valibot issue path; `(root)` for the whole configuration. */
export function issuePath(path: Issue['path']): string {
  if (!path || path.length === 0) return '(root)';
  let out = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]{0,40}$/.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${describeValue(key, 40)}]`;
  }
  return out;
}
