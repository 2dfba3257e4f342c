import { RICH_LEVEL_WIDTH, richLevelColumn } from './continuation.js';

/** The caller's file and line in the right column of rich's first line: `topics.py:34`. */
const CALLER = /^[^\s:]{1,256}:\d{1,7}$/;

/**
 * The message of a record Python's rich logging handler laid out in
 * columns, as the application wrote it: rich wraps a message within its
 * column at spaces, indenting each further line to it, and puts the
 * caller's file and line at the right of the first line — so a JSON body
 * or a sentence it wrapped is no longer one text. The first line's message
 * (without the caller) and each further line's text in the message column
 * are joined by a space. Null for a record of one line or of another layout.
 * @example richMessage('[09:59:02] INFO     answered: {"TotalCount": 1,   topics.py:34\n                    "RequestId": "5e6f…"}') // 'answered: {"TotalCount": 1, "RequestId": "5e6f…"}'
 */
export function richMessage(record: string): string | null {
  // The level column is looked for in the record's first characters before its first line is cut out.
  const column = richLevelColumn(record);
  if (column === 0) return null;
  const firstEnd = record.indexOf('\n');
  if (firstEnd < 0 || richLevelColumn(record.slice(0, firstEnd)) !== column) return null;
  const start = column + RICH_LEVEL_WIDTH;
  const parts = [withoutCaller(record.slice(start, firstEnd))];
  for (let at = firstEnd + 1; at < record.length; ) {
    let end = record.indexOf('\n', at);
    if (end < 0) end = record.length;
    if (indentedTo(record, at, end, start)) parts.push(record.slice(at + start, end).trimEnd());
    at = end + 1;
  }
  return parts.join(' ');
}

/** The first line's message without the caller's file and line rich right-aligns after it. */
function withoutCaller(text: string): string {
  const trimmed = text.trimEnd();
  const space = trimmed.lastIndexOf(' ');
  if (space < 1 || trimmed.charCodeAt(space - 1) !== 0x20 || !CALLER.test(trimmed.slice(space + 1))) return trimmed;
  return trimmed.slice(0, space).trimEnd();
}

/** Whether `record[at, end)` is blank up to `column` and has text there. */
function indentedTo(record: string, at: number, end: number, column: number): boolean {
  if (end - at <= column || record.charCodeAt(at + column) === 0x20) return false;
  for (let i = at; i < at + column; i++) if (record.charCodeAt(i) !== 0x20) return false;
  return true;
}
