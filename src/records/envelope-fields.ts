/**
 * The words of log envelopes: the field that carries the application's line,
 * the fields only a shipper or a log platform writes, and the fields that
 * make an object an application's own structured event rather than an
 * envelope. One vocabulary, read by the envelope peeler (peel-envelope.ts)
 * and by the byte-level check that lets a line skip it (see
 * src/lines/may-carry-envelope.ts), so the two cannot drift apart.
 */

/**
 * Fields that carry the line, most specific first: Docker, Fluent Bit and
 * Fluentd (`log`), journald (`MESSAGE`), Google Cloud Logging (`textPayload`,
 * and `jsonPayload`, the application's JSON line as an object),
 * Alibaba SLS and Tencent CLS (`content`, `__content__`, `__CONTENT__`; CLS's
 * SearchLog API and `tccli cls SearchLog` give `LogJson`, the collected
 * fields as a JSON text, or `RawLog`), Loki
 * (`line`), Graylog's GELF (`full_message` with the stack, else
 * `short_message`), Azure Monitor's container logs (`LogEntry`,
 * `LogMessage`), Splunk's search exports (`_raw`) and HEC (`event`),
 * OpenTelemetry (`body`), Vector, Elastic and CloudWatch (`message`), and
 * loggers shipped as they are (`msg`).
 */
export const LINE_FIELDS = [
  'LogJson',
  'RawLog',
  'log',
  'MESSAGE',
  'textPayload',
  'jsonPayload',
  '__content__',
  '__CONTENT__',
  'content',
  'line',
  'full_message',
  'short_message',
  'LogEntry',
  'LogMessage',
  '_raw',
  'message',
  'Message',
  'msg',
  'event',
  'body',
] as const;

/**
 * Line fields that only shippers and platforms name so: an object carrying
 * one is an envelope without any other sign. The others (`message`, `msg`…)
 * are also an application logger's own field, so they make an envelope only
 * beside a shipper's field.
 */
export const SHIPPER_LINE_FIELDS: ReadonlySet<string> = new Set([
  'LogJson', 'RawLog', 'log', 'MESSAGE', 'textPayload', 'jsonPayload', '__content__', '__CONTENT__', 'content', 'line',
  'full_message', 'short_message', 'LogEntry', 'LogMessage', '_raw',
]);

/**
 * Top-level fields only shippers and platforms write (compared as written;
 * a field starting with `_` and a journald field in capitals count too, see
 * isShipperField): Kubernetes and Docker metadata, journald, CloudWatch,
 * Google Cloud Logging, Elastic and Beats, Vector, Splunk, Loki, syslog,
 * PM2's JSON logs (`app_name` beside `message`), NXLog's `to_json()` (the
 * time it received a message and the input module it came by).
 */
export const SHIPPER_FIELDS: ReadonlySet<string> = new Set([
  'kubernetes', 'k8s', 'docker', 'container_id', 'container_name', 'container_image', 'pod_name', 'namespace_name',
  'stream', 'logtag', 'partial_message', 'partial_id', 'partial_ordinal', 'partial_last',
  'logStreamName', 'logGroupName', 'log_stream', 'log_group', 'ingestionTime', 'eventId',
  'logName', 'insertId', 'resource', 'receiveTimestamp', 'severity', 'labels', 'sourceLocation', 'trace', 'spanId',
  'agent', 'ecs', 'host', 'input', 'fileset', 'fields', 'cloud', '@timestamp', '@version',
  'source_type', 'sourcetype', 'source', 'index', 'tag', 'filename', 'file', 'path',
  'resources', 'severityText', 'severityNumber', 'observedTimeUnixNano', 'timeUnixNano',
  'facility', 'priority', 'appname', 'procid', 'msgid', 'ident', 'program', 'received_at',
  'TimeGenerated', 'Computer', 'ContainerID', 'PodName', 'PodNamespace', 'ContainerName',
  'app_name', 'EventReceivedTime', 'SourceModuleName', 'SourceModuleType',
]);

/**
 * Fields that make an object an application's own structured event (an error
 * object, a response body, an action or a status beside the message): such
 * an object is walked as the event it is, never peeled. Compared lower-cased with `_` and `-` removed.
 */
export const EVENT_FIELDS: ReadonlySet<string> = new Set([
  'code', 'errorcode', 'errcode', 'requestid', 'xacsrequestid', 'xtcrequestid',
  'err', 'error', 'exception', 'stack', 'stacktrace', 'response', 'errormessage', 'errmsg',
  'action', 'xtcaction', 'xacsaction', 'apiname', 'statuscode', 'httpstatus',
]);

/**
 * Objects that describe where a line ran, never what happened: a container
 * image on a vendor's registry, a pod label or a cloud region in them is no
 * sign of a vendor, a code or a RequestId, so recognition does not look
 * into them even where the object around them is an application's event.
 */
export const METADATA_OBJECTS: ReadonlySet<string> = new Set([
  'kubernetes', 'k8s', 'docker', 'labels', 'annotations', 'resource', 'agent', 'ecs', 'host', 'cloud', 'orchestrator', 'container',
]);

/** Whether a top-level field name is one only a shipper or a platform writes. */
export function isShipperField(key: string): boolean {
  if (SHIPPER_FIELDS.has(key)) return true;
  // Attributes flattened by their path (`k8s.pod.name`, `log.file.path`, `entity.guid`).
  if (key.includes('.')) return true;
  const first = key.charCodeAt(0);
  // journald's trusted fields (`_SYSTEMD_UNIT`), SLS's `__topic__`, Elastic's `_source`.
  if (first === 0x5f /* _ */) return true;
  // journald's user fields are upper-case: `SYSLOG_IDENTIFIER`, `PRIORITY`, `CONTAINER_NAME`.
  return key.length > 2 && /^[A-Z][A-Z0-9_]+$/.test(key);
}

/** Whether a field (or any part of a flattened path: `error.message`, `http.response.status_code`) is an event's. */
export function isEventField(key: string): boolean {
  if (!key.includes('.')) return EVENT_FIELDS.has(eventFieldName(key));
  return key.split('.').some((part) => EVENT_FIELDS.has(eventFieldName(part)));
}

/** A field name as EVENT_FIELDS holds it. */
function eventFieldName(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}
