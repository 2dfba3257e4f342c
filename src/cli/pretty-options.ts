import { closestWord } from './closest-word.js';
import { ExitError } from '../errors.js';

/** pino-pretty's options that `--pretty-option` may set, and what each takes. */
const KNOWN: Record<string, 'boolean' | 'string' | 'string-or-boolean'> = {
  colorize: 'boolean',
  colorizeObjects: 'boolean',
  crlf: 'boolean',
  errorProps: 'string',
  hideObject: 'boolean',
  ignore: 'string',
  include: 'string',
  levelFirst: 'boolean',
  levelKey: 'string',
  levelLabel: 'string',
  messageFormat: 'string',
  messageKey: 'string',
  minimumLevel: 'string',
  singleLine: 'boolean',
  timestampKey: 'string',
  translateTime: 'string-or-boolean',
};

/**
 * Parses `--pretty-option KEY=VALUE` flags into pino-pretty options:
 * `true`/`false` for its yes-or-no options, text for the others.
 * @example parsePrettyOptions(['translateTime=SYS:HH:MM:ss', 'singleLine=false']) // { translateTime: 'SYS:HH:MM:ss', singleLine: false }
 */
export function parsePrettyOptions(flags: readonly string[]): Record<string, string | boolean> {
  const options: Record<string, string | boolean> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new ExitError(`--pretty-option expects KEY=VALUE, such as translateTime=SYS:standard, got '${flag}'`);
    const key = flag.slice(0, eq);
    const value = flag.slice(eq + 1);
    const kind = KNOWN[key];
    if (kind === undefined) {
      const near = closestWord(key, Object.keys(KNOWN));
      throw new ExitError(`--pretty-option ${key}: not an option of pino-pretty mqerr passes on${near ? ` (did you mean ${near}?)` : ''}; known: ${Object.keys(KNOWN).join(', ')}`);
    }
    if (kind !== 'string' && (value === 'true' || value === 'false')) options[key] = value === 'true';
    else if (kind === 'boolean') throw new ExitError(`--pretty-option ${key} expects true or false, got '${value}'`);
    else options[key] = value;
  }
  return options;
}
