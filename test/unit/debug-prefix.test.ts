import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayStartDebugPrefix, takeDebugPrefix } from '../../src/records/debug-prefix.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { scanString } from '../helpers/scan-in-process.js';

const SYNC = '  \x1b[31;1mmqtt-admin:sync \x1b[0m';
/** A namespace from debug's 256-colour palette (supports-color at level 2 or more). */
const GROUPS = '  \x1b[38;5;167;1mmqtt-admin:groups \x1b[0m';

describe('the debug package’s coloured prefix', () => {
  it('takes the prefix off every line, its namespace the stream, and the time since the last message off the last', () => {
    expect(takeDebugPrefix(`${SYNC}DescribeTopicList failed TencentCloudSDKHttpException [Error]: The instance does not exist.`)).toEqual({
      text: 'DescribeTopicList failed TencentCloudSDKHttpException [Error]: The instance does not exist.',
      origin: expect.objectContaining({ stream: 'debug mqtt-admin:sync', pod: null, time: null }),
      partial: false,
    });
    expect(takeDebugPrefix(`${SYNC}    at CommonClient.parseResponse (/srv/app/abstract_client.js:268:37)`)?.text).toBe('    at CommonClient.parseResponse (/srv/app/abstract_client.js:268:37)');
    expect(takeDebugPrefix(`${SYNC}} \x1b[31m+412ms\x1b[0m`)?.text).toBe('}');
    expect(takeDebugPrefix(`${GROUPS}listing groups \x1b[38;5;167m+2s\x1b[0m`)).toMatchObject({ text: 'listing groups', origin: { stream: 'debug mqtt-admin:groups' } });
    for (const unit of ['ms', 's', 'm', 'h', 'd']) expect(takeDebugPrefix(`${SYNC}x \x1b[31m+12${unit}\x1b[0m`)?.text).toBe('x');
    // A JSON line a message holds stays JSON.
    expect(takeDebugPrefix(`${SYNC}{"Response":{"RequestId":"x"}} \x1b[31m+0ms\x1b[0m`)?.text).toBe('{"Response":{"RequestId":"x"}}');
    // A colour the message itself ends with is the message's.
    expect(takeDebugPrefix(`${SYNC}code: \x1b[32m'InternalError'\x1b[39m`)?.text).toBe("code: \x1b[32m'InternalError'\x1b[39m");
    expect(takeDebugPrefix(SYNC)?.text).toBe('');
  });

  it('leaves indented lines that carry no such prefix', () => {
    for (const line of [
      '    at CommonClient.parseResponse (/srv/app/abstract_client.js:268:37)',
      "  requestId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',",
      '  \x1b[90m    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\x1b[39m',
      '   \x1b[31;1mmqtt-admin:sync \x1b[0mthree spaces',
      '  \x1b[31mmqtt-admin:sync \x1b[0mnot bold',
      '  \x1b[31;1mmqtt admin \x1b[0ma namespace has no space',
      '\x1b[31;1mmqtt-admin:sync \x1b[0mno indent',
    ]) {
      expect(takeDebugPrefix(line), JSON.stringify(line)).toBeNull();
    }
  });

  it('is taken by unwrapLine on the line as read and inside an envelope, where it is the application’s own', () => {
    expect(unwrapLine(`${SYNC}ready`)?.origin.stream).toBe('debug mqtt-admin:sync');
    const cri = unwrapLine(`2026-11-22T09:54:00.412Z stderr F ${SYNC}ready \x1b[31m+0ms\x1b[0m`);
    expect(cri).toMatchObject({ text: 'ready', origin: { stream: 'stderr\u0000debug mqtt-admin:sync', time: Date.parse('2026-11-22T09:54:00.412Z') } });
    const docker = unwrapLine(JSON.stringify({ log: `${GROUPS}listing groups\n`, stream: 'stdout', time: '2026-11-22T09:54:00.412Z' }));
    expect(docker).toMatchObject({ text: 'listing groups', origin: { stream: 'stream=stdout\u0000debug mqtt-admin:groups' } });
  });

  it('is taken from a line a runtime split into parts once the parts are joined, not from its first part alone', async () => {
    const error = `${SYNC}DescribeTopicList failed [TencentCloudSDKError] Code=ResourceNotFound.Instance, Message=The instance does not exist., RequestId=1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f \x1b[31m+412ms\x1b[0m`;
    const stack = `${SYNC}    at CommonClient.parseResponse (/srv/app/abstract_client.js:268:37)`;
    const next = `${GROUPS}listing groups \x1b[38;5;167m+0ms\x1b[0m`;
    // The first part alone carries the prefix: peeled by itself it would name a stream its other parts are not in.
    expect(unwrapLine(`2026-11-22T09:54:00.412Z stderr P ${error.slice(0, 60)}`)).toMatchObject({ text: error.slice(0, 60), partial: true, origin: { stream: 'stderr' } });
    const cri = [
      `2026-11-22T09:54:00.412Z stderr P ${error.slice(0, 60)}`,
      `2026-11-22T09:54:00.412Z stderr P ${error.slice(60, 120)}`,
      `2026-11-22T09:54:00.412Z stderr F ${error.slice(120)}`,
      `2026-11-22T09:54:00.413Z stderr F ${stack}`,
      `2026-11-22T09:54:00.414Z stderr F ${next}`,
    ];
    const docker = [
      JSON.stringify({ log: error.slice(0, 70), stream: 'stderr', time: '2026-11-22T09:54:00.412Z' }),
      JSON.stringify({ log: `${error.slice(70)}\n`, stream: 'stderr', time: '2026-11-22T09:54:00.412Z' }),
      JSON.stringify({ log: `${stack}\n`, stream: 'stderr', time: '2026-11-22T09:54:00.413Z' }),
      JSON.stringify({ log: `${next}\n`, stream: 'stderr', time: '2026-11-22T09:54:00.414Z' }),
    ];
    for (const lines of [cri, docker]) {
      const { events, summary } = await scanString(`${lines.join('\n')}\n`);
      expect(summary.totals).toMatchObject({ records: 2, errors: 1 });
      expect(events.filter((e) => e.event !== null).map((e) => [e.line, e.code, e.requestId])).toEqual([[1, 'ResourceNotFound.Instance', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f']]);
    }
  });

  it('is looked for by the fast path wherever it may be: its check is a superset', () => {
    const piece = fc.constantFrom('', ' ', '  ', '\x1b[', '\x1b[31;1m', '\x1b[38;5;167;1m', '\x1b[0m', '\x1b[31m+0ms\x1b[0m', 'mqtt:sync', 'x', ';1m', '3', '{}');
    const prefix = fc.constantFrom(SYNC, GROUPS, '  \x1b[36;1ma \x1b[0m', '');
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), prefix, fc.array(piece, { maxLength: 6 }), (before, p, after) => {
        const line = before.join('') + p + after.join('');
        if (takeDebugPrefix(line) !== null) {
          taken++;
          expect(mayStartDebugPrefix(line, 0, line.length), JSON.stringify(line)).toBe(true);
          expect(mayBeWrapped(line), JSON.stringify(line)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(500);
  });
});
