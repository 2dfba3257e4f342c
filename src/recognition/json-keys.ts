/**
 * JSON field names walk-json reads, lower-cased with `_` and `-` removed
 * (`Request_Id`, `err-code` and `X-Acs-Request-Id` are read as written
 * `requestid`, `errcode`, `xacsrequestid`), and what they hold. A code or
 * RequestId field is what makes a JSON object an error or a success, so
 * the gates admit these two sets' words however they are spelled
 * (see candidate-gate.ts).
 */
export const CODE_KEYS: ReadonlySet<string> = new Set(['code', 'errorcode', 'errcode']);
export const REQUEST_ID_KEYS: ReadonlySet<string> = new Set(['requestid', 'xacsrequestid', 'xtcrequestid']);
export const MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'errormessage', 'errmsg']);
export const ACTION_KEYS: ReadonlySet<string> = new Set(['action', 'xtcaction', 'xacsaction', 'apiname', 'api']);
