/**
 * mqerr's top-level help as the build stored it (scripts/store-help.mjs ran
 * the full CLI to get it), with what the text depends on.
 */
export interface StoredHelp {
  /** The wrap width the text was made at (see help-width.ts). */
  width: number;
  /** The arguments (each alone on the command line) yargs answers with this text. */
  args: string[];
  /** yargs' locale files that translate it (every one but English). */
  translatedLocales: string[];
  /** What yargs printed on stdout. */
  text: string;
}

/** What a locale name may look like for this module to reason about it: no dots or slashes, so never a path. */
const PLAIN_LOCALE = /^[\w@-]*$/;

/**
 * Whether yargs' help would be in English for this environment: yargs takes
 * the first of LC_ALL, LC_MESSAGES, LANG and LANGUAGE that is set (else
 * en_US), drops any `.charset` or `:modifier`, and y18n reads the locale file
 * of that name, or else of its language (`de` for `de_AT`) when it has an
 * underscore; no file means yargs' own English strings.
 */
function yargsSpeaksEnglish(env: NodeJS.ProcessEnv, translatedLocales: readonly string[]): boolean {
  const locale = (env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || env['LANGUAGE'] || 'en_US').replace(/[.:].*/, '');
  if (!PLAIN_LOCALE.test(locale) || translatedLocales.includes(locale)) return false;
  return !(locale.includes('_') && translatedLocales.includes(locale.split('_')[0] ?? ''));
}

/**
 * The stored help text when it is exactly what yargs would print for `mqerr
 * <args>` here: the arguments are one help request, the wrap width is the
 * one it was made at, and yargs would speak English. Otherwise null, and
 * yargs answers. A test compares both answers.
 *
 * @example
 * answerFromStoredHelp(help, ['--help'], { LANG: 'C.UTF-8' }, 110); // help.text
 * answerFromStoredHelp(help, ['--help'], { LANG: 'de_DE.UTF-8' }, 110); // null: yargs translates
 */
export function answerFromStoredHelp(help: StoredHelp, args: readonly string[], env: NodeJS.ProcessEnv, width: number): string | null {
  if (args.length !== 1 || !help.args.includes(args[0] ?? '') || width !== help.width) return null;
  return yargsSpeaksEnglish(env, help.translatedLocales) ? help.text : null;
}
