import { describe, expect, it } from 'vitest';
import { parsePrettyOptions } from '../../src/cli/pretty-options.js';
import { tagMessage } from '../../src/render/pretty-message.js';
import { runCli } from '../helpers/run-cli.js';

describe("a pretty line's message", () => {
  const error = { event: 'error', vendor: 'alibaba', code: 'ApplyTokenOverFlow', category: 'throttling', retryable: true, requestId: '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6' };

  it("puts an API error's essentials before the message", () => {
    expect(tagMessage({ msg: 'ApplyToken failed', mqerr: error }, 'msg')).toBe(
      '[alibaba ApplyTokenOverFlow throttling retryable 5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6] ApplyToken failed',
    );
    expect(tagMessage({ msg: 'x', mqerr: { ...error, vendor: null, retryable: null, requestId: null } }, 'msg')).toBe('[- ApplyTokenOverFlow throttling] x');
    expect(tagMessage({ msg: 'x', mqerr: { ...error, retryable: false } }, 'msg')).toMatch(/^\[alibaba ApplyTokenOverFlow throttling not retryable /);
  });

  it('says success for a success and nothing for a record with no API event', () => {
    expect(tagMessage({ mqerr: { event: 'success', vendor: 'tencent' } }, 'msg')).toBe('[tencent success]');
    expect(tagMessage({ msg: 'GET /healthz 200', mqerr: { event: null } }, 'msg')).toBe('GET /healthz 200');
  });

  it('keeps a record of several lines on one: its first line and how many follow', () => {
    expect(tagMessage({ msg: 'CreateGroupId failed\n  at a\n  at b\n' }, 'msg')).toBe('CreateGroupId failed (+2 lines)');
  });
});

describe('--pretty-option', () => {
  it('takes KEY=VALUE, true and false for yes-or-no options', () => {
    expect(parsePrettyOptions(['translateTime=SYS:HH:MM:ss', 'singleLine=false', 'translateTime=false', 'ignore=pid,hostname'])).toEqual({
      translateTime: false,
      singleLine: false,
      ignore: 'pid,hostname',
    });
  });

  it.each([
    ['translateTime', "--pretty-option expects KEY=VALUE, such as translateTime=SYS:standard, got 'translateTime'"],
    ['=x', "--pretty-option expects KEY=VALUE, such as translateTime=SYS:standard, got '=x'"],
    ['levelfirst=true', '--pretty-option levelfirst: not an option of pino-pretty mqerr passes on (did you mean levelFirst?)'],
    ['colorize=1', "--pretty-option colorize expects true or false, got '1'"],
  ])('refuses %s', (flag, message) => {
    expect(() => parsePrettyOptions([flag])).toThrow(message);
  });
});

describe('tag --pretty', () => {
  it('writes one line per record', async () => {
    const [plain, pretty] = await Promise.all([runCli(['tag', 'fixtures/sample/app.log']), runCli(['tag', '--pretty', 'fixtures/sample/app.log'])]);
    expect(pretty.stdout.split('\n')).toHaveLength(plain.stdout.split('\n').length);
    expect(pretty.stdout).not.toContain('mqerr:');
  });
});
