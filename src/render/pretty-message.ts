/** The parts of a tagged record's `mqerr` object a pretty line shows. */
interface TagEssentials {
  event?: string | null;
  vendor?: string | null;
  code?: string | null;
  category?: string | null;
  retryable?: boolean | null;
  requestId?: string | null;
  otherCloud?: string | null;
}

/**
 * The message of a tagged record on one pretty line: an API error's
 * essentials in brackets before the record's message (`[alibaba
 * ApplyTokenOverFlow throttling retryable 5E0B…]`), a success as
 * `[tencent success]`, and nothing for a record with no API event. A message
 * of several lines (a stack trace) shows its first line and how many follow,
 * so one record stays one line.
 * @example tagMessage({ msg: 'ApplyToken failed', mqerr: { event: 'error', vendor: 'alibaba', code: 'ApplyTokenOverFlow', category: 'throttling', retryable: true, requestId: null } }, 'msg')
 * // '[alibaba ApplyTokenOverFlow throttling retryable] ApplyToken failed'
 */
export function tagMessage(log: Record<string, unknown>, messageKey: string): string {
  const message = oneLine(log[messageKey]);
  const tag = essentials(log['mqerr']);
  return tag === '' ? message : message === '' ? tag : `${tag} ${message}`;
}

function essentials(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const m = value as TagEssentials;
  if (m.otherCloud) return `[${m.otherCloud} error, set apart]`;
  if (m.event === 'success') return `[${m.vendor ?? '-'} success]`;
  if (m.event !== 'error') return '';
  const retry = m.retryable === true ? 'retryable' : m.retryable === false ? 'not retryable' : null;
  const parts = [m.vendor ?? '-', m.code ?? '-', m.category ?? 'unknown', retry, m.requestId ?? null].filter((p) => p !== null);
  return `[${parts.join(' ')}]`;
}

function oneLine(value: unknown): string {
  if (value === undefined || value === null) return '';
  const lines = (typeof value === 'string' ? value : JSON.stringify(value)).split(/\r?\n/);
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.length > 1 ? `${lines[0]} (+${lines.length - 1} lines)` : lines[0]!;
}
