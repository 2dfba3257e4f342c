import { CODE_SHAPE, UUID_LOWER, UUID_UPPER } from './patterns.js';

/** What an error's properties give in tslog's pretty line: a code, the RequestId beside it, the message. */
export interface TslogError {
  /** A value that is a code (see findTslogErrors), or null. */
  code: string | null;
  /** A value that is a UUID, or null. */
  requestId: string | null;
  /** The first value: the error's message. */
  message: string;
  /** Where the line starts in the text. */
  at: number;
}

/** What follows the error's line in tslog's pretty template (`\n{{errorName}} {{errorMessage}}\nerror stack:\n{{errorStack}}`). */
export const TSLOG_STACK_MARK = '\nerror stack:\n';
/** What tslog joins an error's own properties with: its message, then every other but its stack. */
const VALUE_SEPARATOR = ', ';
/** The longest error line read (an error's properties may print a whole response). */
const MAX_LINE = 65_536;

/**
 * Finds the errors tslog's pretty output prints (tslog 4 and 5, styles on
 * or off once colours are stripped): ` <name>  <message>, <value>, …` on the
 * line before `error stack:`, the values those of the error's own
 * properties, in order and without their names. A value that is a whole
 * UUID is a RequestId; a value that is a whole code (`isCode` says which:
 * the catalog's) is the error's code.
 * @example findTslogErrors(' Error  The instance does not exist., 8d9e…0f1a, t1, ResourceNotFound.Instance\nerror stack:\n', isCatalogued) // [{ code: 'ResourceNotFound.Instance', requestId: '8d9e…0f1a', … }]
 */
export function findTslogErrors(text: string, isCode: (value: string) => boolean): TslogError[] {
  const found: TslogError[] = [];
  for (let mark = text.indexOf(TSLOG_STACK_MARK); mark >= 0; mark = text.indexOf(TSLOG_STACK_MARK, mark + 1)) {
    const at = text.lastIndexOf('\n', mark - 1) + 1;
    if (mark - at > MAX_LINE) continue;
    const values = errorValues(text.slice(at, mark));
    if (values === null) continue;
    let code: string | null = null;
    let requestId: string | null = null;
    for (let i = 1; i < values.length; i++) {
      const value = values[i]!;
      if (requestId === null && value.length === 36 && (UUID_LOWER.test(value) || UUID_UPPER.test(value))) requestId = value;
      else if (code === null && CODE_SHAPE.test(value) && isCode(value)) code = value;
    }
    found.push({ code, requestId, message: values[0]!, at });
  }
  return found;
}

/** The values of an error line ` <name>  <message>, <value>, …`; null for a line of another form. */
function errorValues(line: string): string[] | null {
  if (line.charCodeAt(0) !== 0x20) return null;
  const nameEnd = line.indexOf(' ', 1);
  if (nameEnd <= 1 || line.charCodeAt(nameEnd + 1) !== 0x20) return null;
  return line.slice(nameEnd + 2).split(VALUE_SEPARATOR);
}
