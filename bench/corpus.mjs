/**
 * A deterministic (seeded) corpus of realistic mixed application logs:
 * about 45% pino JSON info lines, 40% plain-text info lines, and the rest
 * API errors of both vendors in the shapes mqerr recognizes — response bodies
 * nested in pino lines or embedded in text, SDK exception texts, and
 * multi-line records (Java stack traces, Python tracebacks, Go SDK.ServerError
 * blocks). The generator knows every error it writes, so the benchmark can
 * check each tool's counts against the truth.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Changes whenever the generator's output changes, so cached corpora are made again. */
export const CORPUS_VERSION = 1;

/** The code pattern an SRE would type for `rg -o` / `grep -oE` over these shapes (ERE and Rust regex alike). */
export const CODE_PATTERN = [
  '"[Cc]ode":"[A-Za-z][A-Za-z0-9.]*"',
  'Code=[A-Za-z][A-Za-z0-9.]*',
  'ErrorCode: [A-Za-z][A-Za-z0-9.]*',
  'code: ?[A-Za-z][A-Za-z0-9.]*',
  '[A-Za-z][A-Za-z0-9.]*:? code: [0-9]{3}',
  'Exception: [A-Za-z][A-Za-z0-9.]* : ',
].join('|');

/** The code inside one match of CODE_PATTERN. */
export function codeOfMatch(match) {
  const m =
    /^"[Cc]ode":"([^"]+)"$/.exec(match) ??
    /^(?:Code=|ErrorCode: |code: ?)(\S+)$/.exec(match) ??
    /^(\S+?):? code: \d{3}$/.exec(match) ??
    /^Exception: (\S+) : $/.exec(match);
  return m ? m[1] : null;
}

/** The jq program that counts codes in the JSON lines (the other lines are skipped by `fromjson?`). */
export const JQ_PROGRAM = '(fromjson? | objects | (.err.code // .err.data.Code // .res.body.Response.Error.Code // .code // empty))';

const TENCENT_ERRORS = [
  ['ResourceNotFound.Topic', 'The topic does not exist.', 'DescribeTopic'],
  ['RequestLimitExceeded', 'The number of requests exceeds the frequency limit.', 'DescribeTopicList'],
  ['AuthFailure.SignatureExpire', 'Signature expired. Timestamp:1795340100', 'CreateTopic'],
  ['FailedOperation.InstanceNotReady', 'The instance is not ready.', 'DeleteTopic'],
  ['InternalError', 'An internal error has occurred. Retry your request.', 'ModifyInstance'],
  ['LimitExceeded.TopicNum', 'The number of topics exceeds the limit.', 'CreateTopic'],
  ['ResourceNotFound.Instance', 'The instance does not exist.', 'DescribeInstance'],
];
const ALIBABA_ERRORS = [
  ['ApplyTokenOverFlow', 'You have applied for tokens too many times. Please try again later.', 'ApplyToken', 400],
  ['InstanceNotFound', 'Failed to find the instance. The instanceId may be invalid.', 'QueryToken', 400],
  ['GroupIdAlreadyExsited', 'The specified GroupId already exists.', 'CreateGroupId', 400],
  ['SystemOverFlow', 'The system is overloaded. Please try again later.', 'SendMessage', 403],
  ['PermissionCheckFailed', 'You are not authorized to perform this operation.', 'ListGroupId', 400],
  ['InternalError', 'An internal error occurred.', 'RevokeToken', 417],
];

const WORDS = 'topic instance client session token group broker device message queue subscription retained will keepalive'.split(' ');
const PATHS = ['/api/topics', '/api/instances', '/api/devices', '/healthz', '/api/groups', '/metrics', '/api/tokens'];
const HOSTS = ['api-7d9f', 'api-5c2b', 'worker-8a1e'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes about `targetBytes` of log lines to `path`, deterministically for a
 * seed, and resolves with the truth: lines, error records, and counts per code
 * (all records, and the JSON lines only, which is what jq sees).
 */
export async function generateCorpus(path, targetBytes, seed = 42) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (n) => Math.floor(random() * n);
  const hex = (n, upper) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
    return upper ? s.toUpperCase() : s;
  };
  const uuid = (upper) => `${hex(8, upper)}-${hex(4, upper)}-4${hex(3, upper)}-${upper ? '89AB'[int(4)] : '89ab'[int(4)]}${hex(3, upper)}-${hex(12, upper)}`;

  let time = Date.UTC(2026, 10, 21, 0, 0, 0);
  const iso = () => new Date(time).toISOString();
  const pythonTime = () => iso().slice(0, 23).replace('T', ' ').replace('.', ',');
  const javaTime = () => iso().slice(0, 23).replace('T', ' ');
  const goTime = () => iso().slice(0, 19).replace('T', ' ').replaceAll('-', '/');

  const truth = { bytes: 0, lines: 0, errors: 0, byCode: {}, jsonByCode: {}, patternByCode: {} };
  const count = (map, key) => (map[key] = (map[key] ?? 0) + 1);
  const error = (vendor, code, json) => {
    truth.errors++;
    count(truth.byCode, `${vendor}/${code}`);
    count(truth.patternByCode, code);
    if (json) count(truth.jsonByCode, code);
  };

  const pinoInfo = () => {
    const pid = 4182;
    const host = pick(HOSTS);
    switch (int(4)) {
      case 0:
        return `{"level":30,"time":${time},"pid":${pid},"hostname":"${host}","req":{"method":"GET","url":"${pick(PATHS)}"},"res":{"statusCode":200},"responseTime":${int(90)},"msg":"request completed"}`;
      case 1:
        return `{"level":30,"time":${time},"pid":${pid},"hostname":"${host}","msg":"published ${int(50)} messages to ${pick(WORDS)}/${int(1000)}","qos":${int(3)}}`;
      case 2:
        return `{"level":20,"time":${time},"pid":${pid},"hostname":"${host}","msg":"${pick(WORDS)} ${pick(WORDS)} refreshed","durationMs":${int(2000)}}`;
      default:
        // About one info line in 25 carries a request id: a candidate line that is not an API event.
        return int(6) === 0
          ? `{"level":30,"time":${time},"pid":${pid},"hostname":"${host}","requestId":"req-${hex(6)}","msg":"GET ${pick(PATHS)} 200"}`
          : `{"level":30,"time":${time},"pid":${pid},"hostname":"${host}","msg":"${pick(WORDS)} cache hit ratio ${int(100)}%"}`;
    }
  };
  const textInfo = () => {
    switch (int(3)) {
      case 0:
        return `${pythonTime()} INFO mqtt.admin: syncing ${pick(WORDS)}s for instance mqtt-cn-${hex(10)}`;
      case 1:
        return `${javaTime()} INFO [pool-2-thread-${int(8)}] c.e.mqtt.TopicService - ${pick(WORDS)} ${pick(WORDS)} ok in ${int(300)} ms`;
      default:
        return `${goTime()} connected ${pick(WORDS)} client-${hex(6)} to broker ${pick(WORDS)}.example.net:1883`;
    }
  };

  /** One error record: its physical lines, and the truth it adds. */
  const errorRecord = () => {
    const [tCode, tMessage, tAction] = pick(TENCENT_ERRORS);
    const [aCode, aMessage, aAction, aStatus] = pick(ALIBABA_ERRORS);
    const tId = uuid(false);
    const aId = uuid(true);
    const alibabaBody = `{"RequestId":"${aId}","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"${aCode}","Message":"${aMessage}","Recommend":"https://api.aliyun.com/troubleshoot?q=${aCode}&product=OnsMqtt&requestId=${aId}"}`;
    switch (int(11)) {
      case 0:
        error('tencent', tCode, true);
        return [
          `{"level":50,"time":${time},"pid":4182,"hostname":"${pick(HOSTS)}","err":{"type":"TencentCloudSDKException","message":"${tMessage}","stack":"Error: ${tMessage}\\n    at TencentCloudSDKHttpException (/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js:8:9)","requestId":"${tId}","traceId":"${uuid(false)}","code":"${tCode}"},"msg":"${tAction} failed"}`,
        ];
      case 1:
        error('tencent', tCode, true);
        return [
          `{"level":50,"time":${time},"pid":4182,"hostname":"${pick(HOSTS)}","action":"${tAction}","res":{"statusCode":200,"body":{"Response":{"Error":{"Code":"${tCode}","Message":"${tMessage}"},"RequestId":"${tId}"}}},"msg":"request failed"}`,
        ];
      case 2:
        error('alibaba', aCode, true);
        return [
          `{"level":50,"time":${time},"pid":4182,"hostname":"${pick(HOSTS)}","err":{"type":"${aCode}Error","message":"${aMessage}, URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=${aAction}","data":${alibabaBody}},"msg":"${aAction} failed"}`,
        ];
      case 3:
        error('alibaba', aCode, false);
        return [`${pythonTime()} ERROR mqtt.admin: ${aAction} failed: body=${alibabaBody}`];
      case 4:
        error('tencent', tCode, false);
        return [`${goTime()} [TencentCloudSDKError] Code=${tCode}, Message=${tMessage}, RequestId=${tId}`];
      case 5:
        error('tencent', tCode, false);
        return [
          `${pythonTime()} ERROR mqtt.admin: ${tAction} failed`,
          'Traceback (most recent call last):',
          '  File "/app/admin.py", line 88, in sync_topics',
          `    resp = client.${tAction}(req)`,
          '  File "/usr/lib/python3.11/site-packages/tencentcloud/common/abstract_client.py", line 210, in call_json',
          '    raise TencentCloudSDKException(code, message, request_id)',
          `tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:${tCode} message:${tMessage} requestId:${tId}`,
        ];
      case 6:
        error('tencent', tCode, false);
        return [
          `${javaTime()} ERROR [pool-2-thread-${int(8)}] c.e.mqtt.TopicService - ${tAction} failed`,
          `com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: ${tCode} message:${tMessage} requestId:${tId}`,
          '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)',
          `\tat com.tencentcloudapi.mqtt.v20240516.MqttClient.${tAction}(MqttClient.java:402)`,
          '\tat com.example.mqtt.TopicService.sync(TopicService.java:57)',
          '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
        ];
      case 7:
        error('alibaba', aCode, false);
        return [`${pythonTime()} ERROR mqtt.admin: ${aCode}: code: ${aStatus}, ${aMessage} request id: ${aId}`];
      case 8:
        error('alibaba', aCode, false);
        return [
          `${pythonTime()} ERROR mqtt.admin: ${aAction} failed`,
          'Traceback (most recent call last):',
          '  File "/app/admin.py", line 88, in create_group',
          '    resp = client.create_group_id_with_options(request, runtime)',
          '  File "/usr/lib/python3.11/site-packages/alibabacloud_tea_openapi/client.py", line 1601, in do_rpcrequest',
          '    raise UnretryableException(_last_request, e)',
          `Tea.exceptions.TeaException: Error: ${aCode} code: ${aStatus}, ${aMessage} request id: ${aId} Response: {'RequestId': '${aId}', 'HostId': 'onsmqtt.cn-hangzhou.aliyuncs.com', 'Code': '${aCode}', 'Message': '${aMessage}'}`,
        ];
      case 9:
        error('alibaba', aCode, false);
        return [
          `${goTime()} SDK.ServerError`,
          `ErrorCode: ${aCode}`,
          `Recommend: https://api.aliyun.com/troubleshoot?q=${aCode}&product=OnsMqtt`,
          `RequestId: ${aId}`,
          `Message: ${aMessage}`,
          'RespHeaders: map[Content-Type:[application/json;charset=utf-8]]',
        ];
      default:
        error('alibaba', aCode, false);
        return [
          `${javaTime()} ERROR [pool-1-thread-${int(8)}] c.e.mqtt.TokenService - ${aAction} failed`,
          `com.aliyuncs.exceptions.ClientException: ${aCode} : ${aMessage}`,
          `RequestId : ${aId}`,
          '\tat com.aliyuncs.DefaultAcsClient.parseAcsResponse(DefaultAcsClient.java:258)',
          '\tat com.aliyuncs.DefaultAcsClient.getAcsResponse(DefaultAcsClient.java:160)',
          '\tat com.example.mqtt.TokenService.apply(TokenService.java:41)',
        ];
    }
  };

  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let batch = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const text = batch.join('');
    batch = [];
    batchBytes = 0;
    if (!out.write(text)) await once(out, 'drain');
  };
  const emit = (line) => {
    const text = line + '\n';
    batch.push(text);
    batchBytes += text.length;
    truth.bytes += Buffer.byteLength(text);
    truth.lines++;
  };
  while (truth.bytes < targetBytes) {
    time += 1 + int(40);
    const roll = random();
    // Error records average about three lines, so 5.5% of records makes about 15% of lines.
    if (roll < 0.46) emit(pinoInfo());
    else if (roll < 0.945) emit(textInfo());
    else for (const line of errorRecord()) emit(line);
    if (batchBytes > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return truth;
}
