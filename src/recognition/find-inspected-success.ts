import { eachMatch } from './each-match.js';
import { INSPECTED_REQUEST_ID } from './patterns.js';
import { mapKeysAround } from './printed-map-keys.js';

/**
 * The RequestId of an API's answer that an application printed as its
 * runtime prints a map: Node's util.inspect (`console.log(res)`, `%o`,
 * winston's `%O`), Python's repr of a dict (`logger.info("%r", resp.body.to_map())`),
 * Ruby's inspect of a hash (aliyunsdkcore's answers are hashes), PHP's
 * print_r and var_export of an array (alibabacloud/client's `toArray()`): a map
 * whose own keys are all PascalCase, as both vendors' response fields are,
 * with a RequestId and no `Error` or `Code` of its own.
 * @example findInspectedSuccess("response: { TotalCount: 1, Data: [], RequestId: '507f4e71-0be7-4801-8404-fea997f910dc' }") // '507f4e71-…'
 */
export function findInspectedSuccess(text: string): string | null {
  let found: string | null = null;
  eachMatch(INSPECTED_REQUEST_ID, text, (m) => {
    // Every key of the map, those after the RequestId too (Ruby, Python and PHP keep an answer's order: RequestId often first).
    const keys = mapKeysAround(text, m.index);
    if (keys === null) return false;
    // A RequestId alone is no answer's sign (an application's own map may carry one): some field of the API's beside it.
    if (keys.length < 2 || keys.some((k) => !/^[A-Z]/.test(k) || k === 'Error' || k === 'Code')) return false;
    found = m[1]!;
    return true;
  });
  return found;
}
