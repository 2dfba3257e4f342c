import { describe, expect, it } from 'vitest';
import type { LineSink } from '../../src/lines/quiet-lines.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { classifyBlock } from '../helpers/classify-block.js';
import { fixtureFiles } from '../helpers/fixture-files.js';

/** The loud lines of `buf`, decoded, each with whether it was handed on as plain. */
function loudLines(buf: Buffer, wasm: boolean): { text: string; plain: boolean }[] {
  const out: { text: string; plain: boolean }[] = [];
  const sink: LineSink = {
    quiet: () => {},
    loud: (b, start, end, plain) => out.push({ text: b.toString('utf8', start, end), plain: plain === true }),
  };
  classifyBlock(buf, sink, wasm);
  return out;
}

describe('a loud line handed on as plain', () => {
  it('is a line the unwrapper leaves as it is, in every fixture, with either gate search', () => {
    let plain = 0;
    for (const [, bytes] of fixtureFiles()) {
      for (const wasm of [true, false]) {
        for (const line of loudLines(bytes, wasm)) {
          if (!line.plain) continue;
          plain++;
          expect(unwrapLine(line.text), line.text).toBeNull();
        }
      }
    }
    // The fixtures hold JSON error lines without envelopes and stack traces without wrappers: the flag is at work.
    expect(plain).toBeGreaterThan(1000);
  });

  it('is a JSON error line without an envelope, or a text line without a wrapper; an enveloped or wrapped line, and a malformed JSON line, are not', () => {
    const lines = [
      '{"level":50,"time":1795340674085,"err":{"requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","code":"ResourceNotFound.Topic"}}',
      '{"log":"{\\"code\\":\\"InternalError\\",\\"requestId\\":\\"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\\"}\\n","stream":"stderr","time":"2026-11-22T09:44:34.085Z"}',
      '2026-11-22 09:44:30,112 ERROR app: code: InternalError requestId: 6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61',
      '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)',
      '{"code":"InternalError","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61",}',
      '[pod/api-1/app] 2026-11-22 09:44:30,112 ERROR app: code: InternalError',
      '2026-11-22T09:44:34.085Z stderr F code: InternalError',
      '2026-11-22T09:44:34.085Z \tat com.example.App.main(App.java:10)',
      'Nov 22 09:44:34 node-1 app[12]: code: InternalError',
      'api-1  | code: InternalError',
      'mqtt-admin-7d9f8c6b5-x2k4p app code: InternalError',
      '\x1b[31m[mqtt-admin-7d9f8c6b5-x2k4p] code: InternalError \x1b(B\x1b[m',
    ];
    for (const wasm of [true, false]) {
      expect(loudLines(Buffer.from(lines.join('\n')), wasm).map((l) => l.plain)).toEqual([true, false, true, true, false, false, false, false, false, false, false, false]);
    }
  });
});
