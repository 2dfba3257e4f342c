import { describe, expect, it } from 'vitest';
import { takeLogStream } from '../../src/records/log-stream-prefix.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';

const TASK = '0123456789abcdef0123456789abcdef';
const STAMP = '2026-11-22T10:00:02.950000+00:00';

describe('takeLogStream', () => {
  it('takes the log streams CloudWatch names by their form, with what they say of the container or pod', () => {
    expect(takeLogStream(`ecs/inventory/${TASK} Traceback (most recent call last):`)).toEqual({
      text: 'Traceback (most recent call last):',
      origin: { pod: null, container: 'inventory', namespace: null, host: null, unit: null, stream: `logStream=ecs/inventory/${TASK}`, time: null, zoned: false },
    });
    expect(takeLogStream(`2026/11/22/[$LATEST]${TASK} START RequestId: x`)?.text).toBe('START RequestId: x');
    expect(takeLogStream('i-0abc12345678def90 boom')?.origin.stream).toBe('logStream=i-0abc12345678def90');
    expect(takeLogStream('8cb8b7fd-3662-4120-95bc-efff637c7220 [Container] 2019/11/27 22:56:14 Phase complete')?.text).toBe('[Container] 2019/11/27 22:56:14 Phase complete');
    expect(takeLogStream(`fluentbit-kube.var.log.containers.api-7d9f-abcde_iot_api-${TASK}${TASK}.log boom`)?.origin).toMatchObject({ pod: 'api-7d9f-abcde', namespace: 'iot', container: 'api' });
  });

  it('leaves an application\'s first word in its line', () => {
    for (const text of ['ERROR sync failed', 'Traceback (most recent call last):', '/app/main.py:12 boom', '[main] INFO ok', 'GET /api/v1 200', 'a/b: refused', 'com.example.App boom', 'x/*/y boom']) {
      expect(takeLogStream(text), text).toBeNull();
    }
  });
});

describe("aws logs tail's lines", () => {
  it('give their stream only after the time aws-cli prints', () => {
    expect(unwrapLine(`${STAMP} ecs/inventory/${TASK}     at x (y.js:1:2)`)).toMatchObject({ text: '    at x (y.js:1:2)', origin: { container: 'inventory', time: Date.UTC(2026, 10, 22, 10, 0, 2, 950) } });
    // kubectl's --timestamps: nanoseconds and Z; the word after it is the application's.
    expect(unwrapLine(`2026-11-22T10:00:02.950000000Z ecs/inventory/${TASK} boom`)).toMatchObject({ text: `ecs/inventory/${TASK} boom`, origin: { container: null } });
  });
});
