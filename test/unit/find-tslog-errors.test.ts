import { describe, expect, it } from 'vitest';
import { findTslogErrors } from '../../src/recognition/find-tslog-errors.js';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext } from '../helpers/context.js';

const CATALOGUED = new Set(['ResourceNotFound.Instance', 'InstanceNotFound', 'InternalError']);
const isCode = (value: string): boolean => CATALOGUED.has(value);
const TENCENT = ' Error  The instance does not exist., 8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a, 9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b, ResourceNotFound.Instance';
const STACK = '\nerror stack:\n  • abstract_client.js\tCommonClient.parseResponse\n\t/srv/app/abstract_client.js:268';

describe('tslog’s pretty error line', () => {
  it('gives the catalogued code and the UUID among the values that follow the message', () => {
    const text = `2026-11-22 09:56:00.640\tERROR\t\tclient-audit\tDescribeClientList failed\n\n${TENCENT}${STACK}`;
    expect(findTslogErrors(text, isCode)).toEqual([
      { code: 'ResourceNotFound.Instance', requestId: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a', message: 'The instance does not exist.', at: text.indexOf(TENCENT) },
    ]);
    // Every error of a record: a cause printed after its error has a line and a stack of its own.
    const two = findTslogErrors(`x\n${TENCENT}${STACK}\n Error  boom, 1C2D3E4F-5A6B-4C7D-8E9F-0A1B2C3D4E5F, InternalError${STACK}`, isCode);
    expect(two.map((e) => [e.code, e.requestId])).toEqual([
      ['ResourceNotFound.Instance', '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a'],
      ['InternalError', '1C2D3E4F-5A6B-4C7D-8E9F-0A1B2C3D4E5F'],
    ]);
  });

  it('takes no value for a code that the catalog does not list, nor the message, nor a value that only holds a code', () => {
    const [uncatalogued] = findTslogErrors(` Error  boom, 8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a, ResourceNotFound.Topic${STACK}`, isCode);
    expect(uncatalogued).toMatchObject({ code: null, requestId: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a' });
    expect(findTslogErrors(` Error  InternalError${STACK}`, isCode)[0]!.code).toBeNull();
    expect(findTslogErrors(` Error  boom, code InternalError, ECONNRESET${STACK}`, isCode)[0]).toMatchObject({ code: null, requestId: null });
  });

  it('reads only the line right before `error stack:`, in tslog’s form', () => {
    for (const text of [`Error  boom, InternalError${STACK}`, ` Error boom, InternalError${STACK}`, ` Error  boom, InternalError\nerror stack: none`, `${TENCENT}\n\nerror stack:\n`]) {
      expect(findTslogErrors(text, isCode).filter((e) => e.code !== null), JSON.stringify(text)).toEqual([]);
    }
  });

  it('makes an API error of the record, its vendor told by the code and the id’s case', () => {
    const [recognized] = recognizeAll(`2026-11-22 09:56:00.640\tERROR\t\tclient-audit\tDescribeClientList failed\n\n${TENCENT}${STACK}`, builtInContext());
    expect(recognized).toMatchObject({ event: 'error', vendor: 'tencent', code: 'ResourceNotFound.Instance', requestId: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a' });
    const [unlisted] = recognizeAll(`2026-11-22 09:56:00.640\tERROR\t\tclient-audit\tfailed\n\n Error  boom, 8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a, Foo.Bar${STACK}`, builtInContext());
    expect(unlisted!.code).toBeNull();
  });
});
