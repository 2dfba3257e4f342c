import { describe, expect, it } from 'vitest';
import { findPhpCoreErrors } from '../../src/recognition/find-php-core-errors.js';

const knows = (code: string): boolean => ['ApplyTokenOverFlow', 'Throttling.User'].includes(code);
const ID = ' RequestID: 8D3E1F5A-2B4C-4D6E-8F0A-1B2C3D4E5F60';

describe('findPhpCoreErrors', () => {
  it('takes the code after the exception class, whether the catalog knows it or not', () => {
    expect(findPhpCoreErrors(`Uncaught ServerException: InvalidInstanceId.NotFound No such instance. HTTP Status: 404${ID}`, knows)).toEqual([
      { code: 'InvalidInstanceId.NotFound', status: 404, at: 26 },
    ]);
    const monolog = `{"exception":"[object] (ServerException(code: 0): Foo.Bar It failed: badly. HTTP Status: 400${ID} at x.php:85)"}`;
    expect(findPhpCoreErrors(monolog, knows)[0]).toMatchObject({ code: 'Foo.Bar', status: 400 });
  });

  it('takes, where an application logged the message itself, the first word after a colon that the catalog knows', () => {
    expect(findPhpCoreErrors(`app.ERROR: ApplyToken failed: ApplyTokenOverFlow Too many: slow down. HTTP Status: 400${ID}`, knows)[0]).toMatchObject({ code: 'ApplyTokenOverFlow' });
    // No class and no word the catalog knows: the SDK's text without a code.
    expect(findPhpCoreErrors(`sync failed: unexpected answer HTTP Status: 503${ID}`, knows)).toEqual([{ code: null, status: 503, at: 30 }]);
  });

  it('reads a message on its own line only, and needs the whole tail', () => {
    expect(findPhpCoreErrors(`ServerException: Throttling.User x\nsaid HTTP Status: 400${ID}`, knows)).toEqual([{ code: null, status: 400, at: 39 }]);
    expect(findPhpCoreErrors('ServerException: X y HTTP Status: 400 from the gateway', knows)).toEqual([]);
    expect(findPhpCoreErrors('ServerException: X y HTTP Status: 4000 RequestID: z', knows)).toEqual([]);
    // A word ending in its sentence's dot is no code.
    expect(findPhpCoreErrors(`ServerException: Failed. HTTP Status: 400${ID}`, knows)[0]!.code).toBeNull();
  });

  it('finds every text of a record', () => {
    const two = `ServerException: A.B x HTTP Status: 400${ID}\nServerException: C.D y HTTP Status: 404${ID}`;
    expect(findPhpCoreErrors(two, knows).map((e) => [e.code, e.status])).toEqual([['A.B', 400], ['C.D', 404]]);
  });
});
