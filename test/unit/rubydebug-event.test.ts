import { describe, expect, it } from 'vitest';
import { readRubydebugEvent } from '../../src/records/rubydebug-event.js';

const block = (...lines: string[]): string => lines.join('\n');

describe('an event Logstash’s rubydebug codec printed', () => {
  it('is read as the hash it printed: strings, a bare timestamp, numbers, nil, nested hashes and arrays', () => {
    const text = block(
      '{',
      '    "@timestamp" => 2026-11-22T09:44:35.480Z,',
      '          "host" => {',
      '        "name" => "api-7d9f"',
      '    },',
      '        "offset" => 1234,',
      '          "tags" => [',
      '        [0] "multiline",',
      '        [1] "_grokparsefailure"',
      '    ],',
      '         "empty" => {},',
      '          "none" => nil,',
      '       "message" => "ERROR boom \\"x\\" \\\\ \\#{y}\\n\\tat a.b(C.java:1)\\e[0m \\u00e9\\u{1F600}"',
      '}',
    );
    expect(readRubydebugEvent(text)).toEqual({
      '@timestamp': '2026-11-22T09:44:35.480Z',
      host: { name: 'api-7d9f' },
      offset: 1234,
      tags: ['multiline', '_grokparsefailure'],
      empty: {},
      none: null,
      message: 'ERROR boom "x" \\ #{y}\n\tat a.b(C.java:1)\u001b[0m é😀',
    });
  });

  it('takes CRLF lines and a blank line after the block', () => {
    expect(readRubydebugEvent('{\r\n    "message" => "boom"\r\n}\r\n\n')).toEqual({ message: 'boom' });
  });

  it('is not a JSON object, util.inspect’s block, a truncated block or one with a line of another form', () => {
    expect(readRubydebugEvent('{\n  "message": "boom"\n}')).toBeNull();
    expect(readRubydebugEvent("{\n  code: 'InstanceNotFound',\n  requestId: '0A1B'\n}")).toBeNull();
    expect(readRubydebugEvent('{\n    "message" => "boom",\n    "@version" => "1"')).toBeNull();
    expect(readRubydebugEvent('{\n    "message" => "boom",\n    at x (a.js:1:1)\n}')).toBeNull();
    expect(readRubydebugEvent('{\n    "message" => "boom\\"\n}')).toBeNull();
    expect(readRubydebugEvent('{ "message" => "boom" }')).toBeNull();
  });
});
