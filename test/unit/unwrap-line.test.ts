import { describe, expect, it } from 'vitest';
import { NO_DIMENSIONS } from '../../src/records/envelope-dimensions.js';
import { mayCarryEnvelope } from '../../src/records/may-carry-envelope.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { setTimeReference } from '../../src/time/time-reference.js';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';

const AT = Date.UTC(2026, 10, 22, 9, 44, 34, 85);
const line = (value: object): string => JSON.stringify(value);

describe('container wrappers', () => {
  it('unwraps the CRI format with its time and stream, and marks P lines partial', () => {
    expect(unwrapLine('2026-11-22T09:44:34.085123456Z stderr F boom')).toEqual({
      text: 'boom',
      origin: { ...NO_DIMENSIONS, stream: 'stderr', time: AT, zoned: true },
      partial: false,
    });
    expect(unwrapLine('2026-11-22T09:44:34.085+08:00 stdout P part')).toMatchObject({ text: 'part', partial: true });
  });

  it('unwraps Docker json-file lines, partial when the log has no newline', () => {
    expect(unwrapLine(line({ log: 'hello\n', stream: 'stdout', time: '2026-11-22T09:44:34.085Z' }))).toEqual({
      text: 'hello',
      origin: { ...NO_DIMENSIONS, stream: 'stream=stdout', time: AT, zoned: true },
      partial: false,
    });
    expect(unwrapLine(line({ log: 'hel', stream: 'stdout', time: 'x' }))).toMatchObject({ text: 'hel', partial: true });
  });

  it('unwraps kubectl --prefix and --timestamps, alone or together', () => {
    expect(unwrapLine('[pod/api-7d9f/app] hello')).toMatchObject({ text: 'hello', origin: { pod: 'api-7d9f', container: 'app' } });
    expect(unwrapLine('2026-11-22T09:44:34.085123456Z hello')).toMatchObject({ text: 'hello', origin: { time: AT } });
    expect(unwrapLine('[pod/a/b] 2026-11-22T09:44:34Z hi')).toMatchObject({ text: 'hi', origin: { pod: 'a', container: 'b' } });
  });

  it('leaves ordinary lines alone', () => {
    expect(unwrapLine('{"level":30}')).toBeNull();
    expect(unwrapLine('[INFO] started')).toBeNull();
    expect(unwrapLine('2026-11-22 09:44:34,085 INFO x')).toBeNull();
  });
});

describe('relays’ and tools’ prefixes', () => {
  it('removes syslog headers (RFC 3164 and 5424): host and program become the stream, RFC 3164’s time read in the latest year before the run', () => {
    setTimeReference({ at: Date.UTC(2026, 11, 6), year: null, date: null });
    expect(unwrapLine('Nov 22 09:44:34 node-1 mqtt-admin[812]: \tat com.x.App.main(App.java:10)')).toEqual({
      text: '\tat com.x.App.main(App.java:10)',
      origin: { ...NO_DIMENSIONS, host: 'node-1', stream: 'program=mqtt-admin\u0000pid=812', time: AT - 85 },
      partial: false,
      hangingIndent: 40,
    });
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 mqtt-admin 812 - - boom')).toMatchObject({ text: 'boom', origin: { host: 'node-2', time: AT } });
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 [exampleSDID@32473 iut="3"] boom')).toMatchObject({ text: 'boom' });
  });

  it('removes headers led by an RFC 3339 time (rsyslog’s file format, journalctl’s short-iso, Heroku’s logplex) and RFC 3164’s with a fraction', () => {
    const stream = 'program=mqtt-admin\u0000pid=812';
    expect(unwrapLine('2026-11-22T17:44:34.085123+08:00 node-1 mqtt-admin[812]: boom')).toEqual({ text: 'boom', origin: { ...NO_DIMENSIONS, host: 'node-1', stream, time: AT, zoned: true }, partial: false, hangingIndent: 57 });
    expect(unwrapLine('2026-11-22T17:44:34+0800 node-1 mqtt-admin[812]: boom')).toMatchObject({ text: 'boom', origin: { host: 'node-1', stream, time: AT - 85 } });
    expect(unwrapLine('2026-11-22T09:44:34.085123+00:00 app[web.1]: boom')).toEqual({ text: 'boom', origin: { ...NO_DIMENSIONS, stream: 'program=app\u0000pid=web.1', time: AT, zoned: true }, partial: false, hangingIndent: 45 });
    expect(unwrapLine('Nov 22 09:44:34.085123 node-1 mqtt-admin[812]: boom')).toMatchObject({ text: 'boom', origin: { host: 'node-1', stream, zoned: false } });
    // Without the program's brackets the words after the time are the application's (kubectl --timestamps, winston).
    expect(unwrapLine('2026-11-22T09:44:34.085Z INFO app: ready')).toMatchObject({ text: 'INFO app: ready', origin: { stream: null, host: null } });
  });

  it('removes journalctl’s short-full and short-unix headers: a zone other than UTC’s abbreviation is read in the logs’ zone', () => {
    const stream = 'program=mqtt-admin\u0000pid=812';
    expect(unwrapLine('Sun 2026-11-22 09:44:34 UTC node-1 mqtt-admin[812]: \tat x')).toEqual({ text: '\tat x', origin: { ...NO_DIMENSIONS, host: 'node-1', stream, time: AT - 85, zoned: true }, partial: false, hangingIndent: 52 });
    expect(unwrapLine('Sun 2026-11-22 09:44:34.085123 GMT node-1 kernel: boom')).toMatchObject({ text: 'boom', origin: { host: 'node-1', stream: 'program=kernel', time: AT } });
    expect(unwrapLine('1795340674.085123 node-1 mqtt-admin[812]: boom')).toEqual({ text: 'boom', origin: { ...NO_DIMENSIONS, host: 'node-1', stream, time: AT, zoned: true }, partial: false, hangingIndent: 42 });
    setLogTimeZone(parseTimeZone('+08:00')!);
    try {
      expect(unwrapLine('Sun 2026-11-22 17:44:34 CST node-1 mqtt-admin[812]: boom')?.origin).toMatchObject({ time: AT - 85, zoned: false });
    } finally {
      setLogTimeZone(UTC);
    }
    for (const line of ['Sun 2026-11-22 09:44:34 is when it broke', '1795340674.085123 is the time', '1795340674.085123 node-1 app: no pid', 'Sun 2026-11-22T09:44:34Z node-1 app[1]: x']) {
      expect(unwrapLine(line)?.origin.host ?? null, line).toBeNull();
    }
  });

  it('restores the control characters rsyslog escaped (`#011` a tab), in a syslog header’s message only', () => {
    expect(unwrapLine('Nov 22 09:44:34 node-1 mqtt-admin[812]: #011at com.x.App.main(App.java:10)')?.text).toBe('\tat com.x.App.main(App.java:10)');
    expect(unwrapLine('2026-11-22T17:44:34.085123+08:00 node-1 mqtt-admin[812]: a#015#012b #09 #0')?.text).toBe('a\r\nb #09 #0');
    expect(unwrapLine('mqtt-admin-1  | issue #011 closed')?.text).toBe('issue #011 closed');
  });

  it('removes docker compose logs’ service prefix, and the time --timestamps puts after it', () => {
    expect(unwrapLine('mqtt-admin-1  | TencentCloudSDKException: boom')).toMatchObject({ text: 'TencentCloudSDKException: boom', origin: { container: 'mqtt-admin-1' } });
    expect(unwrapLine('api_2 | at x')).toMatchObject({ text: 'at x', origin: { container: 'api_2' } });
    expect(unwrapLine('mqtt-admin-1  | 2026-11-22T09:44:34.085123456Z \tat x')).toMatchObject({ text: '\tat x', origin: { container: 'mqtt-admin-1', time: AT } });
    expect(unwrapLine('status | ok')).toBeNull();
  });

  it('removes docker compose logs’ coloured prefix (its bar inside the colour), and nothing that merely looks coloured', async () => {
    expect(unwrapLine('\x1b[36mmqtt-admin-1  | \x1b[0m\tat x')).toMatchObject({ text: '\tat x', origin: { container: 'mqtt-admin-1' } });
    expect(unwrapLine('\x1b[33;1mapi-2 | \x1b[0m2026-11-22T09:44:34.085123456Z boom')).toMatchObject({ text: 'boom', origin: { container: 'api-2', time: AT } });
    expect(unwrapLine('\x1b[36mmqtt-admin-1  | boom')).toBeNull();
    expect(unwrapLine('\x1b[31mERROR\x1b[0m | boom')).toBeNull();
    const taken = await expectWrapperCheckAdmits(
      [['\x1b[36m', '\x1b[36;1m', '\x1b[0m', ''], ['api-1', 'api', 'x8.1.k3x9q2m8v7n1@node-1'], ['', '  '], [' | ', ' |'], ['\x1b[0m', ''], ['boom', '']],
      (line) => unwrapLine(line)?.origin.container != null,
    );
    // Coloured (2 colours): 2 names × 2 pads × the reset × 2 texts; plain: 2 names × 2 pads × (2 resets, kept in the text) × 2 texts.
    expect(taken).toBe(32);
  });

  it('removes docker service logs’ task prefix, naming the task and its node, after the time --timestamps puts first', () => {
    expect(unwrapLine('mqtt_admin.2.k3x9q2m8v7n1@node-1    | TencentCloudSDKException: boom')).toMatchObject({
      text: 'TencentCloudSDKException: boom',
      origin: { container: 'mqtt_admin.2', host: 'node-1' },
    });
    // --no-task-ids, --no-trunc, --no-resolve (ids for names).
    expect(unwrapLine('api.1@manager    | at x')).toMatchObject({ text: 'at x', origin: { container: 'api.1', host: 'manager' } });
    expect(unwrapLine('api.1.k3x9q2m8v7n1p0o9i8u7y6t5r@ip-10-0-1-5.ec2.internal    | at x')).toMatchObject({ origin: { container: 'api.1', host: 'ip-10-0-1-5.ec2.internal' } });
    expect(unwrapLine('x8bpjxhqa2mtlecdsnm5hr7gz.3.k3x9q2m8v7n1@qzn1x4mbq2l3xvd0s9cz7hp8e    | at x')).toMatchObject({ origin: { container: 'x8bpjxhqa2mtlecdsnm5hr7gz.3' } });
    expect(unwrapLine('2026-11-22T09:44:34.085123456Z mqtt_admin.2.k3x9q2m8v7n1@node-1    | \tat x')).toMatchObject({
      text: '\tat x',
      origin: { container: 'mqtt_admin.2', host: 'node-1', time: AT },
    });
    // An address before a bar is no task: the name before `@` must end in a slot.
    expect(unwrapLine('mail to ops@example.com | done')).toBeNull();
    expect(unwrapLine('ops@example.com | done')).toBeNull();
    expect(unwrapLine('2026-11-22T09:44:34.085Z user ops@example.com | done')?.text).toBe('user ops@example.com | done');
  });
});

describe('shippers’ envelopes', () => {
  it('peels a Fluent Bit record: the kubernetes metadata become dimensions, never text', () => {
    const shipped = line({
      time: '2026-11-22T09:44:34.085Z',
      stream: 'stderr',
      logtag: 'F',
      log: 'TencentCloudSDKException: boom',
      kubernetes: { pod_name: 'api-7d9f', namespace_name: 'prod', container_name: 'app', container_image: 'registry.cn-hangzhou.aliyuncs.com/acme/api:1', labels: { app: 'api' } },
    });
    const unwrapped = unwrapLine(shipped)!;
    expect(unwrapped.text).toBe('TencentCloudSDKException: boom');
    expect(unwrapped.origin).toMatchObject({ pod: 'api-7d9f', namespace: 'prod', container: 'app', time: AT });
    expect(unwrapped.partial).toBe(false);
  });

  it('unwraps nested layers until the application’s line remains, the innermost time winning', () => {
    const docker = line({ log: '2026-11-22T09:44:34.085Z INFO app line\n', stream: 'stdout', time: '2026-11-22T09:44:34.085Z' });
    const unwrapped = unwrapLine(line({ log: docker, kubernetes: { pod_name: 'p' }, time: '2026-11-22T09:45:00Z' }))!;
    // The application's own leading time is its text, not a wrapper.
    expect(unwrapped.text).toBe('2026-11-22T09:44:34.085Z INFO app line');
    expect(unwrapped.origin).toMatchObject({ pod: 'p', time: AT });
    const cri = unwrapLine(line({ message: '2026-11-22T09:44:34.085Z stderr P half', host: 'node-1' }))!;
    expect(cri).toMatchObject({ text: 'half', partial: true, origin: { host: 'node-1', time: AT } });
  });

  it('decodes journald’s MESSAGE given as byte values, invalid bytes as U+FFFD', () => {
    const message = [...Buffer.from('\u001b[31mcode: boom\u001b[0m'), 0xff];
    const unwrapped = unwrapLine(line({ __REALTIME_TIMESTAMP: '1795340674085123', _SYSTEMD_UNIT: 'api.service', _HOSTNAME: 'node-1', MESSAGE: message }))!;
    expect(unwrapped.text).toBe('\u001b[31mcode: boom\u001b[0m\ufffd');
    expect(unwrapped.origin).toMatchObject({ unit: 'api.service', host: 'node-1', time: AT });
  });

  it('peels the platforms’ exports by structure', () => {
    const cases: [object, string, object][] = [
      [{ textPayload: 'gcp', resource: { type: 'k8s_container', labels: { pod_name: 'p1', namespace_name: 'n1', container_name: 'c1' } }, timestamp: '2026-11-22T09:44:34.085Z', severity: 'ERROR' }, 'gcp', { pod: 'p1', namespace: 'n1', container: 'c1', time: AT }],
      [{ logStreamName: 'app/1', timestamp: AT, message: 'cloudwatch', ingestionTime: AT + 5, eventId: '1' }, 'cloudwatch', { time: AT }],
      [{ __time__: AT / 1000, __source__: '10.0.0.1', __topic__: 'app', content: 'sls' }, 'sls', { host: '10.0.0.1' }],
      [{ message: 'vector', host: 'node-2', source_type: 'file', file: '/var/log/app.log', timestamp: '2026-11-22T09:44:34.085Z' }, 'vector', { host: 'node-2', time: AT }],
      [{ _index: 'logs', _id: 'x', _source: { '@timestamp': '2026-11-22T09:44:34.085Z', message: 'elastic', kubernetes: { pod: { name: 'p2' }, namespace: 'n2' }, log: { file: { path: '/var/log/x' } } } }, 'elastic', { pod: 'p2', namespace: 'n2', time: AT }],
      [{ labels: { pod: 'p3', namespace: 'n3', container: 'c3' }, line: 'loki', timestamp: '2026-11-22T09:44:34.085Z' }, 'loki', { pod: 'p3', namespace: 'n3', container: 'c3', time: AT }],
      [{ timeUnixNano: '1795340674085000000', body: { stringValue: 'otel' }, resource: { 'k8s.pod.name': 'p4' }, severityText: 'ERROR' }, 'otel', { time: AT }],
      [{ version: '1.1', host: 'node-3', short_message: 'short', full_message: 'gelf', timestamp: AT / 1000, level: 3, _container_name: 'c5' }, 'gelf', { host: 'node-3', container: 'c5', time: AT }],
      [{ TimeGenerated: '2026-11-22T09:44:34.085Z', Computer: 'aks-node-1', PodName: 'p6', PodNamespace: 'n6', ContainerName: 'c6', LogMessage: 'azure' }, 'azure', { host: 'aks-node-1', pod: 'p6', namespace: 'n6', container: 'c6', time: AT }],
      [{ preview: false, result: { _raw: 'splunk', _time: '2026-11-22T09:44:34.085Z', host: 'node-7', source: '/var/log/app.log', sourcetype: 'app' } }, 'splunk', { host: 'node-7', time: AT }],
      [{ message: 'newrelic', 'entity.name': 'api', hostname: 'node-8', timestamp: AT }, 'newrelic', { host: 'node-8', time: AT }],
      // Datadog's Logs API: the pod, namespace and container from its `key:value` tags.
      [
        { id: 'AQAAAY', type: 'log', attributes: { timestamp: '2026-11-22T09:44:34.085Z', host: 'i-0abc', service: 'api', message: 'datadog', tags: ['env:prod', 'kube_pod_name:p9', 'kube_namespace:n9', 'kube_container_name:c9', 'image_tag:v1:2'] } },
        'datadog',
        { host: 'i-0abc', pod: 'p9', namespace: 'n9', container: 'c9', time: AT },
      ],
      // A list that is not all `key:value` tags names nothing.
      [{ message: 'tags', host: 'node-10', tags: ['kube_pod_name:p10', 'production'], timestamp: AT }, 'tags', { host: 'node-10', pod: null }],
      // syslog-ng's format-json (syslog-ng 3.38's output): RFC 3164's DATE without a year, the program and process as the stream.
      [
        { PROGRAM: 'mqtt-admin', PRIORITY: 'err', PID: '4182', MESSAGE: 'syslog-ng', HOST: 'node-11', FACILITY: 'user', DATE: 'Nov 22 09:44:34' },
        'syslog-ng',
        { host: 'node-11', stream: 'program=mqtt-admin\u0000pid=4182', time: AT - 85 },
      ],
      [{ SOURCE: 's_local', MESSAGE: 'syslog-ng iso', HOST: 'node-11', ISODATE: '2026-11-22T09:44:34.085+00:00', DATE: 'Nov 22 09:44:34' }, 'syslog-ng iso', { time: AT }],
      // NXLog's to_json(): the message's EventTime before the EventReceivedTime it stamps itself.
      [
        { EventReceivedTime: '2026-11-22 09:44:35', SourceModuleName: 'app_log', SourceModuleType: 'im_file', Hostname: 'node-12', EventTime: '2026-11-22 09:44:34', Message: 'nxlog' },
        'nxlog',
        { host: 'node-12', time: AT - 85 },
      ],
      [{ EventReceivedTime: '2026-11-22 09:44:35', SourceModuleName: 'app_log', SourceModuleType: 'im_file', Message: 'nxlog received' }, 'nxlog received', { time: AT + 915 }],
      // Azure Monitor's ContainerLogV2 as its data export writes it: a JSON line's LogMessage kept as its object.
      [
        { TimeGenerated: '2026-11-22T09:44:34.0850000Z', Computer: 'aks-node-1', ContainerName: 'c13', PodName: 'p13', PodNamespace: 'n13', LogMessage: { level: 50, msg: 'azure' }, LogSource: 'stderr', Type: 'ContainerLogV2' },
        '{"level":50,"msg":"azure"}',
        { host: 'aks-node-1', pod: 'p13', namespace: 'n13', container: 'c13', time: AT },
      ],
      // PM2's JSON logs: the application is the unit.
      [{ message: 'pm2\n', timestamp: '2026-11-22T09:44:34.085Z', type: 'err', process_id: 2, app_name: 'mqtt-admin' }, 'pm2', { unit: 'mqtt-admin', stream: 'processid=2', time: AT }],
    ];
    for (const [envelope, text, origin] of cases) {
      expect(unwrapLine(line(envelope)), text).toMatchObject({ text, origin });
    }
  });

  it('peels an envelope after Fluentd’s and Fluent Bit’s file prefixes', () => {
    const record = line({ log: 'inner\n', stream: 'stderr' });
    expect(unwrapLine(`2026-11-22T09:44:34+00:00\tkube.var.log.containers.api_prod_app.log\t${record}`)).toMatchObject({ text: 'inner', origin: { time: Date.UTC(2026, 10, 22, 9, 44, 34) } });
    expect(unwrapLine(`kube.var.log: [1795340674.085, ${record}]`)).toMatchObject({ text: 'inner', origin: { time: AT } });
  });

  it('peels an envelope after Fluentd’s stdout prefix, and reads the pod from an in_tail path tag', () => {
    const record = line({ stream: 'stdout', logtag: 'F', message: 'inner' });
    const tag = `kubernetes.var.log.containers.api-7d9f-abcde_iot_api-${'0123456789abcdef'.repeat(4)}.log`;
    expect(unwrapLine(`2026-11-22 09:44:34.085123456 +0800 ${tag}: ${record}`)).toMatchObject({
      text: 'inner',
      origin: { time: Date.UTC(2026, 10, 22, 1, 44, 34, 85), pod: 'api-7d9f-abcde', namespace: 'iot', container: 'api' },
    });
    // A tag that names no file gives no pod.
    expect(unwrapLine(`2026-11-22 09:44:34.085123456 +0000 app.access: ${record}`)).toMatchObject({ text: 'inner', origin: { pod: null, stream: 'tag=app.access\u0000stream=stdout' } });
  });

  it('takes the line from the first line field that holds one: an empty one gives way (CLS’s LogJson beside RawLog)', () => {
    const cls = { Time: 1795340674085, FileName: '/var/log/containers/api-1_iot_app-0123.log', HostName: 'node-1' };
    expect(unwrapLine(line({ ...cls, LogJson: '', RawLog: 'boom' }))).toMatchObject({ text: 'boom', origin: { host: 'node-1', time: AT } });
    expect(unwrapLine(line({ ...cls, LogJson: JSON.stringify({ __CONTENT__: 'inner' }), RawLog: '' }))).toMatchObject({ text: 'inner', origin: { host: 'node-1' } });
    // Alone, an empty line is still the envelope's line.
    expect(unwrapLine(line({ log: '', stream: 'stdout' }))).toMatchObject({ text: '' });
  });

  it('never takes an application’s own event apart', () => {
    // pino, bunyan and winston lines: a message beside the logger's fields, no shipper's field.
    expect(unwrapLine(line({ level: 50, time: AT, pid: 1, hostname: 'h', msg: 'failed' }))).toBeNull();
    expect(unwrapLine(line({ level: 'error', message: 'failed', timestamp: '2026-11-22T09:44:34Z' }))).toBeNull();
    // An error object beside the message makes it the application's event, whatever metadata was merged in:
    // the line stays whole, with what the metadata beside its fields says (see eventDimensions).
    const kept = (value: object): string | undefined => unwrapLine(line(value))?.text;
    const merged = { log: 'failed', err: { code: 'InternalError' }, kubernetes: { pod_name: 'p' } };
    expect(unwrapLine(line(merged))).toMatchObject({ text: line(merged), origin: { pod: 'p' }, partial: false });
    const stdout = { message: 'failed', requestId: 'x', stream: 'stdout' };
    expect(kept(stdout)).toBe(line(stdout));
    // An ECS-format application log: the error's fields, nested or flattened, make it an event.
    const ecs = { '@timestamp': 'x', 'log.level': 'error', message: 'failed', 'error.message': 'InternalError', 'ecs.version': '1.6.0' };
    expect(kept(ecs)).toBe(line(ecs));
    // Only journald's MESSAGE is a line given as byte values.
    expect(unwrapLine(line({ msg: [104, 105], stream: 'stdout' }))).toBeNull();
    // A JSON body at the end of a plain line is no envelope.
    expect(unwrapLine('2026-11-22 09:44:34 ERROR body {"Code":"InternalError","RequestId":"x"}')).toBeNull();
    // An event's field the line itself does not hold is the record's own, even beside a JSON line.
    const beside = { log: '{"msg":"failed"}\n', err: { code: 'InternalError' }, kubernetes: { pod_name: 'p' } };
    expect(kept(beside)).toBe(line(beside));
  });

  it('reads the dimensions of a platform’s metadata around an event it exported, never the event’s own', () => {
    const event = {
      id: 'AQAAAZ1',
      type: 'log',
      attributes: {
        timestamp: '2026-11-22T09:44:34.085Z',
        host: 'node-7',
        tags: ['kube_namespace:iot', 'pod_name:api-7d9f8c6b5-x2k8p', 'kube_container_name:api'],
        message: 'DescribeTopic failed',
        attributes: { hostname: 'api-own', pod: 'own', err: { code: 'ResourceNotFound.Topic', requestId: '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' } },
      },
    };
    expect(unwrapLine(line(event))).toMatchObject({ text: line(event), origin: { pod: 'api-7d9f8c6b5-x2k8p', namespace: 'iot', container: 'api', host: 'node-7', time: null }, partial: false });
    // An application's line with a code and its own host fields: no platform's metadata, nothing to read.
    expect(unwrapLine(line({ level: 50, time: AT, hostname: 'h', msg: 'failed', err: { code: 'X' } }))).toBeNull();
  });

  it('peels a record whose event fields a shipper merged from the JSON line it keeps (Fluent Bit’s Merge_Log)', () => {
    const app = { level: 50, hostname: 'api-1', msg: 'failed', err: { code: 'InternalError', requestId: '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' } };
    const merged = { time: '2026-11-22T09:44:34.085Z', stream: 'stderr', _p: 'F', log: `${JSON.stringify(app)}\n`, ...app, kubernetes: { pod_name: 'api-1', namespace_name: 'iot', host: 'node-7' } };
    // The application's own `hostname`, merged beside the line, is not the envelope's host.
    expect(unwrapLine(line(merged))).toMatchObject({ text: JSON.stringify(app), origin: { pod: 'api-1', namespace: 'iot', host: 'node-7', time: AT }, partial: false });
  });
});

describe('the byte-level check is a superset of what the peeler takes', () => {
  it('admits every envelope above and turns away lines without one', () => {
    const envelopes = [
      line({ log: 'x\n', stream: 'stdout' }),
      line({ MESSAGE: [104, 105], _SYSTEMD_UNIT: 'u' }),
      line({ message: 'x', kubernetes: {} }),
      line({ _id: 'x', _source: { message: 'x', host: 'h' } }),
      `2026-11-22T09:44:34+00:00\ttag\t${line({ log: 'x' })}`,
    ];
    for (const envelope of envelopes) {
      expect(unwrapLine(envelope), envelope).not.toBeNull();
      expect(mayCarryEnvelope(envelope), envelope).toBe(true);
    }
    expect(mayCarryEnvelope(line({ level: 30, time: 1, pid: 1, hostname: 'h', msg: 'ok' }))).toBe(false);
    expect(mayCarryEnvelope('2026-11-22 09:44:34 INFO ready')).toBe(false);
  });
});

describe('the check after a leading time is a superset of the wrappers unwrapLine takes there', () => {
  it('admits the text after the time of every syslog header and aws logs tail stream, whatever follows', async () => {
    const fc = (await import('fast-check')).default;
    const { mayBeWrappedAfterTime } = await import('../../src/records/may-be-wrapped.js');
    const host = fc.constantFrom('', 'node-1 ', 'a b ', 'x:y ', ' ', 'ecs/api/0123456789abcdef0123456789abcdef ', 'i-0abc12345678def90 ', 'a/b ', '/a/b ', '[x]/y ');
    const program = fc.constantFrom('mqtt-admin', 'app', '', 'a b', 'x:y', '2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef', '*/x');
    const pid = fc.constantFrom('[812]', '[web.1]', '', '[]', '[a b]', '[1', ']');
    const colon = fc.constantFrom(': ', ':', ' ', '');
    const rest = fc.constantFrom('', 'boom', '\tat x', ' INFO a: b', '[1]: c');
    const stamp = fc.constantFrom('2026-11-22T17:44:34.085123+08:00 ', '2026-11-22T09:44:34.085000+00:00 ', '2026-11-22T09:44:34.085123456Z ');
    let taken = 0;
    fc.assert(
      fc.property(stamp, host, program, pid, colon, rest, (time, ...parts) => {
        const line = `${time}${parts.join('')}`;
        const unwrapped = unwrapLine(line);
        if (unwrapped !== null && unwrapped.origin.stream !== null) {
          taken++;
          expect(mayBeWrappedAfterTime(line, time.length, line.length), line).toBe(true);
        }
      }),
      { numRuns: 6000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});

describe('Grafana’s downloaded rows', () => {
  it('take the row’s time and one stream; an envelope in the row is peeled after it; a time and a tab alone are no row', () => {
    expect(unwrapLine('1795340674085\t2026-11-22T09:44:34.085Z\t\tat x')).toMatchObject({ text: '\tat x', origin: { time: AT, stream: 'grafana download' } });
    // zap's and tslog's console lines start as Grafana's earlier rows did: they stay the application's lines.
    expect(unwrapLine('2026-11-22 09:44:34.085\terror\tsvc/token.go:42\tApplyToken failed')).toBeNull();
    expect(unwrapLine('2026-11-22T17:44:34+08:00\tboom')).toBeNull();
    const docker = JSON.stringify({ log: 'boom\n', stream: 'stderr', time: '2026-11-22T09:44:34.085Z' });
    expect(unwrapLine(`1795340674085\t2026-11-22T09:44:34.085Z\t${docker}`)).toMatchObject({ text: 'boom', origin: { time: AT, stream: expect.stringContaining('stderr') } });
    const tag = 'kubernetes.var.log.containers.group-admin-5b8c7d9f6-h4j2k_iot_group-admin-4d1145815dd0dce66ba126f03e3395eb024925c1ee42c23cd930c377c53a4be4.log';
    const fluentd = unwrapLine(`2026-11-22T17:44:34+08:00\t${tag}\t{"log":"boom\\n","stream":"stdout"}`);
    expect(fluentd).toMatchObject({ text: 'boom', origin: { pod: 'group-admin-5b8c7d9f6-h4j2k', namespace: 'iot' } });
    for (const line of ['1795340674085\tboom', '179534067408\t2026-11-22T09:44:34.085Z\tx', '1795340674085\t2026-11-22 09:44:34.085\tx', 'x\t2026']) {
      expect(unwrapLine(line)?.origin.stream, line).not.toBe('grafana download');
    }
  });

  it('are looked for by the fast path wherever they may be: its check is a superset', async () => {
    const head = ['1795340674085\t', '179534067408\t', '', '17953406740850\t'];
    const time = ['2026-11-22T09:44:34.085Z', '2026-11-22T09:44:34Z', '2026-11-22 09:44:34.085', '2026-11-22 09:44:34', '2026-11-22T17:44:34+08:00', '2026-11-22T17:44:34.085+08:00', '2026-11-22T09:44:34.085123Z', '2026-11-22 09:44', 'x'];
    const rest = ['\tboom', '\t\tat x', '\t{"log":"x\\n","stream":"stdout"}', ' boom', '\t', ''];
    const taken = await expectWrapperCheckAdmits([head, time, rest], (line) => unwrapLine(line)?.origin.stream === 'grafana download');
    expect(taken).toBe(9);
  });
});

describe('Papertrail’s archive rows', () => {
  const row = (time: string, message: string, program = 'app/web.1'): string =>
    `50342052\t${time}\t2026-11-22 01:44:35 -0800\t42424\tfleet-api\t10.0.1.5\tLocal7\tError\t${program}\t${message}`;

  it('take the message, the time it was generated, the sender as the host and the sender and program as the stream', () => {
    const read = unwrapLine(row('2026-11-22 01:44:34 -0800', '\tat x'));
    expect(read).toMatchObject({ text: '\tat x', origin: { time: Date.UTC(2026, 10, 22, 9, 44, 34), host: 'fleet-api' } });
    expect(read?.origin.stream).toContain('program=app/web.1');
    expect(unwrapLine(row('2026-11-22 01:44:34 -0800', 'x', 'app/worker.2'))?.origin.stream).not.toBe(read?.origin.stream);
    expect(unwrapLine(row('2026-11-22T09:44:34Z', 'boom'))).toMatchObject({ text: 'boom', origin: { time: Date.UTC(2026, 10, 22, 9, 44, 34) } });
    // A message that is an envelope is peeled after the row.
    const docker = JSON.stringify({ log: 'boom\n', stream: 'stderr', time: '2026-11-22T09:44:34.085Z' });
    expect(unwrapLine(row('2026-11-22 01:44:34 -0800', docker))).toMatchObject({ text: 'boom', origin: { time: AT, host: 'fleet-api' } });
  });

  it('are not lines led by a number and a tab that are no row', () => {
    for (const line of ['50342052\t2026-11-22 01:44:34 -0800\tboom', '12\t2026-11-22\tx', '2026-11-22 01:44:34\t50342052\tx', '50342052\tboom']) {
      expect(unwrapLine(line)?.origin.host ?? null, line).toBeNull();
    }
  });

  it('are looked for by the fast path wherever they may be: its check is a superset', async () => {
    const id = ['50342052\t', '1\t', '12345678901234567890\t', '', '50342052 '];
    const time = ['2026-11-22 01:44:34 -0800', '2026-11-22T09:44:34Z', '2026-11-22 01:44:34.123 +08:00', '2026-11-22 01:44', 'x'];
    const rest = ['\t2026-11-22 01:44:35 -0800\t42424\tfleet-api\t10.0.1.5\tLocal7\tError\tapp/web.1\tboom', '\t\t\t\t\t\t\t\t', '\tboom', ''];
    const taken = await expectWrapperCheckAdmits([id, time, rest], (line) => unwrapLine(line)?.origin.stream?.startsWith('papertrail') === true);
    expect(taken).toBe(18);
  });
});

describe('the prefix check is a superset of the service prefixes unwrapLine takes', () => {
  it('admits every `docker compose logs` and `docker service logs` prefix, whatever its parts', async () => {
    const fc = (await import('fast-check')).default;
    const { mayBeWrapped } = await import('../../src/records/may-be-wrapped.js');
    const name = fc.constantFrom('api', 'mqtt_admin', 'x8bpjxhqa2mtlecdsnm5hr7gz', 'a.b', '', '-a', 'a b');
    const slot = fc.constantFrom('-1', '_2', '.1', '.12', '.x8bpjxhqa2mtlecdsnm5hr7gz', '', '.', '-');
    const task = fc.constantFrom('', '.k3x9q2m8v7n1', '.k3x9q2m8v7n1p0o9i8u7y6t5r', '.K3X9', '.1');
    const node = fc.constantFrom('', '@node-1', '@manager', '@ip-10-0-1-5.ec2.internal', '@', '@a b', '@1');
    const pad = fc.constantFrom('', ' ', '    ', '     ');
    const bar = fc.constantFrom(' | ', '| ', ' |', ' || ');
    const rest = fc.constantFrom('', 'boom', '\tat x', '2026-11-22T09:44:34.085123456Z at x', 'a | b');
    const stamp = fc.constantFrom('', '2026-11-22T09:44:34.085123456Z ');
    let taken = 0;
    fc.assert(
      fc.property(stamp, name, slot, task, node, pad, bar, rest, (time, ...parts) => {
        const line = `${time}${parts.join('')}`;
        const unwrapped = unwrapLine(line);
        if (unwrapped !== null && unwrapped.origin.container !== null) {
          taken++;
          expect(mayBeWrapped(line, time.length, line.length), line).toBe(true);
        }
      }),
      { numRuns: 6000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});

describe('JSON text sequences (RFC 7464)', () => {
  it('drop the record separator before each value, which is then peeled as any line is', async () => {
    const journal = '\x1e{"__REALTIME_TIMESTAMP":"1795340674085123","_HOSTNAME":"node-1","_SYSTEMD_UNIT":"mqtt-admin.service","MESSAGE":"boom"}';
    expect(unwrapLine(journal)).toMatchObject({ text: 'boom', origin: { host: 'node-1', unit: 'mqtt-admin.service', time: AT } });
    expect(unwrapLine('\x1e{"level":50,"msg":"boom"}')).toMatchObject({ text: '{"level":50,"msg":"boom"}', origin: { ...NO_DIMENSIONS } });
    // Only before a line as read: inside an envelope the character is the application's.
    expect(unwrapLine('\x1e{"level":50}', false)).toBeNull();
    const taken = await expectWrapperCheckAdmits([['\x1e', ''], ['{"MESSAGE":"x","_HOSTNAME":"n"}', 'x', '']], (line) => unwrapLine(line) !== null);
    expect(taken).toBe(4);
  });
});

describe('Vector’s logfmt records', () => {
  it('peel the message from the flattened, sorted metadata, the time last', () => {
    const record =
      'file=/var/log/pods/iot_api-7d9f8c6b5-x2k4p_0b1c/api/0.log kubernetes.container_name=api kubernetes.pod_ips[0]=10.1.3.5 kubernetes.pod_labels.pod-template-hash=7d9f8c6b5 ' +
      'kubernetes.pod_name=api-7d9f8c6b5-x2k4p kubernetes.pod_namespace=iot kubernetes.pod_node_name=node-1 message="\tat x \\"quoted\\" \\\\ and\\na break" ' +
      'source_type=kubernetes_logs stream=stderr timestamp=2026-11-22T09:44:34.085123456Z';
    expect(unwrapLine(record)).toMatchObject({
      text: '\tat x "quoted" \\ and\na break',
      origin: { pod: 'api-7d9f8c6b5-x2k4p', namespace: 'iot', container: 'api', host: 'node-1', time: AT },
    });
    expect(unwrapLine('host=node-2 message=boom source_type=file timestamp=2026-11-22T09:44:34.085Z')).toMatchObject({ text: 'boom', origin: { host: 'node-2', time: AT } });
  });

  it('are not an application’s logfmt line, nor a line that is not wholly pairs', () => {
    expect(unwrapLine('time=2026-11-22T09:44:34Z level=error msg="boom" host=api-1')).toBeNull();
    // An application's event fields beside its message: the event, not an envelope.
    expect(unwrapLine('message="boom" code=InstanceNotFound source_type=file host=n')).toBeNull();
    expect(unwrapLine('host=node-2 message="unclosed source_type=file')).toBeNull();
    expect(unwrapLine('host=node-2 message=boom source_type=file and then prose, unquoted')?.text).toBeUndefined();
  });

  it('read every pair of a line, quoted or bare, a key alone being true’s', async () => {
    const { readLogfmtPairs } = await import('../../src/records/logfmt-envelope.js');
    expect(readLogfmtPairs('a=1 b="x \\"y\\"" c d=')).toEqual({ a: '1', b: 'x "y"', c: '', d: '' });
    expect(readLogfmtPairs('a=1  b=2')).toBeNull();
    expect(readLogfmtPairs('a="x"y')).toBeNull();
    expect(readLogfmtPairs('')).toBeNull();
  });
});

describe('PM2’s forms of a process’s lines', () => {
  const RED = '\x1b[31m';
  const GREEN = '\x1b[32m';
  const BLUE = '\x1b[34m';
  const RESET = '\x1b[39m';
  const SECOND = Date.UTC(2026, 10, 22, 9, 44, 34);

  it('take `pm2 logs`’ coloured prefix: the application is the unit, its pm_id and stream (by colour) its stream', () => {
    expect(unwrapLine(`${RED}0|mqtt-admin   | ${RESET}    at Client.parseResponse (x.js:1:1)`)).toMatchObject({
      text: '    at Client.parseResponse (x.js:1:1)',
      origin: { unit: 'mqtt-admin', stream: 'pm2=0\u0000stderr', time: null },
    });
    expect(unwrapLine(`${GREEN}1|mqtt-admin   | ${RESET}ok`)).toMatchObject({ text: 'ok', origin: { unit: 'mqtt-admin', stream: 'pm2=1\u0000stdout' } });
    // The tail of the files, cut to ten characters; the daemon’s own lines.
    expect(unwrapLine(`${RED}0|mqtt-adm | ${RESET}}`)).toMatchObject({ text: '}', origin: { unit: 'mqtt-adm' } });
    expect(unwrapLine(`${BLUE}PM2        | ${RESET}2026-11-22T09:44:34: PM2 log: App [api:0] online`)).toMatchObject({
      text: 'PM2 log: App [api:0] online',
      origin: { unit: 'PM2', stream: null, time: SECOND },
    });
    // Without colours (FORCE_COLOR=0, or stripped), a name with spaces.
    expect(unwrapLine('12|mqtt admin  | boom')).toMatchObject({ text: 'boom', origin: { unit: 'mqtt admin', stream: 'pm2=12' } });
  });

  it('take the time `--timestamp` prints and the process’s own `--time` stamp, the process’s winning', () => {
    const dimmed = '\x1b[2m\x1b[90m2026-11-22-09:44:34 \x1b[39m\x1b[22m';
    expect(unwrapLine(`${dimmed}${RED}0|api  | ${RESET}boom`)).toMatchObject({ text: 'boom', origin: { unit: 'api', time: SECOND } });
    expect(unwrapLine(`${dimmed}${RED}0|api  | ${RESET}2026-11-22T09:44:30: boom`)).toMatchObject({ text: 'boom', origin: { time: SECOND - 4000 } });
  });

  it('take `pm2 logs --format`’s fields', () => {
    expect(unwrapLine('timestamp=2026-11-22-09:44:34+0000 app=mqtt-admin id=3 type=error message=  code: \'ResourceNotFound.Topic\'')).toMatchObject({
      text: "  code: 'ResourceNotFound.Topic'",
      origin: { unit: 'mqtt-admin', stream: 'pm2=3\u0000stderr', time: SECOND },
    });
    expect(unwrapLine('app=mqtt-admin id=3 type=out message=ok')).toMatchObject({ text: 'ok', origin: { unit: 'mqtt-admin', stream: 'pm2=3\u0000stdout', time: null } });
    expect(unwrapLine('app=pm2 message=PM2 log: Stopping app')).toMatchObject({ origin: { unit: 'PM2' } });
    // An application’s logfmt line is no such line.
    expect(unwrapLine('timestamp=2026-11-22T09:44:34Z level=error msg="boom" app=api')).toBeNull();
    expect(unwrapLine('app=api level=error msg=boom')).toBeNull();
  });

  it('take the process’s `--time` stamp alone, first in a log file’s line', () => {
    expect(unwrapLine('2026-11-22T09:44:34:     at Client.parseResponse (x.js:1:1)')).toMatchObject({ text: '    at Client.parseResponse (x.js:1:1)', origin: { ...NO_DIMENSIONS, time: SECOND } });
    expect(unwrapLine('2026-11-22T09:44:34:boom')).toBeNull();
  });

  it('take the stamp of a log_date_format led by the year: to the minute or finer, with an offset or none', () => {
    const MINUTE = Date.UTC(2026, 10, 22, 9, 44);
    // A stamp with its offset is the moment itself (zoned); one without is the host's local time.
    for (const [line, time, zoned] of [
      // PM2's documented `YYYY-MM-DD HH:mm Z`, on a host in Asia/Shanghai.
      ['2026-11-22 17:44 +08:00:   code: \'ResourceNotFound.Topic\'', MINUTE, true],
      ['2026-11-22 09:44:34.085:   code: \'ResourceNotFound.Topic\'', SECOND + 85, false],
      ['2026-11-22 17:44:34 +0800:   code: \'ResourceNotFound.Topic\'', SECOND, true],
      ['2026/11/22 09:44:   code: \'ResourceNotFound.Topic\'', MINUTE, false],
      ['2026-11-22T09:44:34Z:   code: \'ResourceNotFound.Topic\'', SECOND, true],
    ] as const) {
      expect(unwrapLine(line), line).toMatchObject({ text: "  code: 'ResourceNotFound.Topic'", origin: { ...NO_DIMENSIONS, time, zoned } });
    }
    // An application's own header is no stamp: its time is followed by its level, or by a comma's milliseconds.
    for (const line of ['2026-11-22 09:44:34.085 ERROR boom', '2026-11-22 09:44:34,085: boom', '22/11/2026 09:44:34: boom', '2026-11-22 09:44 : boom']) {
      expect(unwrapLine(line), line).toBeNull();
    }
  });

  it('are not a colour, digits or a bar that are no prefix', () => {
    expect(unwrapLine(`${RED}error${RESET} | boom`)).toBeNull();
    expect(unwrapLine(`${BLUE}0|api  | ${RESET}boom`)).toBeNull();
    expect(unwrapLine(`${RED}0|api  | boom`)).toBeNull();
    expect(unwrapLine('0| | boom')).toBeNull();
    expect(unwrapLine('3 | 4 | 5')).toBeNull();
  });

  it('are looked for by the fast path wherever they may be: its check is a superset', async () => {
    const time = ['', '\x1b[2m\x1b[90m2026-11-22-09:44:34 \x1b[39m\x1b[22m'];
    const colour = ['', RED, GREEN, BLUE];
    const name = ['0|api', '12|mqtt admin', '0|mqtt-adm', 'PM2', 'x|api', '|api', '0|'];
    const pad = ['', '  '];
    const bar = [' | ', ' |'];
    const reset = ['', RESET];
    const rest = ['boom', '2026-11-22T09:44:34: \tat x'];
    const taken = await expectWrapperCheckAdmits([time, colour, name, pad, bar, reset, rest], (line) => unwrapLine(line)?.origin.unit != null);
    // No colour: 4 names × 2 × 2 × 2; red or green: 3 names (not PM2) × 2 × 2 × 2 × 2 (reset needed); blue: PM2 × 2 × 2 × 2.
    expect(taken).toBe(88);
    const formats = await expectWrapperCheckAdmits(
      [['', 'timestamp=2026-11-22-09:44:34+0000 ', 'timestamp=2026-11-22 '], ['app=api id=0 ', 'app=pm2 ', 'app=api '], ['', 'type=out ', 'type=error '], ['message=boom', 'message=', 'msg=boom']],
      (line) => unwrapLine(line)?.origin.unit != null,
    );
    // Two times (none, or a whole one), two apps (with an id, or pm2), three types, two messages.
    expect(formats).toBe(24);
  });
});

describe('syslog messages as a TCP receiver or a Heroku log drain gets them', () => {
  it('removes RFC 6587’s octet count with the RFC 5424 header, and reads logplex’s header, which has no structured data', () => {
    const origin = { ...NO_DIMENSIONS, host: 'host', stream: 'program=app\u0000pid=web.3', time: AT, zoned: true };
    expect(unwrapLine('83 <40>1 2026-11-22T09:44:34.085+00:00 host app web.3 - State changed from starting to up')).toEqual({ text: 'State changed from starting to up', origin, partial: false });
    expect(unwrapLine('<40>1 2026-11-22T09:44:34.085+00:00 host app web.3 - State changed')).toEqual({ text: 'State changed', origin, partial: false });
    // Structured data is read as such where it is one: what follows it is the message.
    expect(unwrapLine('212 <134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 [exampleSDID@32473 iut="3"] boom')).toMatchObject({ text: 'boom', origin: { host: 'node-2' } });
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 [a@1 b="x \\"y\\" [z\\]"][c@2 d=""] boom')).toMatchObject({ text: 'boom' });
    // Brackets that are no structured data (a name with a blank and no value, a value unquoted, left open) are the message's.
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 [timeQuality tzKnown="1"][origin] boom')).toMatchObject({ text: 'boom' });
    for (const text of ['[left open boom', '[09:55:12 ERR] CreateUser failed', '[a@1 b=x] boom', '[a@1 b="x] boom', '[INFO] boom', '[2026-11-22T10:06:00+00:00] smoke']) {
      expect(unwrapLine(`<134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 ${text}`), text).toMatchObject({ text });
      expect(unwrapLine(`<190>1 2026-11-22T09:44:34.085123+00:00 host app web.1 - ${text}`), text).toMatchObject({ text });
    }
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 app - ID47 -- boom')).toMatchObject({ text: '-- boom' });
    // A count before anything but an RFC 5424 header is an application's number.
    for (const line of ['83 <b>bold</b>', '83 <40> 2026-11-22T09:44:34Z host app web.3 - x', '1234567 <40>1 2026-11-22T09:44:34Z host app web.3 - x']) expect(unwrapLine(line), line).toBeNull();
  });

  it('is looked for by the fast path wherever the unwrapper takes it: its check is a superset', async () => {
    const count = ['83', '7', '123456', '1234567', ''];
    const space = [' ', '  ', ''];
    const header = ['<40>1 ', '<40> ', '<1>1 ', ''];
    const rest = ['2026-11-22T09:44:34.085+00:00 host app web.3 - boom', '2026-11-22T09:44:34Z node-1 app 812 - - boom', 'boom'];
    const taken = await expectWrapperCheckAdmits([count, space, header, rest], (line) => (unwrapLine(line)?.origin.host ?? null) !== null);
    // An RFC 5424 header (2) with a full header's rest (2), alone or after a count of one to six digits and one space (4).
    expect(taken).toBe(16);
  });
});

describe('journalctl’s multi-line messages', () => {
  it('gives the width of a header journalctl prints, after which an indented line continues its entry', () => {
    for (const [line, width] of [
      ['Nov 22 09:44:34 node-1 mqtt-admin[812]: boom', 40],
      ['Nov 22 09:44:34.085123 node-1 mqtt-admin[812]: boom', 47],
      ['2026-11-22T09:44:34+00:00 node-1 mqtt-admin.service[812]: boom', 58],
      ['Nov 22 09:44:34 node-1 kernel: boom', 31],
    ] as const) {
      expect(unwrapLine(line)?.hangingIndent, line).toBe(width);
      expect(line.charAt(width), line).toBe('b');
    }
  });

  it('gives none for a header journalctl does not print', () => {
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 mqtt-admin 812 - - boom')).toMatchObject({ text: 'boom', origin: { host: 'node-2' } });
    expect(unwrapLine('<134>1 2026-11-22T09:44:34.085Z node-2 mqtt-admin 812 - - boom')).not.toHaveProperty('hangingIndent');
  });
});

describe('journalctl’s short-unix header', () => {
  it('is looked for by the fast path wherever the unwrapper takes it: its check is a superset', async () => {
    const seconds = ['1795340674', '1000000000', '9999999999', '179534067', '17953406741', ''];
    const fraction = ['.085123', '.000000', '.08512', '.0851234', ''];
    const rest = [' node-1 mqtt-admin[812]: boom', ' node-1 app[1]: \tat x', ' node-1 kernel: boom', ' boom', ''];
    const taken = await expectWrapperCheckAdmits([seconds, fraction, rest], (line) => unwrapLine(line)?.origin.host === 'node-1');
    expect(taken).toBe(12);
  });
});

/**
 * Every line made of one choice from each of `parts`, in order: each one the
 * unwrapper takes (`isTaken`) the fast path's wrapper check must admit.
 * Returns how many were taken, for the caller to hold the property to the cases it means.
 */
async function expectWrapperCheckAdmits(parts: string[][], isTaken: (line: string) => boolean): Promise<number> {
  const { mayBeWrapped } = await import('../../src/records/may-be-wrapped.js');
  let taken = 0;
  // Every combination of the parts, so that what is taken (and the count) is the same on every run.
  const lines = parts.reduce<string[]>((heads, choices) => heads.flatMap((head) => choices.map((choice) => head + choice)), ['']);
  for (const line of lines) {
    if (!isTaken(line)) continue;
    taken++;
    expect(mayBeWrapped(line), line).toBe(true);
  }
  return taken;
}
