import type { TaggedEvent } from '../../src/types.js';

/**
 * A tagged API error event with nothing but what a test names: every other
 * field is what a record without that information gets.
 * @example taggedEvent({ code: 'InternalError', category: 'server' })
 */
export function taggedEvent(fields: Partial<TaggedEvent> = {}): TaggedEvent {
  return {
    source: '-',
    line: 1,
    event: 'error',
    vendor: null,
    code: null,
    requestId: null,
    action: null,
    product: null,
    otherCloud: null,
    category: 'unknown',
    section: null,
    httpStatus: null,
    retryable: null,
    catalogued: false,
    parent: null,
    clientSide: false,
    description: null,
    remedy: null,
    time: null,
    pod: null,
    container: null,
    namespace: null,
    host: null,
    unit: null,
    duplicateOf: null,
    ...fields,
  };
}
