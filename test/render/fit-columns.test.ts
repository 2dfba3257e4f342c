import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns, tableWidth, type TextTable } from '../../src/render/fit-columns.js';

const CODE_TABLE: TextTable = {
  columns: ['vendor', 'code', 'count', 'trend', 'category', 'httpStatus', 'retryable', 'catalogued', 'requestIds'],
  rows: [
    ['tencent', 'ResourceNotFound.Cluster', '3', '▅█▁▁▁▁▁▁▁▁▁▁', 'not-found', '200', 'no', 'no', '0b9e3f3c-6f1d-4f7e-9a3c-2d1e5b7a9c01 7a2c4e6f-8b1d-4c3e-9f5a-1b2c3d4e5f60 c4d5e6f7-0819-4a2b-8c3d-4e5f60718293'],
    ['alibaba', 'ApplyTokenOverFlow', '1', '▁▁▁█▁▁▁▁▁▁▁▁', 'throttling', '400', 'yes', 'yes', '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6'],
  ],
  numeric: [false, false, true, false, false, true, false, false, false],
};

describe('fitting a table to the terminal', () => {
  it('leaves a table that fits as it is', () => {
    expect(fitColumns(CODE_TABLE, 1000)).toBe(CODE_TABLE);
  });

  it('first shows fewer RequestIds, whole, with a count of the rest', () => {
    const fitted = fitColumns(CODE_TABLE, tableWidth(CODE_TABLE) - 10);
    expect(fitted.columns).toEqual(CODE_TABLE.columns);
    expect(fitted.rows[0]![8]).toBe('0b9e3f3c-6f1d-4f7e-9a3c-2d1e5b7a9c01 7a2c4e6f-8b1d-4c3e-9f5a-1b2c3d4e5f60 +1');
  });

  it('then leaves out catalogued, retryable, httpStatus, the RequestIds and the trend, in that order', () => {
    const columnsAt = (width: number): string[] => fitColumns(CODE_TABLE, width).columns;
    expect(columnsAt(121)).toEqual(['vendor', 'code', 'count', 'trend', 'category', 'httpStatus', 'requestIds']);
    expect(columnsAt(120)).toEqual(['vendor', 'code', 'count', 'trend', 'category', 'requestIds']);
    expect(columnsAt(80)).toEqual(['vendor', 'code', 'count', 'trend', 'category']);
    expect(columnsAt(60)).toEqual(['vendor', 'code', 'count', 'category']);
  });

  it('cuts text only when nothing is left to leave out', () => {
    const fitted = fitColumns(CODE_TABLE, 45);
    expect(fitted.columns).toEqual(['vendor', 'code', 'count', 'category']);
    expect(fitted.rows[0]![1]).toMatch(/…$/);
    expect(tableWidth(fitted)).toBeLessThanOrEqual(45);
  });

  it('never cuts a RequestId, and fits whenever the key columns can', () => {
    const id = fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}$/);
    const row = fc.tuple(fc.stringMatching(/^[A-Za-z.]{1,30}$/), fc.nat(99999), fc.array(id, { maxLength: 5 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.integer({ min: 30, max: 200 }), (rows, width) => {
        const table: TextTable = {
          columns: ['code', 'count', 'requestIds', 'retryable'],
          rows: rows.map(([code, count, ids, retryable]) => [code, String(count), ids.join(' '), retryable ? 'yes' : 'no']),
          numeric: [false, true, false, false],
        };
        const fitted = fitColumns(table, width);
        expect(tableWidth(fitted)).toBeLessThanOrEqual(width);
        expect(fitted.columns.slice(0, 2)).toEqual(['code', 'count']);
        const at = fitted.columns.indexOf('requestIds');
        if (at < 0) return;
        fitted.rows.forEach((r, i) => {
          const shown = r[at]!.split(' ').filter((t) => t !== '' && !t.startsWith('+'));
          expect(rows[i]![2].slice(0, shown.length)).toEqual(shown);
        });
      }),
    );
  });
});
