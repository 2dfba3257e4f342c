import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceState, alwaysStartsRecord, continuesRecord, FRESH_STATE, leavesCauseOpen, richLevelColumn } from '../../src/records/continuation.js';

/** What leavesCauseOpen stands for. */
const CAUSE_FOLLOWS = /caused by:\s*$/i;

/** Pieces of lines near the rule: the words in any case, every kind of space `\s` matches, and look-alikes. */
const PIECES = ['caused by:', 'Caused by:', 'CAUSED BY:', 'caused by', 'aused by:', ':', ' ', '\t', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', 'ſ', 'K', 'x', 'at com.x(A.java:1)', 'é'];

describe('a line that leaves a cause to follow', () => {
  it('is what /caused by:\\s*$/i says, for any line', () => {
    const line = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(line, (text) => {
        expect(leavesCauseOpen(text)).toBe(CAUSE_FOLLOWS.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the next line in the record, whatever it is', () => {
    expect(advanceState('java.lang.RuntimeException: wrapped; Caused by:  ', FRESH_STATE).causeNext).toBe(true);
    expect(advanceState('Caused by: com.x.Boom: no', FRESH_STATE).causeNext).toBe(false);
  });

  it('opens an SDK field block after the SDK header, and only there', () => {
    expect(advanceState('2026/11/21 00:00:00 SDK.ServerError', FRESH_STATE).fieldBlock).toBe(true);
    expect(advanceState('com.aliyuncs.exceptions.ServerException: InvalidParameter : bad', FRESH_STATE).fieldBlock).toBe(true);
    expect(advanceState('\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)', FRESH_STATE).fieldBlock).toBe(false);
  });
});

/** The records a run of lines makes: each the lines it holds, joined. */
function records(lines: string[]): string[] {
  const out: string[][] = [];
  let state = FRESH_STATE;
  for (const line of lines) {
    if (!continuesRecord(line, state)) {
      out.push([]);
      state = FRESH_STATE;
    }
    out[out.length - 1]!.push(line);
    state = advanceState(line, state);
  }
  return out.map((r) => r.join('\n'));
}

describe('java.util.logging’s two-line header', () => {
  const HEADER = 'Nov 22, 2026 9:44:31 AM com.example.mqtt.admin.InstanceAdmin describe';

  it('keeps the level line, then the exception and its stack, with the header', () => {
    const lines = [HEADER, 'SEVERE: describe instance failed', 'com.aliyuncs.exceptions.ClientException: InstanceNotFound : gone\r', 'RequestId : 0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E', '\tat com.example.App.main(App.java:3)', ''];
    expect(records([...lines, HEADER, 'INFO: ok'])).toEqual([lines.join('\n'), `${HEADER}\nINFO: ok`]);
    // An exception line that names no package, after a warning's message, is its too.
    expect(records([HEADER, 'WARNING: create failed', '[TencentCloudSDKException]code: X message:y requestId:z'])).toHaveLength(1);
  });

  it('takes a level line only right after such a header, and an unqualified exception only after a failure’s message', () => {
    expect(records(['2026-11-22 09:44:31 ERROR failed', 'SEVERE: describe instance failed'])).toHaveLength(2);
    expect(records([HEADER, 'message without a level'])).toHaveLength(2);
    expect(records([HEADER, 'SEVERE: a', 'SEVERE: b'])).toHaveLength(2);
    expect(records([HEADER, 'INFO: started', '[TencentCloudSDKException]code: X message:y requestId:z'])).toHaveLength(2);
    expect(records([HEADER, 'SEVERE: failed: [TencentCloudSDKException]code: X', '[TencentCloudSDKException]code: X message:y requestId:z'])).toHaveLength(2);
  });

  it('makes the header a line that starts a record, and a level line one that may not', () => {
    expect(alwaysStartsRecord(HEADER)).toBe(true);
    expect(alwaysStartsRecord('22-Nov-2026 09:44:31.250 SEVERE [main] c.m failed')).toBe(true);
    expect(alwaysStartsRecord('E, [2026-11-22T09:44:34.123456 #1234] ERROR -- : x')).toBe(true);
    expect(alwaysStartsRecord('INFO: started')).toBe(false);
    expect(alwaysStartsRecord('WARNING: slow')).toBe(false);
    expect(alwaysStartsRecord('INFO started')).toBe(true);
    expect(alwaysStartsRecord('time=2026-11-22T09:44:34.123Z level=ERROR msg="x"')).toBe(true);
    expect(alwaysStartsRecord('level=error ts=2026-11-22T09:44:34Z msg=x')).toBe(true);
  });
});

describe('tencentcloud-sdk-dotnet’s exception text after a log line', () => {
  it('joins the line before it, as Serilog’s default template writes the exception after the message', () => {
    const header = '[09:55:12 ERR] CreateUser failed';
    const exception = 'message：code:AuthFailure.SignatureExpire message:Signature expired.  requestId7e1a2b3c-4d5e-4f70-8192-a3b4c5d6e7f9';
    expect(continuesRecord(exception, advanceState(header, FRESH_STATE))).toBe(true);
    expect(alwaysStartsRecord(exception)).toBe(false);
    expect(continuesRecord(exception, advanceState('[09:55:12 INF] created', FRESH_STATE))).toBe(false);
  });
});

describe('an empty line between a header and its exception', () => {
  const HEADER = '2026-11-22T09:44:35.085+08:00 ERROR 1 --- [mqtt-admin] [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception';
  const TRACE = [
    'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKError] Code=ResourceNotFound.Topic, Message=The topic does not exist., RequestId=3f2a9b1c-7d4e-4a5b-8c6d-9e0f1a2b3c4d',
    '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:123) ~[tencentcloud-sdk-java-common-3.1.1000.jar!/:na]',
  ];
  it('keeps the exception with its header, as Spring Boot’s `%wEx` writes it (an empty line before the stack trace and after it)', () => {
    const next = '2026-11-22T09:44:36.085+08:00  INFO 1 --- [mqtt-admin] [           main] c.a.mqtt.Admin : next';
    expect(records([HEADER, '', ...TRACE, '', next])).toEqual([[HEADER, '', ...TRACE, ''].join('\n'), next]);
    expect(records([HEADER, '', '', ...TRACE])).toEqual([[HEADER, '', '', ...TRACE].join('\n')]);
    // An unqualified exception joins a failure's message across the empty line too, and a brace standing alone a text line's.
    expect(records(['[09:55:12 ERR] CreateUser failed', '', 'Error: boom'])).toHaveLength(1);
    expect(records(['2026-11-22 09:58:01,250 ERROR mqtt.admin: DescribeTopic failed:', '', '{', '  "Code": "x"', '}'])).toHaveLength(1);
  });

  it('does not reach past a line that is not empty: the exception after a record of two lines starts its own', () => {
    expect(records([HEADER, '  more of the message', '', ...TRACE])).toEqual([[HEADER, '  more of the message', ''].join('\n'), TRACE.join('\n')]);
    expect(records(['[09:55:12 INF] created', '', 'Error: boom'])).toEqual(['[09:55:12 INF] created\n', 'Error: boom']);
  });
});

describe('a stack trace zap writes after a Go log line', () => {
  const HEADER = '2026-11-22T17:46:05.121+0800\tERROR\tsync/topics.go:112\tcreate topic failed\t{"error": "x"}';
  const STACK = [
    'github.com/acme/mqtt-admin/internal/sync.(*Syncer).createTopic',
    '\t/app/internal/sync/topics.go:112',
    'github.com/acme/mqtt-admin/internal/sync.(*Syncer).Run.func1',
    '\t/app/internal/sync/sync.go:47',
    'main.main',
    '\t/app/cmd/main.go:61',
    'runtime.main',
    '\t/usr/local/go/src/runtime/proc.go:271',
  ];
  it('keeps each frame’s function line and its file with the header that names its caller', () => {
    const next = '2026-11-22T17:46:07.441+0800\tINFO\tsync/sync.go:52\tsync finished';
    expect(records([HEADER, ...STACK, next])).toEqual([[HEADER, ...STACK].join('\n'), next]);
  });

  it('takes a function’s name alone only in such a trace, and never makes it a line that starts a record', () => {
    expect(records(['2026-11-22 17:46:05,121 ERROR app: failed', 'main.main'])).toHaveLength(2);
    expect(records([HEADER, 'not a function', 'main.main'])).toHaveLength(3);
    for (const line of ['main.main', 'ERROR.handler', 'github.com/x/y.(*T).M']) expect(alwaysStartsRecord(line), line).toBe(false);
    expect(alwaysStartsRecord('ERROR something.failed')).toBe(true);
  });
});

describe('lines that start with a colour code', () => {
  const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;
  it('are read as a terminal shows them: a coloured header awaits its exception, a grey stack frame continues', () => {
    const header = `${red('[Nest] 1  - ')}11/22/2026, 9:52:01 AM ${red('  ERROR')} \u001b[38;5;3m[TopicService] \u001b[39m${red('DescribeTopic failed')}`;
    const state = advanceState(header, FRESH_STATE);
    expect(continuesRecord('Error: The topic does not exist.', state)).toBe(true);
    const frame = '\u001b[90m    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\u001b[39m';
    expect(continuesRecord(frame, advanceState('Error: x', state))).toBe(true);
    // The next coloured header starts a record, as it would uncoloured.
    expect(continuesRecord(header, advanceState(frame, state))).toBe(false);
    // A colour code inside a line changes nothing: only a leading one is looked past.
    expect(continuesRecord(`x ${red('    at y')}`, state)).toBe(false);
  });
});

describe('a value pretty-printed after a message', () => {
  it('joins the message’s record when its brace or bracket stands alone, after a text line of any level', () => {
    for (const header of ['2026-11-22 09:58:01,250 ERROR mqtt.admin: DescribeTopic failed:', '2026-11-22 09:58:04,600 INFO mqtt.admin: topic list:']) {
      const state = advanceState(header, FRESH_STATE);
      expect(continuesRecord('{', state), header).toBe(true);
      expect(continuesRecord('[ ', state), header).toBe(true);
    }
    expect(alwaysStartsRecord('{')).toBe(false);
    expect(alwaysStartsRecord('{"level":30,"msg":"x"}')).toBe(true);
  });

  it('joins a bracket-led text line’s record too, and PHP print_r’s `(` opens an array’s entries as a brace does', () => {
    for (const header of ['[2026-11-22 09:44:35] app.ERROR: ListGroupId failed Array', '[2026-11-22T09:44:35.480] [ERROR] default - failed:']) {
      const state = advanceState(header, FRESH_STATE);
      expect(continuesRecord('(', state), header).toBe(true);
      expect(continuesRecord('{', state), header).toBe(true);
    }
    expect(continuesRecord('(', advanceState('2026-11-22 09:44:35 ERROR failed Array', FRESH_STATE))).toBe(true);
    expect(alwaysStartsRecord('(')).toBe(false);
    // A JSON array's line is no text header: a brace alone after it starts a record of its own.
    for (const json of ['[1795340674, {"log":"x"}]', '["a", "b"]', '[{"a":1}', '[ 1, 2 ]', '[]']) expect(continuesRecord('{', advanceState(json, FRESH_STATE)), json).toBe(false);
  });

  it('starts a record of its own after a JSON line, after a record of several lines, and when more follows the brace', () => {
    expect(continuesRecord('{', advanceState('{"level":50,"msg":"failed"}', FRESH_STATE))).toBe(false);
    const two = advanceState('  "a": 1', advanceState('2026-11-22 09:58:01,250 ERROR x:', FRESH_STATE));
    expect(continuesRecord('{', two)).toBe(false);
    expect(continuesRecord('{"a":1}', advanceState('2026-11-22 09:58:01,250 ERROR x:', FRESH_STATE))).toBe(false);
    // Only a blank, a tab or a CR may follow it, as the lines layer checks it.
    expect(continuesRecord('{\u00a0', advanceState('2026-11-22 09:58:01,250 ERROR x:', FRESH_STATE))).toBe(false);
  });
});

describe('Terraform’s diagnostic box', () => {
  it('is one record from `╷` to `╵`, whatever its lines hold; the line after it starts another', () => {
    const box = ['╷', '│ Error: [ERROR] a.go:98: Resource x CreateGroupId Failed!!! [SDK alibaba-cloud-sdk-go ERROR]:', '│ SDK.ServerError', '│ ErrorCode: InstanceNotFound', '│ ', '│   with alicloud_mqtt_group_id.default,', '│', '╵'];
    expect(records(box)).toHaveLength(1);
    expect(records([...box, ...box])).toHaveLength(2);
    expect(records([...box, 'alicloud_mqtt_group_id.default: Creating...'])).toHaveLength(2);
    // A box left open ends where its lines do.
    expect(records(['╷', '│ Error: x', 'Plan: 1 to add'])).toHaveLength(2);
    expect(records(['Plan: 1 to add', '│ Error: x'])).toHaveLength(2);
  });
});

describe('a Go program’s crash output', () => {
  it('is one record from the panic through every goroutine’s dump; the next log line starts another', () => {
    const lines = [
      '2026/11/22 10:20:00 sync failed',
      'panic: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61 [recovered]',
      '\tpanic: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61',
      '',
      'goroutine 6 [running]:',
      'main.(*Syncer).Run.func1()',
      '\texample.com/mqtt-sync/main.go:41 +0xba',
      'panic({0x495480, 0xc00006e150})',
      'github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common.(*Client).Send(0xc000123, {0x1234, 0xc0001}, ...)',
      'sync.(*Map[...]).Load(...)',
      'created by main.main in goroutine 1',
      '...additional frames elided...',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x45b2e1]',
      '',
      'goroutine 1 [chan receive, 5 minutes]:',
      'main.main()',
      'exit status 2',
      '2026/11/22 10:20:05 restarted',
    ];
    expect(records(lines)).toEqual([lines[0], lines.slice(1, 17).join('\n'), lines[17]]);
  });

  it('takes a frame’s function line only inside such a dump', () => {
    expect(records(['2026/11/22 10:20:00 calling', 'main.main()', 'fatal error: all goroutines are asleep - deadlock!', '', 'goroutine 1 [semacquire]:', 'sync.runtime_Semacquire(0xc000012345?)'])).toEqual([
      '2026/11/22 10:20:00 calling',
      'main.main()',
      'fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\nsync.runtime_Semacquire(0xc000012345?)',
    ]);
  });
});

describe('tslog’s pretty error', () => {
  it('is one record from its log line through `error stack:` and every frame; the next log line starts another', () => {
    const lines = [
      '2026-11-22 09:56:00.640\tERROR\t\tclient-audit\tDescribeClientList failed',
      '',
      ' Error  The instance does not exist., 8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a, 9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b, ResourceNotFound.Instance',
      'error stack:',
      '  • abstract_client.js\tCommonClient.parseResponse',
      '\t/srv/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268',
      '2026-11-22 09:56:01.115\tINFO\t\tclient-audit\tretrying',
    ];
    expect(records(lines)).toEqual([lines.slice(0, 6).join('\n'), lines[6]]);
    // Only the words alone on their line: a message that starts with them starts its own record.
    expect(records([lines[0]!, 'error stack: none recorded'])).toHaveLength(2);
  });
});

describe('Monolog’s stack trace in a context it writes as JSON (Laravel’s log)', () => {
  it('keeps `[stacktrace]`, the frames and the JSON’s `"}` with the report; the next log line starts another', () => {
    const lines = [
      '[2026-11-22 09:57:01] production.ERROR: InstanceNotFound: Specified instance does not exist. {"exception":"[object] (AlibabaCloud\\\\Client\\\\Exception\\\\ServerException(code: 404): InstanceNotFound at /var/www/app/Sync.php:68)',
      '[stacktrace]',
      '#0 /var/www/app/Sync.php(85): App\\\\listGroups()',
      '#1 {main}',
      '"} ',
      '[2026-11-22 09:57:02] production.INFO: done  ',
    ];
    expect(records(lines)).toEqual([lines.slice(0, 5).join('\n'), lines[5]]);
    expect(records([lines[0]!, '[stacktrace]', '"} []'])).toHaveLength(1);
    for (const line of ['[stacktrace]', '[stacktrace]  ', '"}', '"} []']) expect(alwaysStartsRecord(line), line).toBe(false);
    expect(alwaysStartsRecord('[stacktrace] follows')).toBe(true);
  });
});

describe('rich’s logging handler (Python), its time and level in columns', () => {
  const lines = [
    '[09:59:00] INFO     topic sync started instance=mqtt-2p7x0k8q       topics.py:15',
    '           ERROR    DescribeTopic failed topic=fleet/telemetry      topics.py:20',
    '                    ╭───── Traceback (most recent call last) ─────╮             ',
    '                    ╰─────────────────────────────────────────────╯             ',
    '                    TencentCloudSDKException:                                   ',
    '           WARNING  CreateTopic throttled, retrying in 2s:          topics.py:25',
    '                    [TencentCloudSDKException]                                  ',
    '[09:59:02] INFO     topic list answered: {"TopicList": [{"Topic":   topics.py:34',
    '                    "fleet/telemetry"}]}                                        ',
  ];
  it('starts a record at a level in the level column, under a blank time too; a wrapped line continues it', () => {
    expect(records(lines)).toEqual([lines[0], lines.slice(1, 5).join('\n'), lines.slice(5, 7).join('\n'), lines.slice(7).join('\n')]);
  });

  it('takes the level column only where a time stands before it, or blanks as wide, and the message right after it', () => {
    expect(richLevelColumn('[09:59:00] INFO     ready')).toBe(11);
    expect(richLevelColumn('[11/22/26 09:59:00] CRITICAL down')).toBe(20);
    expect(richLevelColumn('           ERROR    failed')).toBe(11);
    for (const line of ['ready INFO     x', '[09:59:00] INFO ready', '[09:59:00] INFO      ready', '   ERROR    x', '  at x', '2026-11-22 09:59:00 INFO  ready']) {
      expect(richLevelColumn(line), line).toBe(0);
    }
    // Indented to another column, a level word continues the record (a wrapped message may hold one).
    const state = advanceState(lines[0]!, FRESH_STATE);
    expect(continuesRecord('                    ERROR    in the message', state)).toBe(true);
    expect(continuesRecord('           ERROR    failed', state)).toBe(false);
  });
});

describe('a stack printed indented after an empty line (Koa\'s default error handler)', () => {
  const stack = (message: string): string[] => ['', `  Error: ${message}`, '      at CommonClient.parseResponse (/srv/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268:37)', '      at async apiCall (file:///srv/app/src/cloud-call.mjs:297:31)', ''];

  it('is an error of its own: two stacks in a row are two records, and neither joins the line before them', () => {
    const first = stack('Signature expired.');
    const second = stack('The number of requests exceeds the frequency limit.');
    const lines = ['listening on :8080', ...first, ...second, 'GET /users 500'];
    expect(records(lines)).toEqual([['listening on :8080', ''].join('\n'), [...first.slice(1), ''].join('\n'), second.slice(1).join('\n'), 'GET /users 500']);
    expect(records(['  TencentCloudSDKHttpException [Error]: x', '', '    InstanceNotFoundError: y', '      at z'])).toHaveLength(2);
    expect(records(['x', '', '\tcom.x.FooException: y'])).toHaveLength(2);
  });

  it('starts a record after a header that awaits its exception too: Koa writes its stacks whatever the application wrote before', () => {
    expect(records(['[09:55:12 ERR] CreateUser failed', '', '  Error: boom', '      at x'])).toEqual(['[09:55:12 ERR] CreateUser failed\n', '  Error: boom\n      at x']);
    expect(records(['2026-11-22 10:00:00 ERROR failed:', '', '    Error: boom'])).toHaveLength(2);
  });

  it('joins any indented line that is no exception across an empty line, as before', () => {
    // print_r's nested arrays: an empty line after each, then more of the array indented.
    expect(records(['Array', '(', '    [data] => Array', '        (', '            [Code] => x', '        )', '', '    [status] => 404', ')'])).toHaveLength(1);
    expect(records(['2026-11-22 10:00:00 INFO body:', '', '    code: ErrorCode']) ).toHaveLength(1);
    // Without an empty line before it, an indented exception is a cause or a nested error of the record.
    expect(records(['Error: outer', '    at a', '  [cause]: Error: inner', '  Error: again'])).toHaveLength(1);
  });
});

describe('Next.js\'s log lines, each led by a space and its kind\'s mark', () => {
  const error = [' ⨯ TencentCloudSDKHttpException [Error]: The instance does not exist.', '    at CommonClient.parseResponse (/app/node_modules/x.js:268:37) {', "  code: 'ResourceNotFound.Instance',", "  digest: '2913489157'", '}'];

  it('start a record though indented: errors in a row, a warning and an event are records of their own', () => {
    const lines = [' ✓ Ready in 312ms', ...error, ...error, ' ⚠ Unsupported metadata themeColor', ' X Error: an earlier release\'s mark'];
    expect(records(lines)).toEqual([' ✓ Ready in 312ms', error.join('\n'), error.join('\n'), ' ⚠ Unsupported metadata themeColor', " X Error: an earlier release's mark"]);
    // In colour on a terminal, the mark between colour codes.
    expect(records([...error, ' \x1b[31m\x1b[1m⨯\x1b[22m\x1b[39m Error: boom'])).toHaveLength(2);
  });

  it('are told by the mark after one space: a banner\'s lines led by two, a frame, or a mark without a message continue', () => {
    expect(records(['  ▲ Next.js 15.1.0', '  - Local:        http://localhost:3000'])).toHaveLength(1);
    expect(records([...error, '  ⨯ two spaces', ' ⨯', ' Xylophone', ' x lower'])).toHaveLength(1);
  });
});

describe('a Ruby backtrace as Logger writes it', () => {
  it('keeps its unindented frames with the error they follow; the next log line starts another record', () => {
    const lines = [
      'E, [2026-11-22T10:20:00.480000 #4211] ERROR -- : The number of requests exceeds the frequency limit. (TencentCloud::Common::TencentCloudSDKException)',
      "/usr/local/bundle/gems/tencentcloud-sdk-common-3.0.1203/lib/tencentcloud-sdk-common/client.rb:52:in `send_request'",
      "/srv/fleet/app/jobs/topic_sync.rb:31:in 'block in run'",
      "bin/sync:8:in `<main>'",
      'I, [2026-11-22T10:20:02.500000 #4211]  INFO -- : done',
    ];
    expect(records(lines)).toEqual([lines.slice(0, 4).join('\n'), lines[4]]);
    for (const line of lines.slice(1, 4)) expect(alwaysStartsRecord(line), line).toBe(false);
    expect(records(['2026-11-22 10:20:00 INFO ok', 'note:12:in the morning'])).toHaveLength(2);
  });
});
