const HTML_SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** C0 controls (except tab and newline), DEL and C1: never meaningful in a report. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Makes text safe in HTML element content and in quoted attribute values:
 * log text is data, never markup. Control characters become `\xNN`.
 * @example escapeHtml('<script>alert("x")</script> &amp;') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp;'
 */
export function escapeHtml(text: string | number | boolean | null): string {
  if (text === null) return '';
  return String(text)
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(HTML_SPECIAL, (c) => ENTITY[c]!);
}
