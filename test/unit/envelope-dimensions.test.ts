import { describe, expect, it } from 'vitest';
import { readDimensions } from '../../src/records/envelope-dimensions.js';

describe('readDimensions', () => {
  it('reads a Sumo Logic message map: the node as the host, the source name and category as the stream, _messagetime as the time', () => {
    const map = {
      _collector: 'prod-ap-southeast-1',
      _messagetime: '1795340675480',
      _raw: 'boom',
      _receipttime: '1795340677320',
      _sourcecategory: 'kubernetes/iot/mqtt-admin',
      _sourcehost: '',
      _sourcename: 'iot.mqtt-admin-7c9d5b6f4-x2k8p.mqtt-admin',
      container: 'mqtt-admin',
      namespace: 'iot',
      node: 'cn-hangzhou.10.0.3.17',
      pod: 'mqtt-admin-7c9d5b6f4-x2k8p',
    };
    const found = readDimensions(map, '_raw');
    expect(found).toMatchObject({ pod: 'mqtt-admin-7c9d5b6f4-x2k8p', namespace: 'iot', container: 'mqtt-admin', host: 'cn-hangzhou.10.0.3.17', time: 1795340675480 });
    expect(found.stream?.split('\u0000')).toEqual(['collector=prod-ap-southeast-1', 'sourcecategory=kubernetes/iot/mqtt-admin', 'sourcename=iot.mqtt-admin-7c9d5b6f4-x2k8p.mqtt-admin']);
  });

  it("takes a source host field as the host (Sumo Logic's installed collectors), and the receipt time only where no message time is given", () => {
    expect(readDimensions({ _sourcehost: 'web-1', _raw: 'x', _receipttime: '1795340677320' }, '_raw')).toMatchObject({ host: 'web-1', time: 1795340677320 });
  });

  it('keeps an empty source host from naming the host', () => {
    expect(readDimensions({ _sourcehost: '', _raw: 'x' }, '_raw').host).toBeNull();
  });
});
