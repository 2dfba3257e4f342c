import { describe, expect, it } from 'vitest';
import { expandDottedKeys, hasDottedKey, isFieldElement, isKeyValueList, keyValueNames, keyValueObject } from '../../src/records/json-normal-form.js';

/** A plain copy, so that objects without a prototype compare with literals. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('dotted keys', () => {
  it('expand into nested objects, merged with the objects already there, which are not changed', () => {
    const written = { 'error.code': 'Throttling.User', 'http.request.id': 'R-1', error: { message: 'denied' }, level: 'error' };
    expect(hasDottedKey(written)).toBe(true);
    expect(plain(expandDottedKeys(written))).toEqual({ error: { message: 'denied', code: 'Throttling.User' }, http: { request: { id: 'R-1' } }, level: 'error' });
    expect(written.error).toEqual({ message: 'denied' });
  });

  it('keep a path as written where it runs into a value that is no object, or where the nested field is already there', () => {
    expect(plain(expandDottedKeys({ error: 'boom', 'error.code': 'X' }))).toEqual({ error: 'boom', 'error.code': 'X' });
    expect(plain(expandDottedKeys({ error: { code: 'A' }, 'error.code': 'B' }))).toEqual({ error: { code: 'A' }, 'error.code': 'B' });
    expect(plain(expandDottedKeys({ 'a.b': 1, 'a.b.c': 2 }))).toEqual({ a: { b: 1 }, 'a.b.c': 2 });
  });

  it('leave keys with an empty part, or deeper than eight parts, as they are', () => {
    for (const key of ['.code', 'code.', 'a..code', 'a.b.c.d.e.f.g.h.code']) expect(hasDottedKey({ [key]: 1 })).toBe(false);
    expect(hasDottedKey({ 'a.b.c.d.e.f.g.code': 1 })).toBe(true);
  });

  it('make `__proto__` a key, never a prototype', () => {
    const expanded = expandDottedKeys(JSON.parse('{"__proto__.code":"X","a.__proto__":{"b":1}}'));
    expect(Object.getPrototypeOf(expanded)).toBeNull();
    expect(Object.keys(expanded)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
  });
});

describe('key/value lists', () => {
  it('read as one object, OTLP typed values read as what they hold', () => {
    const list = [
      { key: 'error.code', value: { stringValue: 'InstanceNotFound' } },
      { key: 'http.status_code', value: { intValue: '404' } },
      { key: 'big', value: { intValue: '18446744073709551615' } },
      { key: 'ok', value: { boolValue: false } },
      { key: 'err', value: { kvlistValue: { values: [{ key: 'requestId', value: { stringValue: 'R-1' } }] } } },
      { key: 'ids', value: { arrayValue: { values: [{ stringValue: 'a' }, { doubleValue: 1.5 }] } } },
      { key: 'empty', value: { kvlistValue: {} } },
      { key: 'raw', value: { stringValue: 'x', extra: 1 } },
    ];
    expect(isKeyValueList(list)).toBe(true);
    expect(keyValueNames(list)).toEqual(['error.code', 'http.status_code', 'big', 'ok', 'err', 'ids', 'empty', 'raw']);
    expect(plain(keyValueObject(list))).toEqual({
      'error.code': 'InstanceNotFound',
      'http.status_code': 404,
      big: '18446744073709551615',
      ok: false,
      err: { requestId: 'R-1' },
      ids: ['a', 1.5],
      empty: {},
      raw: { stringValue: 'x', extra: 1 },
    });
  });

  it('are AWS tags and HAR headers too, a repeated name keeping its last value', () => {
    expect(plain(keyValueObject([{ Key: 'env', Value: 'prod' }, { Key: 'env', Value: 'dev' }]))).toEqual({ env: 'dev' });
    expect(plain(keyValueObject([{ name: 'x-acs-request-id', value: 'R-1' }]))).toEqual({ 'x-acs-request-id': 'R-1' });
  });

  it('are only arrays whose every element is such a pair', () => {
    expect(isKeyValueList([])).toBe(false);
    expect(isKeyValueList([{ key: 'a', value: 1 }, { key: 'b' }])).toBe(false);
    expect(isKeyValueList([{ key: 'a', value: 1, extra: 2 }])).toBe(false);
    expect(isKeyValueList([{ key: 1, value: 1 }])).toBe(false);
    expect(isKeyValueList([{ key: 'a', value: 1 }, { name: 'b', value: 2 }])).toBe(false);
    expect(isKeyValueList([{ key: 'a', value: 1 }, 'b'])).toBe(false);
  });

  it('have pairs and typed values as parts of an object, nothing else', () => {
    expect(isFieldElement({ key: 'k8s.pod.name', value: { stringValue: 'api-1' } })).toBe(true);
    expect(isFieldElement({ stringValue: 'a' })).toBe(true);
    expect(isFieldElement({ arrayValue: { values: [] } })).toBe(true);
    expect(isFieldElement({ message: 'a' })).toBe(false);
    expect(isFieldElement({ key: 'a', value: 1, time: 2 })).toBe(false);
    expect(isFieldElement(['t', 'l'])).toBe(false);
  });
});
