import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CATEGORIES } from '../types.js';
import { SUMMARY_SCHEMA, SUMMARY_SCHEMA_V1 } from './summary.js';
import { DIMENSIONS } from './cross-tabs.js';

const count = { type: 'integer', minimum: 0 } as const;
const nullableString = { type: ['string', 'null'] } as const;
/** Times as `toISOString` writes them, so merged ranges stay comparable. */
const isoTime = { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$' }] } as const;
const keyCounts = {
  type: 'array',
  items: { type: 'object', required: ['key', 'count'], properties: { key: nullableString, count } },
} as const;

/**
 * The parts of a summary that merging reads, checked before any is used:
 * a summary file is input like any other, and a hand-edited or truncated
 * one must fail with a message, not a stack trace or a wrong total.
 * Fields a later version adds are allowed.
 */
const SCHEMA = {
  type: 'object',
  required: [
    'schema', 'catalog', 'samples', 'totals', 'byCategory', 'byCode', 'byVendor', 'byHttpStatus', 'byAction', 'byPod', 'byContainer',
    'successesByVendor', 'successesByAction', 'sources',
  ],
  properties: {
    schema: { enum: [SUMMARY_SCHEMA_V1, SUMMARY_SCHEMA] },
    catalog: { type: 'object', required: ['version', 'entries'], properties: { version: { type: 'string' }, entries: count } },
    samples: count,
    totals: {
      type: 'object',
      required: ['lines', 'records', 'errors', 'successes', 'truncated', 'undecodable'],
      properties: {
        lines: count, records: count, errors: count, successes: count, truncated: count, undecodable: count, otherProducts: count, otherCloud: count,
        repeatsAcrossInputs: count,
      },
    },
    byProduct: {
      type: 'array',
      items: {
        type: 'object',
        required: ['vendor', 'product', 'counted', 'count', 'successes', 'codes'],
        properties: {
          vendor: nullableString,
          product: nullableString,
          counted: { type: 'boolean' },
          count,
          successes: count,
          codes: { type: 'array', items: { type: 'object', required: ['code', 'count'], properties: { code: nullableString, count } } },
        },
      },
    },
    countedProducts: { anyOf: [{ const: 'all' }, { type: 'array', items: nullableString }] },
    otherClouds: {
      type: 'array',
      items: { type: 'object', required: ['cloud', 'count'], properties: { cloud: { type: 'string' }, count } },
    },
    byCategory: { type: 'object', propertyNames: { enum: [...CATEGORIES] }, additionalProperties: count },
    byCode: {
      type: 'array',
      items: {
        type: 'object',
        required: ['vendor', 'code', 'catalogued', 'category', 'count', 'requestIds', 'firstSeen', 'lastSeen'],
        properties: {
          vendor: nullableString,
          code: nullableString,
          catalogued: { type: 'boolean' },
          category: { enum: [...CATEGORIES] },
          section: nullableString,
          httpStatus: { type: ['integer', 'null'] },
          retryable: { type: ['boolean', 'null'] },
          clientSide: { type: 'boolean' },
          count,
          requestIds: { type: 'array', items: { type: 'string' } },
          firstSeen: isoTime,
          lastSeen: isoTime,
          recommend: { type: 'string', pattern: '^https://', maxLength: 2048 },
        },
      },
    },
    byVendor: keyCounts,
    byHttpStatus: keyCounts,
    byAction: keyCounts,
    byPod: keyCounts,
    byContainer: keyCounts,
    successesByVendor: keyCounts,
    successesByAction: keyCounts,
    uncatalogued: {
      type: 'array',
      items: {
        type: 'object',
        required: ['vendor', 'code', 'count', 'parent', 'sample'],
        properties: {
          vendor: nullableString,
          code: { type: 'string' },
          count,
          parent: nullableString,
          sample: { type: 'object', required: ['source', 'line', 'text'], properties: { source: { type: 'string' }, line: count, text: { type: 'string' } } },
        },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['dimensions', 'rows'],
        properties: {
          dimensions: { type: 'array', minItems: 2, items: { enum: [...DIMENSIONS] } },
          rows: {
            type: 'array',
            items: { type: 'object', required: ['count'], properties: { count, overflow: { const: true } }, additionalProperties: nullableString },
          },
        },
      },
    },
    window: { type: 'object', required: ['before', 'after', 'untimed'], properties: { before: count, after: count, untimed: count } },
    overflow: { type: 'object', required: ['maxKeys', 'folded'], properties: { maxKeys: count, folded: { type: 'object', additionalProperties: count } } },
    timeSeries: { type: 'object', required: ['buckets'], properties: { buckets: { type: 'array', items: { type: 'object' } } } },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'lines', 'bytes', 'records', 'errors', 'successes', 'firstSeen', 'lastSeen', 'error'],
        properties: {
          name: { type: 'string' },
          lines: count,
          bytes: count,
          records: count,
          errors: count,
          successes: count,
          firstSeen: isoTime,
          lastSeen: isoTime,
          error: nullableString,
          id: nullableString,
          alsoGivenAs: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

let validator: ValidateFunction | undefined;

/**
 * Checks that `value` is a summary `mqerr scan --format json` wrote; returns
 * what is wrong with it, naming the field, or null when it is one.
 * @example validateSummary({ schema: 'mqerr.summary/2' }) // "field 'catalog' is missing"
 */
export function validateSummary(value: unknown): string | null {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(SCHEMA);
  if (validator(value)) return missingInVersion2(value as Record<string, unknown>);
  return describe(validator.errors?.[0]);
}

/** What a `mqerr.summary/2` summary must have beyond a /1 one. */
const VERSION_2_FIELDS = ['byProduct', 'countedProducts', 'otherClouds'] as const;
const VERSION_2_TOTALS = ['otherProducts', 'otherCloud'] as const;

function missingInVersion2(summary: Record<string, unknown>): string | null {
  if (summary['schema'] !== SUMMARY_SCHEMA) return null;
  for (const field of VERSION_2_FIELDS) if (!(field in summary)) return `field '${field}' is missing`;
  const totals = summary['totals'] as Record<string, unknown>;
  for (const field of VERSION_2_TOTALS) if (!(field in totals)) return `field 'totals.${field}' is missing`;
  return null;
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'not a summary';
  const where = error.instancePath.split('/').slice(1).join('.');
  if (error.keyword === 'required') {
    const field = (error.params as { missingProperty: string }).missingProperty;
    return `field '${where ? `${where}.` : ''}${field}' is missing`;
  }
  if (error.keyword === 'propertyNames') {
    const name = (error.params as { propertyName: string }).propertyName;
    return `field '${where}' has an unknown key ${JSON.stringify(name)}`;
  }
  if (error.keyword === 'enum') return `field '${where}' must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (error.keyword === 'const') return `field '${where}' must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
  if (error.keyword === 'anyOf' && /(?:firstSeen|lastSeen)$/.test(where)) return `field '${where}' must be null or an ISO time such as 2026-11-22T09:44:34.085Z`;
  return `field '${where || '(root)'}' ${error.message ?? 'is invalid'}`;
}
