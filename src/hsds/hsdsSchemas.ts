import { readdirSync, readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { repoPath } from '../repoPath';

/**
 * The HSDS 3.0 JSON Schemas (schema/hsds/3.0, Open Referral, CC BY-SA 4.0) and
 * the 3.1-dev service_capacity and unit, compiled with ajv. At run time the
 * per-object schemas are used, linked by their `$ref`s (`service.json` refers
 * to `phone.json` …): the same definitions as the inlined compiled/ bundles,
 * which take seconds to compile; the test suite checks exports against the
 * compiled bundles themselves (test/unit/hsdsSchemas.test.ts).
 *
 * The schemas carry keywords that are not JSON Schema (name, path,
 * datapackage_metadata, constraints, example …), so ajv runs with strict off;
 * formats (uuid, uri, email, date-time, date) are checked.
 */
export type HsdsSchemaName =
  | 'service'
  | 'organization'
  | 'service_at_location'
  | 'location'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'service_capacity'
  | 'unit'
  | 'attribute'
  | 'phone'
  | 'contact'
  | 'schedule'
  | 'service_area'
  | 'organization_identifier'
  | 'address'
  | 'language'
  | 'accessibility'
  | 'funding'
  | 'cost_option'
  | 'program'
  | 'required_document'
  | 'metadata'
  | 'meta_table_description';

export interface SchemaProblem {
  /** JSON pointer inside the record, e.g. "/phones/0/number" ("" for the record itself). */
  path: string;
  reason: string;
}

export interface HsdsValidator {
  /** [] when the record is valid. */
  validate(schema: HsdsSchemaName, record: unknown): SchemaProblem[];
  /** The JSON Schema of one object (its `properties`, for the tabular reader's types). */
  schemaOf(schema: HsdsSchemaName): HsdsObjectSchema;
}

export interface HsdsObjectSchema {
  name: string;
  path?: string;
  properties: Record<string, { type?: string; format?: string; $ref?: string; items?: unknown }>;
  required?: string[];
  tabular_required?: string[];
}

export const HSDS_SCHEMA_DIR = repoPath('schema', 'hsds');

let shared: HsdsValidator | null = null;

/** One validator per process (compiling takes a fraction of a second; the schemas never change at run time). */
export function hsdsValidator(): HsdsValidator {
  shared ??= createHsdsValidator();
  return shared;
}

export function createHsdsValidator(): HsdsValidator {
  const ajv = newAjv();
  const schemas = new Map<string, HsdsObjectSchema>();
  for (const dir of ['3.0', '3.1-dev']) {
    for (const file of readdirSync(repoPath('schema', 'hsds', dir))) {
      if (!file.endsWith('.json') || file === 'openapi.json') continue;
      const schema = JSON.parse(readFileSync(repoPath('schema', 'hsds', dir, file), 'utf8')) as HsdsObjectSchema;
      schemas.set(file.replace(/\.json$/, ''), schema);
      ajv.addSchema(schema, file);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(name, record) {
      let validate = compiled.get(name);
      if (!validate) {
        validate = ajv.getSchema(`${name}.json`);
        if (!validate) throw new Error(`hsds/hsdsSchemas: no schema ${name}.json`);
        compiled.set(name, validate);
      }
      return validate(record) ? [] : problemsOf(validate.errors ?? []);
    },
    schemaOf(name) {
      const schema = schemas.get(name);
      if (!schema) throw new Error(`hsds/hsdsSchemas: no schema ${name}.json`);
      return schema;
    },
  };
}

/** An ajv instance set up as the HSDS schemas need (used by the tests for the compiled bundles too). */
export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export function problemsOf(errors: readonly ErrorObject[]): SchemaProblem[] {
  return errors.map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty)}` : '';
    return { path: `${e.instancePath}${missing}`, reason: e.keyword === 'required' ? 'is required' : (e.message ?? e.keyword) };
  });
}
