import { redactSecrets } from '../redaction/redact-secrets.js';

const SAFE_WORD = /^[A-Za-z0-9_/.,:=@%+-]+$/;

/**
 * The command as a POSIX shell would run it again, for the report's footer.
 * Arguments that need it are single-quoted; credentials are redacted.
 * @example describeCommandLine(['scan', 'logs/*.gz', '--report', 'a b.html']) // "mqerr scan 'logs/*.gz' --report 'a b.html'"
 */
export function describeCommandLine(argv: readonly string[]): string {
  return redactSecrets(['mqerr', ...argv].map(quote).join(' '));
}

function quote(arg: string): string {
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
