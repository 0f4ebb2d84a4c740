/**
 * Values for the fuzz test, made from the JSON Schemas `GET /api` serves: a plausible input for a
 * method (so calls reach the services, not only the validator) and hostile variants of it. All
 * choices come from one seeded generator, so a run is repeatable from its seed.
 */
import { Random as Rng } from '../../electron/demo/random';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The part of JSON Schema (draft 2020-12, as zod writes it) the generator reads. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  enum?: Json[];
  const?: Json;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: Json;
}

/** The demo's seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export { Rng };

/** Hostile mutations; the first three belong to the date/text/reference checks (see the test). */
export const MUTATIONS = [
  'impossible_date',
  'lone_surrogate',
  'missing_id',
  'wrong_type',
  'huge_string',
  'odd_text',
  'proto_key',
  'extreme_number',
  'enum_lookalike',
  'big_array',
  'drop_required',
  'null',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-45',
  '0000-00-00',
  '2025-02-29',
  '9999-12-31',
  '1899-12-31',
  '2026-04-31T10:00:00Z',
  '2026-06-15T24:61:00Z',
  '2026-00-10',
];
export const LONE_SURROGATES = ['\ud800', 'a\udc00b', '客户\udbff', '\udfff\ud800'];
const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e右到左',
  '\u200b',
  '😀'.repeat(40),
  'Ｕｎｉｃｏｄｅ　全角',
  '%s%n',
  "'; drop table accounts; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '\r\n\t',
  'null',
  'NaN',
  '-1',
  '1e999',
];
const ENUM_LOOKALIKES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];
const WRONG_TYPES: readonly Json[] = ['1', 1, 1.5, true, [], {}, [1], { a: 1 }];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const EXTREME_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];
/** Ids that exist in no table of the seeded data. */
export const MISSING_IDS = [999_999, 2_147_483_647, 9_007_199_254_740_991];

/** Strings a `pattern` may accept: the first one it accepts is used. */
const PATTERN_CANDIDATES = [
  '2026-03-16',
  '2026-03-16T09:30:00Z',
  '2026-03-16T09:30:00.000Z',
  '2026-03',
  '2026',
  '110000',
  '110101',
  '09:30',
  'A1',
  'abc',
  'a',
  '1',
  '91110000600037341L',
  'LSVAU2180N2183294',
  '京A12345',
  'HT-2026-001',
  '13800138000',
];

const TEXT_POOL = ['北京', '客户', '车队', 'Fleet', 'a', '1', ' ', '公司', '-', '帕萨特'];

/** What the generator knows about the seeded data: ids that exist. */
export interface GenContext {
  ids: readonly number[];
  /** Enum values found anywhere in the method's schema: free-text fields sometimes get one (a
   * filter's `field` names a sortable column). */
  words?: readonly string[];
}

/** Every enum string in a schema. */
export function vocabulary(schema: Schema): string[] {
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        if (key === 'enum' && Array.isArray(value))
          value.forEach((v) => typeof v === 'string' && words.add(v));
        else walk(value);
  };
  walk(schema);
  return [...words];
}

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function isIdLike(schema: Schema): boolean {
  return (
    types(schema).includes('integer') &&
    schema.exclusiveMinimum === 0 &&
    (schema.maximum ?? 0) > 1e12
  );
}

function branches(schema: Schema): Schema[] | null {
  return schema.anyOf ?? schema.oneOf ?? null;
}

function patternString(schema: Schema): string {
  const re = new RegExp(schema.pattern!, 'u');
  return PATTERN_CANDIDATES.find((c) => re.test(c)) ?? 'x';
}

function text(rng: Rng, schema: Schema, ctx?: GenContext): string {
  if (schema.format === 'date-time') return '2026-03-16T09:30:00.000Z';
  if (schema.format === 'uri') return 'https://example.com/notice/1';
  if (schema.format === 'email') return 'li.ming@example.com';
  if (schema.pattern) return patternString(schema);
  if (ctx?.words?.length && rng.chance(0.3)) return rng.pick(ctx.words);
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 24, Math.max(min, 24));
  let s = '';
  const want = rng.int(Math.max(min, 1), Math.max(min, Math.min(max, 12)));
  while ([...s].length < want) s += rng.pick(TEXT_POOL);
  return [...s].slice(0, Math.max(want, min)).join('');
}

function numberIn(rng: Rng, schema: Schema, integer: boolean): number {
  const lo =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
  const hi =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
  const candidates = [lo, hi, Math.min(hi, Math.max(lo, 1)), Math.min(hi, Math.max(lo, 3))];
  if (hi - lo < 1e6) candidates.push(lo + Math.floor((hi - lo) / 2));
  const n = rng.pick(candidates);
  return integer ? Math.round(n) : n;
}

/** A value the schema accepts (as far as the generator can tell), reaching into the services. */
export function validValue(schema: Schema, rng: Rng, ctx: GenContext, depth = 0): Json {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const options = branches(schema);
  if (options) {
    const nonNull = options.filter((o) => !types(o).includes('null'));
    return validValue(
      nonNull.length > 0 && rng.chance(0.8) ? rng.pick(nonNull) : rng.pick(options),
      rng,
      ctx,
      depth + 1,
    );
  }
  const type = rng.pick(types(schema).length > 0 ? types(schema) : ['string']);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
      if (isIdLike(schema)) return rng.chance(0.9) ? rng.pick(ctx.ids) : rng.pick(MISSING_IDS);
      return numberIn(rng, schema, true);
    case 'number':
      return numberIn(rng, schema, false);
    case 'string':
      return text(rng, schema, ctx);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      const n = depth > 6 ? min : rng.int(min, Math.max(min, max));
      return Array.from({ length: n }, () => validValue(schema.items ?? {}, rng, ctx, depth + 1));
    }
    case 'object': {
      const out: Record<string, Json> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        if (required.has(key) || (depth < 6 && rng.chance(0.6)))
          out[key] = validValue(prop, rng, ctx, depth + 1);
      const extra = schema.additionalProperties;
      if (typeof extra === 'object' && depth < 6) {
        const keys = schema.propertyNames?.enum ?? [text(rng, schema.propertyNames ?? {})];
        for (let i = rng.int(0, 2); i > 0; i--)
          out[String(rng.pick(keys))] = validValue(extra, rng, ctx, depth + 1);
      }
      return out;
    }
    default:
      return rng.pick<Json>(['x', 1, true, null, {}]);
  }
}

/** A path into a JSON value and the schema found there. */
interface Site {
  path: (string | number)[];
  schema: Schema;
}

/** Every place in `value` the schema describes (objects' present keys, arrays' items). */
function sites(value: Json, schema: Schema, path: (string | number)[] = []): Site[] {
  const here: Site[] = [{ path, schema }];
  const options = branches(schema);
  if (options) {
    // The branch whose type fits the value is the one the generator took (near enough).
    const fit =
      options.find((o) => types(o).includes(jsonType(value))) ??
      options.find((o) => types(o).length === 0) ??
      options[0]!;
    return [...here, ...sites(value, fit, path).slice(1)];
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => here.push(...sites(v, schema.items!, [...path, i])));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value))
    for (const [key, v] of Object.entries(value)) {
      const prop =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
      here.push(...sites(v, prop, [...path, key]));
    }
  return here;
}

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `value` with the node at `path` replaced (`undefined`: the key removed). */
function replaceAt(value: Json, path: (string | number)[], next: Json | undefined): Json {
  if (path.length === 0) return next ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number]!, rest, next);
    return copy;
  }
  const entries = Object.entries(value as Record<string, Json>);
  if (next === undefined && rest.length === 0)
    return Object.fromEntries(entries.filter(([key]) => key !== head));
  return Object.fromEntries(
    entries.map(([key, v]) => [key, key === head ? replaceAt(v, rest, next) : v]),
  );
}

/** An own property named `__proto__` (as JSON.parse makes it), not the prototype. */
function withOwnKey(obj: Record<string, Json>, key: string, value: Json): Record<string, Json> {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** What `mutation` does at a site: a new value, removing the key, or nothing (does not apply). */
type Change = { value: Json } | { drop: true } | null;

function put(value: Json | null | false): Change {
  return value === false ? null : { value };
}

function mutant(mutation: Mutation, site: Site, current: Json, rng: Rng): Change {
  const t = types(site.schema);
  const stringy =
    typeof current === 'string' ||
    t.includes('string') ||
    (branches(site.schema) ?? []).some((b) => types(b).includes('string'));
  const numeric = typeof current === 'number' || t.includes('integer') || t.includes('number');
  switch (mutation) {
    case 'impossible_date': {
      const dated =
        site.schema.format === 'date-time' ||
        /\\d\{4\}/.test(site.schema.pattern ?? '') ||
        /^\d{4}-\d{2}/.test(String(current));
      return dated ? put(rng.pick(IMPOSSIBLE_DATES)) : null;
    }
    case 'lone_surrogate':
      return typeof current === 'string' ? put(`${current}${rng.pick(LONE_SURROGATES)}`) : null;
    case 'missing_id':
      return isIdLike(site.schema) ? put(rng.pick(MISSING_IDS)) : null;
    case 'wrong_type':
      return put(rng.pick<Json>(WRONG_TYPES.filter((v) => jsonType(v) !== jsonType(current))));
    case 'huge_string': {
      if (!stringy) return null;
      const unit = rng.pick(['x', '客', '😀', 'a ']);
      const max = site.schema.maxLength ?? 100;
      const n = rng.pick([max, max + 1, 100_000]);
      return put(unit.repeat(n).slice(0, n));
    }
    case 'odd_text':
      return stringy ? put(rng.pick(ODD_TEXT)) : null;
    case 'proto_key': {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
      const inner = rng.pick<Json>([{ polluted: true }, 'x', 1, null, []]);
      return put(withOwnKey(current, rng.pick(PROTO_KEYS), inner));
    }
    case 'extreme_number':
      return numeric ? put(rng.pick(EXTREME_NUMBERS)) : null;
    case 'enum_lookalike':
      return site.schema.enum || stringy ? put(rng.pick(ENUM_LOOKALIKES)) : null;
    case 'big_array': {
      if (!Array.isArray(current)) return null;
      const n = rng.pick([(site.schema.maxItems ?? 10) + 1, 5000]);
      return put(Array.from({ length: n }, () => current[0] ?? 1));
    }
    case 'drop_required':
      return site.path.length > 0 ? { drop: true } : null;
    case 'null':
      return put(null);
  }
}

export interface FuzzCase {
  input: Json | undefined;
  /** What was done to a plausible input (`plain`: nothing; `whole`: the input replaced). */
  mutation: Mutation | 'plain' | 'whole';
  /** Where (dotted path), for the report. */
  at: string;
}

const WHOLE_INPUTS: (Json | undefined)[] = [undefined, null, [], 'x', 0, true, [{}]];

/**
 * Case `index` of a method: `{}` first, then a plausible input; after that every fifth case is a
 * whole-input oddity (null, an array, a string …) and the others a plausible input with one
 * hostile change (or, now and then, none).
 */
export function fuzzCase(schema: Schema, index: number, rng: Rng, ctx: GenContext): FuzzCase {
  if (index === 0) return { input: {}, mutation: 'whole', at: '' };
  if (index % 5 === 4) {
    const input = WHOLE_INPUTS[Math.floor(index / 5) % WHOLE_INPUTS.length];
    return { input, mutation: 'whole', at: '' };
  }
  const base = validValue(schema, rng, ctx);
  if (index === 1 || rng.chance(0.15)) return { input: base, mutation: 'plain', at: '' };
  const mutation = rng.pick(MUTATIONS);
  const all = sites(base, schema);
  // Try sites in a random order until the mutation fits one.
  for (let tries = 0; tries < 12; tries++) {
    const site = rng.pick(all);
    const current = site.path.reduce<Json>(
      (v, k) => (v as Record<string | number, Json>)[k as never] as Json,
      base,
    );
    const change = mutant(mutation, site, current, rng);
    if (!change) continue;
    const input = replaceAt(base, site.path, 'drop' in change ? undefined : change.value);
    return { input, mutation, at: site.path.join('.') || '(input)' };
  }
  return { input: base, mutation: 'plain', at: '' };
}
