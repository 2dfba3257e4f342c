/**
 * JSON field names walk-json reads, lower-cased with `_` and `-` removed
 * (`Request_Id`, `err-code` and `X-Acs-Request-Id` are read as written
 * `requestid`, `errcode`, `xacsrequestid`), and what they hold. A code or
 * RequestId field is what makes a JSON object an error or a success, so
 * the gates admit these two sets' words however they are spelled
 * (see candidate-gate.ts). Chinese names too (`"错误码"`, `"请求ID"`), as
 * applications for these vendors' home market name their fields.
 */
export const CODE_KEYS: ReadonlySet<string> = new Set(['code', 'errorcode', 'errcode', '错误码', '错误代码', '错误编码']);
export const REQUEST_ID_KEYS: ReadonlySet<string> = new Set(['requestid', 'xacsrequestid', 'xtcrequestid', '请求id']);
export const MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'errormessage', 'errmsg', '错误信息']);
export const ACTION_KEYS: ReadonlySet<string> = new Set(['action', 'xtcaction', 'xacsaction', 'apiname', 'api']);
