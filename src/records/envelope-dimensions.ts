import { parseTimeValue } from '../time/parse-time.js';
import { bsdTimeValue } from '../time/year-less-time.js';
import { isZonedTime } from '../time/zoned-time.js';
import { isKeyValueList, keyValueObject } from './json-normal-form.js';
import { podFromLogPath } from './pod-log-path.js';

/** Where a line came from, as an envelope or a wrapper says: the record's dimensions, never evidence. */
export interface Dimensions {
  pod: string | null;
  container: string | null;
  namespace: string | null;
  host: string | null;
  unit: string | null;
  /**
   * Whatever else tells this line's stream apart (`stdout`/`stderr`, a file
   * path, a log stream, a label): with the dimensions above, lines that
   * differ in it never share a record.
   */
  stream: string | null;
  /** Epoch milliseconds the envelope gives the line. */
  time: number | null;
  /**
   * The time was written with its zone (an RFC 3339 time with `Z` or an
   * offset, an epoch value), so it is the moment itself, whatever `--log-tz`
   * says: a time the line wrote without one is read in the zone it shows
   * (see timeBesideWrapper).
   */
  zoned: boolean;
}

export const NO_DIMENSIONS: Dimensions = { pod: null, container: null, namespace: null, host: null, unit: null, stream: null, time: null, zoned: false };

type Named = Exclude<keyof Dimensions, 'stream' | 'time' | 'zoned'>;

/** Metadata looked at per envelope: platforms nest a few levels (`resource.labels.pod_name`), never more. */
const MAX_DEPTH = 4;
const MAX_FIELDS = 256;

/**
 * Field paths, as the parent's and the field's names lower-cased without
 * `_`, `-`, `.`, `:`, `@` and joined, and the dimension each names. A path that
 * ends with one of these names it (`kubernetes.pod_name`, `k8s.pod.name`,
 * `resource.labels.pod_name`, journald's `_HOSTNAME`).
 */
const NAMED_SUFFIXES: ReadonlyArray<readonly [string, Named]> = [
  ['podname', 'pod'],
  ['namespacename', 'namespace'],
  // Tencent CLS's `__TAG__.namespace`, Vector's `pod_namespace`.
  ['namespace', 'namespace'],
  ['containername', 'container'],
  ['hostname', 'host'],
  ['nodename', 'host'],
  // Google Cloud Logging's node of a k8s_container entry: `labels."compute.googleapis.com/resource_name"`.
  ['computegoogleapiscom/resourcename', 'host'],
  // Sumo Logic's `_sourceHost`, New Relic's and Graylog's source host fields.
  ['sourcehost', 'host'],
  ['systemdunit', 'unit'],
  ['systemduserunit', 'unit'],
];
/** Field names that name a dimension by themselves. */
const NAMED_FIELDS: ReadonlyMap<string, Named> = new Map<string, Named>([
  ['pod', 'pod'],
  ['namespace', 'namespace'],
  ['container', 'container'],
  ['host', 'host'],
  ['computer', 'host'],
  // The Kubernetes node a pod ran on, as Sumo Logic's Kubernetes collection names its field.
  ['node', 'host'],
  ['unit', 'unit'],
  // PM2's JSON logs name the application so (`app_name`), as RFC 5424's APP-NAME is shipped (`appname`).
  ['appname', 'unit'],
]);
/** Paths (as above) that tell streams apart without being a dimension of their own. */
const STREAM_SUFFIXES = ['stream', 'logstreamname', 'logstream', 'loggroupname', 'loggroup', 'file', 'filepath', 'filename', 'path', 'tagpath', 'logname', 'sourcetype', 'source', 'job', 'app', 'syslogidentifier', 'processid',
  // A relay's program and process (syslog-ng's `PROGRAM` and `PID`, RFC 5424's `procid`, Fluent Bit's syslog parser's `ident`), as a syslog header's are.
  'program', 'ident', 'pid', 'procid',
  // Sumo Logic's `_sourceName` (the file), `_sourceCategory` and `_collector`.
  'sourcename', 'sourcecategory', 'collector'];

/** `/var/log/containers/<pod>_<namespace>_<container>-<id>.log`, also as a tag (`kube.var.log.containers.….log`). */
const CONTAINER_LOG_PATH = /[/.]var[/.]log[/.]containers[/.]([^_/]{1,253})_([^_/]{1,253})_([^/]{1,253})-[0-9a-f]{64}\.log$/;

/** Pod, namespace and container from a kubelet log path (see podFromLogPath) or its `/var/log/containers` link, where nothing else named them. */
export function fillFromKubeletPath(found: Dimensions, path: string): void {
  const pods = podFromLogPath(path);
  const containers = pods ? null : CONTAINER_LOG_PATH.exec(path);
  if (pods) {
    found.namespace ??= pods.namespace;
    found.pod ??= pods.pod;
    found.container ??= pods.container;
  } else if (containers) {
    found.pod ??= containers[1]!;
    found.namespace ??= containers[2]!;
    found.container ??= containers[3]!;
  }
}

/** Docker's awslogs driver names a stream `<prefix>/<container>/<task id>` (ECS). */
const AWSLOGS_STREAM = /^[^/]{1,512}\/([^/]{1,255})\/[0-9a-f]{32}$/;

/** The container an ECS task's CloudWatch log stream is named after, where nothing else named it. */
export function fillFromAwslogsStream(found: Dimensions, stream: string): void {
  const m = AWSLOGS_STREAM.exec(stream);
  if (m) found.container ??= m[1]!;
}

/**
 * Time fields of envelopes, most precise first; values are read by
 * parseTimeValue, or as RFC 3164's year-less timestamp (see bsdTimeValue).
 * syslog-ng's `format-json` writes `ISODATE` and `DATE`; NXLog `EventTime`
 * (the message's) and `EventReceivedTime` (its own).
 */
const TIME_FIELDS = [
  'time', 'timestamp', '@timestamp', 'ts', 'date', '_time', '__time__', 'TimeGenerated', 'Time', '__REALTIME_TIMESTAMP', '_SOURCE_REALTIME_TIMESTAMP',
  'ISODATE', 'DATE', 'EventTime',
  // Sumo Logic's message time (epoch milliseconds as a string), before its receipt time.
  '_messagetime',
  'timeUnixNano', 'observedTimeUnixNano', 'receiveTimestamp', 'received_at', 'ingestionTime', 'EventReceivedTime', '_receipttime',
];

/** Whether an envelope's field holds its time (see TIME_FIELDS). */
export function isTimeField(key: string): boolean {
  return TIME_FIELDS.includes(key);
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_.:@]/g, '');
}

/**
 * Reads an envelope's metadata (every field but the line) into dimensions:
 * pod, container, namespace, host, unit at any of the places platforms put
 * them (in objects, or in key/value lists as OpenTelemetry writes
 * attributes), the stream's other identifiers, and the time.
 * @example readDimensions({ stream: 'stderr', kubernetes: { pod_name: 'api-1', namespace_name: 'prod' } }, 'log')
 */
export function readDimensions(envelope: Record<string, unknown>, lineField: string): Dimensions {
  const found: Dimensions = { ...NO_DIMENSIONS };
  const streamParts: string[] = [];
  let fields = 0;
  const visit = (obj: Record<string, unknown>, parent: string, depth: number): void => {
    for (const key of Object.keys(obj)) {
      if (fields++ >= MAX_FIELDS) return;
      if (depth === 0 && key === lineField) continue;
      const value = obj[key];
      const name = normalize(key);
      if (value !== null && typeof value === 'object') {
        // OpenTelemetry's resource and record attributes are key/value lists: `[{"key":"k8s.pod.name","value":{"stringValue":…}}]`;
        // Datadog's tags are `key:value` strings: `["kube_pod_name:api-7d9f-0", "kube_namespace:prod"]`.
        const fields = Array.isArray(value) ? (isKeyValueList(value) ? keyValueObject(value) : taggedObject(value)) : value;
        if (fields !== null && depth + 1 < MAX_DEPTH) visit(fields as Record<string, unknown>, name, depth + 1);
        continue;
      }
      const path = parent + name;
      // A process's number (PM2's `process_id`) tells streams apart as its text would.
      if (Number.isSafeInteger(value) && STREAM_SUFFIXES.some((suffix) => path.endsWith(suffix))) streamParts.push(`${path}=${value as number}`);
      if (typeof value !== 'string' || value === '' || value.length > 1024) continue;
      const dimension = NAMED_FIELDS.get(name) ?? NAMED_SUFFIXES.find(([suffix]) => path.endsWith(suffix))?.[1];
      if (dimension) {
        found[dimension] ??= value;
        continue;
      }
      if (STREAM_SUFFIXES.some((suffix) => path.endsWith(suffix))) {
        streamParts.push(`${path}=${value}`);
        if (value.includes('.log')) fillFromKubeletPath(found, value);
        else if (path === 'logstreamname' || path === 'logstream') fillFromAwslogsStream(found, value);
      }
    }
  };
  visit(envelope, '', 0);
  // Alibaba SLS's `__source__` is the machine's address: the host when nothing names it better.
  if (found.host === null && typeof envelope['__source__'] === 'string') found.host = envelope['__source__'];
  found.stream = streamParts.length > 0 ? streamParts.join('\u0000') : null;
  const { time, zoned } = readTime(envelope);
  found.time = time;
  found.zoned = zoned;
  return found;
}

/** A list of `key:value` tags (Datadog's) as an object of them; null for any other list. */
function taggedObject(list: unknown[]): Record<string, string> | null {
  if (list.length === 0 || list.length > MAX_FIELDS) return null;
  const out: Record<string, string> = {};
  for (const tag of list) {
    const colon = typeof tag === 'string' ? tag.indexOf(':') : -1;
    if (colon <= 0) return null;
    const key = (tag as string).slice(0, colon);
    if (!(key in out)) Object.defineProperty(out, key, { value: (tag as string).slice(colon + 1), enumerable: true });
  }
  return out;
}

/**
 * The envelope's time: the first time field, in TIME_FIELDS' order, that
 * reads as a time, and whether it was written with its zone (see isZonedTime).
 */
function readTime(envelope: Record<string, unknown>): { time: number | null; zoned: boolean } {
  for (const key of TIME_FIELDS) {
    if (!(key in envelope)) continue;
    const value = envelope[key];
    const time = parseTimeValue(value) ?? bsdTimeValue(value);
    if (time !== null) return { time, zoned: isZonedTime(value) };
  }
  return { time: null, zoned: false };
}

/**
 * Dimensions of an outer layer and of the layer it carried, as one: the
 * inner layer's time (nearer to the application) wins, the other fields are
 * taken from whichever layer has them, and the stream identifiers of both are kept.
 */
export function mergeDimensions(outer: Dimensions, inner: Dimensions): Dimensions {
  return {
    pod: outer.pod ?? inner.pod,
    container: outer.container ?? inner.container,
    namespace: outer.namespace ?? inner.namespace,
    host: outer.host ?? inner.host,
    unit: outer.unit ?? inner.unit,
    stream: outer.stream === null ? inner.stream : inner.stream === null ? outer.stream : `${outer.stream}\u0000${inner.stream}`,
    time: inner.time ?? outer.time,
    zoned: inner.time !== null ? inner.zoned : outer.zoned,
  };
}
