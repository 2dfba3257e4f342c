import { describe, expect, it } from 'vitest';
import { takeFlyLine } from '../../src/records/fly-logs.js';
import { mayBeWrappedAfterTime } from '../../src/records/may-be-wrapped.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { scanBothPaths } from '../helpers/both-paths.js';

const AT = Date.UTC(2026, 10, 22, 10, 2, 4);
const faint = (text: string): string => `\x1b[2m${text}\x1b[0m`;
const green = (text: string): string => `\x1b[32m${text}\x1b[0m`;
const blue = (text: string): string => `\x1b[34m${text}\x1b[0m`;

describe('`fly logs` lines', () => {
  it('give the line after the level\'s bracket, the Machine as the host, provider and Machine as the stream, and the entry\'s time', () => {
    expect(takeFlyLine('2026-11-22T10:02:04Z app[e286de4f711e86] nrt [info]\tat com.x.A.b(A.java:1)')).toEqual({
      text: '\tat com.x.A.b(A.java:1)',
      origin: expect.objectContaining({ host: 'e286de4f711e86', stream: 'app[e286de4f711e86]', time: AT, zoned: true }),
      partial: false,
    });
    // As flyctl writes them, coloured, and through unwrapLine.
    const coloured = `${faint('2026-11-22T10:02:04Z')} app[3d8d9930f3e089] ${green('nrt')} [${blue('info')}]2026-11-22 10:02:04.530 ERROR x`;
    expect(unwrapLine(coloured)).toMatchObject({ text: '2026-11-22 10:02:04.530 ERROR x', origin: { host: '3d8d9930f3e089', time: AT } });
    expect(takeFlyLine('2026-11-22T18:02:04+08:00 proxy[e286de4f711e86] sin [error]could not find a good candidate')).toMatchObject({
      origin: { stream: 'proxy[e286de4f711e86]', time: AT },
    });
  });

  it('are told from other lines led by a time: a Heroku dyno, kubectl\'s stamp, a bracket without region and level', () => {
    for (const line of [
      '2026-11-22T10:02:04.123456+00:00 app[web.1]: boom',
      '2026-11-22T10:02:04Z app[e286de4f711e86] [info]boom',
      '2026-11-22T10:02:04Z app[e286de4f711e86] nrt info boom',
      '2026-11-22T10:02:04Z App[e286de4f711e86] nrt [info]boom',
      '2026-11-22 10:02:04 app[e286de4f711e86] nrt [info]boom',
    ]) {
      expect(takeFlyLine(line), line).toBeNull();
    }
  });

  it('are looked for by the fast path after any leading time: its check is a superset of what is taken', () => {
    const times = ['2026-11-22T10:02:04Z ', '2026-11-22T10:02:04.123Z ', '2026-11-22T18:02:04+08:00 '];
    const providers = ['app', 'proxy', 'runner', 'a-b_1', 'App', ''];
    const ids = ['[e286de4f711e86]', '[3d8d9930]', '[]', ''];
    const regions = [' nrt', ' iad', ' NRT', ''];
    const levels = [' [info]', ' [error]', ' info', ''];
    const rests = ['boom', '\tat x', ''];
    let taken = 0;
    for (const time of times) for (const provider of providers) for (const id of ids) for (const region of regions) for (const level of levels) for (const rest of rests) {
      const line = `${time}${provider}${id}${region}${level}${rest}`;
      if (takeFlyLine(line) === null) continue;
      taken++;
      expect(unwrapLine(line)?.origin.stream, line).toBe(`${provider}${id}`);
      expect(mayBeWrappedAfterTime(line, time.length, line.length), line).toBe(true);
    }
    expect(taken).toBe(3 * 4 * 2 * 2 * 2 * 3);
  });

  it('make one record of a stack trace shipped an entry per line, on the fast path as on the full path, two Machines interleaved', async () => {
    const entry = (machine: string, second: number, line: string): string => `2026-11-22T10:02:${String(second).padStart(2, '0')}Z app[${machine}] nrt [info]${line}`;
    const text = [
      entry('e286de4f711e86', 4, '2026-11-22 10:02:04.530 ERROR [exec-3] c.e.m.TopicService - create topic failed'),
      entry('e286de4f711e86', 4, 'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: LimitExceeded message:Quota limit exceeded. requestId:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a'),
      entry('3d8d9930f3e089', 4, '2026-11-22 10:02:04.600 INFO  [main] c.e.m.Health - ok'),
      entry('e286de4f711e86', 4, '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:294)'),
      entry('e286de4f711e86', 5, '\tat com.example.mqtt.TopicService.create(TopicService.java:71)'),
      entry('3d8d9930f3e089', 5, '2026-11-22 10:02:05.100 INFO  [main] c.e.m.Health - ok'),
    ].join('\n');
    const full = await scanBothPaths(`${text}\n`, 64);
    expect(full.summary.totals).toMatchObject({ lines: 6, records: 3, errors: 1 });
    expect(full.events.filter((e) => e.event === 'error').map((e) => [e.code, e.requestId, e.host])).toEqual([['LimitExceeded', '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', 'e286de4f711e86']]);
  });
});
