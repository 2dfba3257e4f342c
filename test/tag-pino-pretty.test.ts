import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/run-cli.js';

describe('mqerr tag | pino-pretty', () => {
  it('renders every tagged record, text records included, with level and the mqerr fields', () => {
    const tagged = execFileSync(process.execPath, [CLI, 'tag', '--errors-only', 'fixtures/sample/app.log'], { cwd: ROOT, encoding: 'utf8' });
    const pretty = execFileSync(join(ROOT, 'node_modules/.bin/pino-pretty'), ['--no-colorize', '--translateTime', 'UTC:yyyy-mm-dd HH:MM:ss'], {
      cwd: ROOT,
      input: tagged,
      encoding: 'utf8',
    });
    // Every record with a level gets a header line; a raw response body has no level of its own and is kept as it is.
    const withLevel = tagged.trim().split('\n').filter((l) => 'level' in (JSON.parse(l) as object));
    const headers = pretty.split('\n').filter((l) => /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] ERROR/.test(l));
    expect(headers).toHaveLength(withLevel.length);
    expect(withLevel.length).toBe(tagged.trim().split('\n').length - 1);
    expect(pretty).toContain('"code": "RequestLimitExceeded"');
    expect(pretty).toContain('"code": "ApplyTokenOverFlow"');
    expect(pretty).toContain('"requestId": "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"');
    expect(pretty).toContain('[2026-11-22 09:45:00] ERROR: 2026/11/22 09:45:00 [TencentCloudSDKError] Code=AuthFailure.SignatureExpire');
  });
});
