/**
 * A validator for the part of JSON Schema (draft 2020-12) that `schemas/knobs.schema.json`
 * uses. A keyword outside that part is reported as an error, so the schema cannot quietly
 * rely on something this validator skips.
 */

type Schema = Record<string, unknown>;

/** Keywords that only document a schema. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', '$defs']);

const CHECKED = new Set([
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'items',
  'minItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  '$ref',
]);

/** The schema being applied and the messages found so far. */
interface Run {
  root: Schema;
  errors: string[];
}

/** Returns one message per violation, each starting with the JSON pointer of the value. */
export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const run: Run = { root, errors: [] };
  validate(run, root, value, '');
  return run.errors;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`$ref ${ref} is not supported: use a #/ pointer`);
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = (target as Schema)[part];
  if (typeof target !== 'object' || target === null) {
    throw new Error(`$ref ${ref} not found in the schema`);
  }
  return target as Schema;
}

function validate(run: Run, schema: Schema, value: unknown, at: string): void {
  const where = at || '/';
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) {
      run.errors.push(`${where}: schema keyword ${keyword} is not supported by this validator`);
    }
  }
  if (typeof schema.$ref === 'string') validate(run, resolveRef(run.root, schema.$ref), value, at);
  if (typeof schema.type === 'string' && !hasType(value, schema.type)) {
    run.errors.push(`${where}: expected ${schema.type}, found ${typeOf(value)}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    const options = JSON.stringify(schema.enum);
    run.errors.push(`${where}: ${JSON.stringify(value)} is not one of ${options}`);
  }
  if (typeof value === 'string') validateString(run, schema, value, at);
  if (Array.isArray(value)) validateArray(run, schema, value, at);
  else if (typeOf(value) === 'object') validateObject(run, schema, value as Schema, at);
}

function validateString(run: Run, schema: Schema, value: string, at: string): void {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    run.errors.push(`${at}: shorter than ${schema.minLength} characters`);
  }
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
    run.errors.push(`${at}: longer than ${schema.maxLength} characters`);
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    run.errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
}

function validateArray(run: Run, schema: Schema, value: unknown[], at: string): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    run.errors.push(`${at}: fewer than ${schema.minItems} items`);
  }
  if (schema.uniqueItems === true) {
    const seen = new Set(value.map((item) => JSON.stringify(item)));
    if (seen.size !== value.length) run.errors.push(`${at}: items are not unique`);
  }
  const items = schema.items;
  if (typeof items === 'object' && items !== null) {
    value.forEach((item, index) => validate(run, items as Schema, item, `${at}/${index}`));
  }
}

function validateObject(run: Run, schema: Schema, value: Schema, at: string): void {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    run.errors.push(`${at || '/'}: fewer than ${schema.minProperties} properties`);
  }
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (!(name in value)) run.errors.push(`${at || '/'}: missing required property ${name}`);
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const names = schema.propertyNames;
  const additional = schema.additionalProperties;
  for (const key of keys) {
    const path = `${at}/${key}`;
    if (typeof names === 'object' && names !== null) {
      validate(run, names as Schema, key, `${path} (name)`);
    }
    if (key in properties) {
      validate(run, properties[key]!, value[key], path);
    } else if (additional === false) {
      run.errors.push(`${path}: property is not allowed`);
    } else if (typeof additional === 'object' && additional !== null) {
      validate(run, additional as Schema, value[key], path);
    }
  }
}
