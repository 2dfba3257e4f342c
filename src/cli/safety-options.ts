import type { Argv } from 'yargs';

/** `--redact` / `--no-redact`, for every command that prints what logs say. */
export function redactOption<T>(y: Argv<T>) {
  return y.option('redact', {
    type: 'boolean',
    default: true,
    describe: 'redact credentials (AccessKeyId, Signature, SecretId, Authorization, STS tokens) in everything derived from the logs (--no-redact to keep them)',
  });
}

/** `--redact-input`, for `tag`: the records themselves are passed through untouched unless asked. */
export function redactInputOption<T>(y: Argv<T>) {
  return y.option('redact-input', {
    type: 'boolean',
    default: false,
    describe: 'also redact credentials in the records written (by default they pass through untouched)',
  });
}
