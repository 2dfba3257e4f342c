import { describe, expect, it } from 'vitest';
import { scanFastPath, scanFullPath } from '../helpers/both-paths.js';
import { scanString } from '../helpers/scan-in-process.js';

/** journalctl's header of 40 characters, and the indent it gives the further lines of the entry's message. */
const HEADER = 'Nov 22 09:44:34 node-1 mqtt-admin[812]: ';
const INDENT = ' '.repeat(HEADER.length);
const SDK_TEXT = 'tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:ResourceNotFound.Topic message:The topic does not exist. requestId:3f2a9b1c-7d4e-4a5b-8c6d-9e0f1a2b3c4d';

/** A Python traceback logged as one journal entry, as `journalctl` prints it. */
const ENTRY = [
  `${HEADER}DescribeTopic failed`,
  `${INDENT}Traceback (most recent call last):`,
  `${INDENT}  File "/app/admin.py", line 88, in sync`,
  `${INDENT}    resp = client.DescribeTopic(req)`,
  `${INDENT}${SDK_TEXT}`,
];

async function errorsOf(lines: string[]) {
  const { events, summary } = await scanString(lines.join('\n'));
  return { errors: events.filter((e) => e.event === 'error').map((e) => ({ line: e.line, host: e.host, code: e.code })), records: summary.totals.records };
}

describe('journalctl’s multi-line messages', () => {
  it('joins the lines indented by the header’s width to the entry: its host, its first line', async () => {
    const { errors, records } = await errorsOf([`Nov 22 09:44:33 node-1 mqtt-admin[812]: syncing`, ...ENTRY, 'Nov 22 09:44:35 node-1 mqtt-worker[813]: next']);
    expect(errors).toEqual([{ line: 2, host: 'node-1', code: 'ResourceNotFound.Topic' }]);
    expect(records).toBe(3);
  });

  it('keeps an empty line of the message (printed as the indent alone, or trimmed) in the entry', async () => {
    for (const blank of [INDENT, '']) {
      const { errors, records } = await errorsOf([...ENTRY.slice(0, 4), blank, ...ENTRY.slice(4)]);
      expect(errors, JSON.stringify(blank)).toEqual([{ line: 1, host: 'node-1', code: 'ResourceNotFound.Topic' }]);
      expect(records).toBe(1);
    }
  });

  it('ends the entry at a line indented less than the header, or not at all', async () => {
    for (const cut of ['    not the entry’s', 'a line of its own']) {
      const { errors } = await errorsOf([ENTRY[0]!, cut, ...ENTRY.slice(1)]);
      expect(errors, cut).toHaveLength(1);
      expect(errors[0]!.host, cut).toBeNull();
    }
  });

  it('gives the fast path what the full path gives, however the bytes are cut', async () => {
    const text = Buffer.from([...ENTRY, 'Nov 22 09:44:35 node-1 mqtt-worker[813]: next', '2026-11-22 09:44:36,000 INFO app: quiet', ...ENTRY].join('\n'));
    const full = await scanFullPath([text]);
    expect(full.events.filter((e) => e.event === 'error').map((e) => [e.line, e.host])).toEqual([
      [1, 'node-1'],
      [8, 'node-1'],
    ]);
    for (const size of [1, 7, 64, text.length]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.subarray(i * size, (i + 1) * size));
      const fast = scanFastPath(chunks);
      expect(fast.summary, `chunks of ${size}`).toEqual(full.summary);
      expect(fast.tag, `chunks of ${size}`).toBe(full.tag);
    }
  });
});
