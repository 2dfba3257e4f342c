/** What a flag's value must be, for messages about a missing or wrong one. */
const EXPECTS: Record<string, string> = {
  samples: 'a whole number ≥ 0 (RequestIds kept per code)',
  jobs: 'a whole number ≥ 1 (threads)',
  catalog: 'a catalog file (JSON or YAML)',
  check: 'one or more catalog files, such as --check my-codes.yaml',
  diff: 'one or more catalog files, such as --diff my-codes.yaml',
  suggest: 'a JSON summary, such as --suggest day.json',
  vendor: 'a vendor, such as alibaba or tencent',
  category: 'a category, such as throttling',
  'fail-on': "an expression such as 'throttling>100'",
  since: 'a time such as 24h or 2026-11-21',
  until: 'a time such as 24h or 2026-11-21',
  tz: 'a time zone such as Asia/Shanghai or +08:00',
  'log-tz': 'a time zone such as Asia/Shanghai or +08:00',
  'log-year': 'a year such as 2026',
  'log-date': 'a date such as 2026-11-22',
  report: 'a file name such as day.html',
  'max-line-bytes': 'a size such as 4MB',
  encoding: 'an encoding such as gb18030, gbk or big5',
  every: 'a duration such as 30s',
  interval: 'a duration such as 500ms',
  'metrics-port': 'a port number',
  'metrics-host': 'an address such as 127.0.0.1',
  textfile: 'a file name such as mqerr.prom',
  product: 'product names separated by commas, or all',
  'spike-factor': 'a number such as 3',
  'spike-baseline': 'a whole number from 1 to 12 (complete buckets)',
  'max-keys': 'a whole number (distinct keys per grouping)',
  'pretty-option': 'KEY=VALUE, such as translateTime=SYS:standard',
};

/** What each command's positional arguments must be. */
const POSITIONALS: Record<string, string> = {
  merge: 'merge expects one or more JSON summaries, such as mqerr merge shard-*.json',
  explain: 'explain expects one error code, such as mqerr explain ApplyTokenOverFlow',
};

/** `"a", "b", "c"` → `a, b or c`. */
function listChoices(quoted: string): string {
  const items = quoted.split(/",\s*"/).map((s) => s.replace(/^"|"$/g, ''));
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The parts of `… Argument: NAME, Given: "VALUE", Choices: "a", "b"`, read without a pattern (the line may be long). */
function invalidChoice(text: string): { name: string; given: string; choices: string } | null {
  const at = text.indexOf('Argument: ');
  const given = text.indexOf(', Given: ', at);
  const choices = text.indexOf(', Choices: ', given);
  if (at < 0 || given < 0 || choices < 0) return null;
  const unquote = (value: string): string => (value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
  return {
    name: text.slice(at + 'Argument: '.length, given),
    given: unquote(text.slice(given + ', Given: '.length, choices)),
    choices: text.slice(choices + ', Choices: '.length),
  };
}

/** The word for a flag the way it is typed: `--format`. */
function flag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Turns the argument parser's complaint into one line that names the flag
 * and what it expects. `command` is the command being run (null for the
 * default) and `args` its arguments. Messages it does not recognize (a translated parser) are joined
 * into one line as they are.
 * @example describeUsageError('Invalid values:\n  Argument: format, Given: "yaml", Choices: "table", "json"', 'scan')
 * // "--format expects table or json, got 'yaml'"
 */
export function describeUsageError(text: string, command: string | null, args: readonly string[] = []): string {
  const oneLine = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(' ');
  const choice = invalidChoice(oneLine);
  if (choice) return `${flag(choice.name)} expects ${listChoices(choice.choices)}, got '${choice.given}'`;
  let m = /^(?:Not enough non-option arguments|Missing required arguments?):/.exec(oneLine);
  if (m) return POSITIONALS[command ?? ''] ?? `${command ?? 'mqerr'} needs more arguments`;
  m = /^Too many non-option arguments: got (\d+), maximum of (\d+)/.exec(oneLine);
  if (m) return `${command ?? 'mqerr'} takes ${m[2]} argument${m[2] === '1' ? '' : 's'}, got ${m[1]}`;
  m = /^(?:Not enough arguments following|Missing argument values?): (.*)$/.exec(oneLine);
  if (m) {
    const name = m[1]!.split(',')[0]!.trim();
    return `${flag(name)} expects ${EXPECTS[name] ?? 'a value'}, got nothing`;
  }
  m = /^Unknown arguments?: (.*)$/.exec(oneLine);
  if (m) {
    const first = m[1]!.split(', ')[0]!;
    if (args.includes(first)) return `${command === null ? 'mqerr' : `mqerr ${command}`} takes no argument '${first}'`;
    return `${command === null ? 'mqerr' : `mqerr ${command}`} has no option ${flag(first)}`;
  }
  m = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(oneLine);
  if (m) return `${flag(m[1]!)} and ${flag(m[2]!)} cannot be used together`;
  m = /^(?:Implications failed|Missing dependent arguments): (\S+) -> (\S+)/.exec(oneLine);
  if (m) return `${flag(m[1]!)} is used with ${flag(m[2]!)}`;
  return oneLine;
}
