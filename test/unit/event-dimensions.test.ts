import { describe, expect, it } from 'vitest';
import { eventDimensions } from '../../src/records/event-dimensions.js';
import { readEntry } from '../../src/records/read-entry.js';

const ERR = { code: 'ResourceNotFound.Topic', requestId: '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' };

/** An Elastic hit whose `_source` holds an application's JSON fields beside Filebeat's (`json.keys_under_root`). */
const hit = {
  _index: 'filebeat-2026.11.22',
  _id: 'a1',
  _source: {
    '@timestamp': '2026-11-22T09:44:34.085Z',
    message: 'DescribeTopic failed',
    level: 'error',
    hostname: 'api-own',
    err: ERR,
    kubernetes: { pod: { name: 'api-7d9f8c6b5-x2k8p' }, namespace: 'iot', container: { name: 'api' } },
    host: { name: 'node-1' },
    agent: { type: 'filebeat' },
  },
};

describe('the platform’s metadata around an exported event', () => {
  it('names the pod, namespace, container and host of an Elastic hit whose source holds the application’s fields', () => {
    expect(eventDimensions(hit)).toMatchObject({ pod: 'api-7d9f8c6b5-x2k8p', namespace: 'iot', container: 'api', host: 'node-1', time: null });
  });

  it('keeps a document entry whole, the event’s text unchanged, with those dimensions', () => {
    const read = readEntry({ value: hit, context: null, firstLine: 3, lastLine: 20 });
    expect(read.text).toBe(JSON.stringify(hit));
    expect(read.origin).toMatchObject({ pod: 'api-7d9f8c6b5-x2k8p', host: 'node-1' });
  });

  it('reads nothing from an application’s own line, or from the application’s fields beside the metadata', () => {
    // pino's own fields are no platform's: no line field beside a shipper's field.
    expect(eventDimensions({ level: 50, time: 1795340674085, pid: 1, hostname: 'api-1', msg: 'failed', err: ERR })).toBeNull();
    // The event's own `host`-like fields inside its error are never read: the error object is left out.
    expect(eventDimensions({ message: 'failed', stream: 'stderr', err: { ...ERR, host: 'db-1', pod: 'x' } })).toMatchObject({ host: null, pod: null });
    // Two events in one object are no one envelope.
    expect(eventDimensions({ a: { message: 'x', stream: 'stdout' }, b: { message: 'y', stream: 'stdout' } })).toBeNull();
  });
});
