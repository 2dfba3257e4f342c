import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../src/recognition/strip-ansi.js';

describe('a text as a terminal shows it', () => {
  it('loses colours and cursor moves, inside a word too', () => {
    expect(stripAnsi("code: \u001b[32m'InvalidParameter'\u001b[39m")).toBe("code: 'InvalidParameter'");
    expect(stripAnsi('requestI\u001b[1;92md:2b3c\u001b[0m4d5e-6f7a')).toBe('requestId:2b3c4d5e-6f7a');
  });

  it('loses a hyperlink’s escapes and target, keeping its text (OSC 8, ended by ESC \\ or BEL)', () => {
    const link = '\u001b]8;id=682554;file:///srv/mqtt-ops/app/topics.py\u001b\\\u001b[2mtopics.py\u001b[0m\u001b]8;;\u001b\\';
    expect(stripAnsi(`started   ${link}:15`)).toBe('started   topics.py:15');
    expect(stripAnsi('\u001b]0;window title\u0007text')).toBe('text');
  });

  it('leaves an unterminated OSC’s text as it was, but its two escape characters', () => {
    expect(stripAnsi('\u001b]8;id=1;file:///x and more')).toBe('8;id=1;file:///x and more');
    expect(stripAnsi(`\u001b]${'x'.repeat(3000)}\u0007y`)).toBe(`${'x'.repeat(3000)}\u0007y`);
  });
});
