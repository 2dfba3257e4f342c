import { describe, expect, it } from 'vitest';
import { findTeaErrors } from '../../src/recognition/find-tea-errors.js';

describe('findTeaErrors', () => {
  it('reads the code before Node and Java `code: NNN, `', () => {
    expect(findTeaErrors('InstanceNotFound: code: 404, Failed to find the instance. request id: X')).toEqual([{ code: 'InstanceNotFound', status: 404, at: 0 }]);
  });

  it("reads Python's `Error: <Code> code: NNN, `", () => {
    expect(findTeaErrors('Error: Throttling.User code: 400, Request was denied request id: X')).toEqual([{ code: 'Throttling.User', status: 400, at: 7 }]);
  });

  it('finds nothing where the code is missing (Java TeaException) or the status is not three digits', () => {
    expect(findTeaErrors('code: 400, Request was denied request id: X')).toEqual([]);
    expect(findTeaErrors('Foo: code: 40, x')).toEqual([]);
    expect(findTeaErrors('message: code: 400, x')).toEqual([]);
  });

  it('stays linear on a long run of code characters before the mark', () => {
    const text = 'A'.repeat(200_000) + ' code: 400, x';
    expect(findTeaErrors(text)).toEqual([]);
    expect(findTeaErrors('code: '.repeat(50_000))).toEqual([]);
  });
});
