import { describe, expect, it } from 'vitest';
import { mistypedCommand } from '../../src/cli/mistyped-command.js';
import { stdinHint } from '../../src/cli/stdin-hint.js';
import { describeUsageError } from '../../src/cli/usage-message.js';

describe('usage messages name the flag and what it expects', () => {
  it.each([
    ['Invalid values:\n  Argument: format, Given: "yaml", Choices: "table", "json", "csv", "markdown"', 'scan', [], "--format expects table, json, csv or markdown, got 'yaml'"],
    ['Not enough non-option arguments: got 0, need at least 1', 'merge', [], 'merge expects one or more JSON summaries, such as mqerr merge shard-*.json'],
    ['Not enough non-option arguments: got 0, need at least 1', 'explain', [], 'explain expects one error code, such as mqerr explain ApplyTokenOverFlow'],
    ['Not enough arguments following: samples', null, [], '--samples expects a whole number ≥ 0 (RequestIds kept per code), got nothing'],
    ['Not enough arguments following: metricsPort', null, [], '--metrics-port expects a value, got nothing'],
    ['Unknown argument: vendr', 'catalog', ['catalog', '--vendr', 'x'], 'mqerr catalog has no option --vendr'],
    ['Unknown arguments: foo, bar', 'catalog', ['catalog', 'foo', 'bar'], "mqerr catalog takes no argument 'foo'"],
    ['Arguments check and diff are mutually exclusive', 'catalog', [], '--check and --diff cannot be used together'],
    ['Too many non-option arguments: got 3, maximum of 1', 'explain', [], 'explain takes 1 argument, got 3'],
  ] as const)('%s', (message, command, args, expected) => {
    expect(describeUsageError(message, command, args)).toBe(expected);
  });

  it('joins a message it does not know (a translated parser) into one line', () => {
    expect(describeUsageError('Argumento desconocido:\n  nope', null)).toBe('Argumento desconocido: nope');
  });
});

describe('a mistyped command', () => {
  it.each([
    ['explian', 'explain'],
    ['taag', 'tag'],
    ['scna', 'scan'],
    ['mrege', 'merge'],
    ['Catalgo', 'catalog'],
  ])('%s is taken for %s', (word, command) => {
    expect(mistypedCommand(word)).toBe(command);
  });

  it.each(['app.log', 'logs/', '*.gz', 'explain', 'InternalError', 'day', '-'])('%s is no command', (word) => {
    expect(mistypedCommand(word)).toBeNull();
  });
});

describe('reading a terminal', () => {
  it('is said when stdin is read from a terminal', () => {
    expect(stdinHint([{ kind: 'stdin', name: '-' }], true)).toMatch(/reading standard input .* Ctrl-D, or give files: mqerr app.log/);
  });

  it('is not said for a pipe or for files', () => {
    expect(stdinHint([{ kind: 'stdin', name: '-' }], false)).toBeNull();
    expect(stdinHint([{ kind: 'file', name: 'app.log', path: 'app.log' } as never], true)).toBeNull();
  });
});
