import type { TaggedEvent } from '../types.js';
import { redactSecrets } from './redact-secrets.js';

/** The fields of an event whose text comes from the log itself. */
const LOG_FIELDS = ['code', 'requestId', 'action', 'pod', 'container'] as const;

/**
 * The event with credentials redacted in every field taken from the log, so
 * that nothing derived from it (summary, report, tag fields) carries one.
 * Returns the same object when there is nothing to redact.
 * @example redactEvent({ ...event, pod: 'token=abc' }).pod // 'token=[REDACTED]'
 */
export function redactEvent(event: TaggedEvent): TaggedEvent {
  let out: TaggedEvent | null = null;
  for (const field of LOG_FIELDS) {
    const value = event[field];
    if (value === null) continue;
    const redacted = redactSecrets(value);
    if (redacted === value) continue;
    out ??= { ...event };
    out[field] = redacted;
  }
  return out ?? event;
}
