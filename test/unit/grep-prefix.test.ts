import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLogFilePath, mayStartGrepPrefix, takeGrepPrefix } from '../../src/records/grep-prefix.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';

const POD_LOG = '/var/log/pods/iot_api-7d9f8c6b5-x2k8p_0a1b2c3d-1111-4222-8333-444455556666/api/0.log';

describe('grep’s file name before each line it prints from several files', () => {
  it('is taken before a matching line and a context line, with `-n`’s number too; the path is the stream', () => {
    expect(takeGrepPrefix('/var/log/app/a.log:2026-11-22 09:44:34 ERROR boom')).toMatchObject({ text: '2026-11-22 09:44:34 ERROR boom', origin: { stream: 'file=/var/log/app/a.log' } });
    expect(takeGrepPrefix('logs/a.log:12:\tat com.x.Y(Y.java:1)')?.text).toBe('\tat com.x.Y(Y.java:1)');
    expect(takeGrepPrefix('logs/a.log-\tat com.x.Y(Y.java:1)')?.text).toBe('\tat com.x.Y(Y.java:1)');
    expect(takeGrepPrefix('logs/a.log-13-\tat com.x.Y(Y.java:1)')?.text).toBe('\tat com.x.Y(Y.java:1)');
    expect(takeGrepPrefix('app.log.2.gz:{"level":50}')).toMatchObject({ text: '{"level":50}', origin: { stream: 'file=app.log.2.gz' } });
    expect(takeGrepPrefix('/var/log/syslog:Nov 22 09:44:34 node-1 app[1]: boom')?.text).toBe('Nov 22 09:44:34 node-1 app[1]: boom');
  });

  it('names a kubelet log’s pod, namespace and container', () => {
    expect(takeGrepPrefix(`${POD_LOG}:7:2026-11-22T09:44:34.085Z stderr F boom`)?.origin).toMatchObject({ pod: 'api-7d9f8c6b5-x2k8p', namespace: 'iot', container: 'api' });
    // The CRI line inside is peeled after it.
    expect(unwrapLine(`${POD_LOG}:7:2026-11-22T09:44:34.085Z stderr F boom`)).toMatchObject({ text: 'boom', origin: { pod: 'api-7d9f8c6b5-x2k8p', stream: expect.stringContaining('stderr') } });
  });

  it('leaves a time or a date where a line number would stand in the line', () => {
    expect(takeGrepPrefix('a.log:09:44:34.480 ERROR boom')?.text).toBe('09:44:34.480 ERROR boom');
    expect(takeGrepPrefix('a.log-2026-11-22 09:44:34 INFO ok')?.text).toBe('2026-11-22 09:44:34 INFO ok');
    expect(takeGrepPrefix('a.log:3:09:44:34.480 ERROR boom')?.text).toBe('09:44:34.480 ERROR boom');
  });

  it('takes no source file’s name, no word that is no log file’s, and nothing led by a digit or a bracket', () => {
    for (const line of ['main.go:42: DescribeTopic failed', '/app/x.py:12: DeprecationWarning: x', '/app/index.js:12', 'ERROR:root:failed', 'INFO:app.logic:ready', 'com.x.LogException: boom', '2026-11-22 app.log: x', '[a.log] x', 'see /var/log/a.log: x']) {
      expect(takeGrepPrefix(line), line).toBeNull();
    }
    expect(isLogFilePath('/var/log/app/current')).toBe(true);
    expect(isLogFilePath('/srv/app/main.go')).toBe(false);
    // In a log directory, only a name without an extension (a source file there is still a source file).
    expect(isLogFilePath('/var/log/syslog')).toBe(true);
    expect(isLogFilePath('/srv/log/main.py')).toBe(false);
    expect(isLogFilePath('logs/my app.log')).toBe(false);
  });

  it('is always admitted by the first-word check, and so by mayBeWrapped', () => {
    const path = fc.tuple(
      fc.constantFrom('', '/', './', '~/', 'logs/', '/var/log/', '/srv/app/log/', 'a/'),
      fc.constantFrom('app', 'API', '_x', 'a.b', 'current', 'syslog'),
      fc.constantFrom('', '.log', '.LOG', '.log.1', '.log-20261122', '.txt', '.json.gz', '.ndjson', '.go', '.py', '.err', '.out'),
    ).map((parts) => parts.join(''));
    const rest = fc.constantFrom(':', '-', ':12:', '-13-', ': ', ':09:44:34 x', '-2026-11-22 x', ' x:', '', ':{"a":1}', '-at x');
    fc.assert(
      fc.property(path, rest, (p, r) => {
        const line = p + r;
        if (takeGrepPrefix(line) === null) return true;
        return mayStartGrepPrefix(line, 0, line.length) && mayBeWrapped(line);
      }),
      { numRuns: 2000 },
    );
  });
});
