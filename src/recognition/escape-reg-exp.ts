/**
 * `text` as a regular expression source that matches it literally.
 * @example new RegExp(escapeRegExp('SDK.ServerError')).test('SDKxServerError') // false
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
