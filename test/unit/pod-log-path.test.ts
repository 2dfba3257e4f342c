import { describe, expect, it } from 'vitest';
import { podFromLogPath } from '../../src/records/pod-log-path.js';

const UID = '0a1b2c3d-1111-4222-8333-444455556666';

describe('podFromLogPath', () => {
  it("reads namespace, pod and container from the kubelet's layout under /var/log/pods", () => {
    expect(podFromLogPath(`/var/log/pods/shop_api-7d9f8c-x2b4q_${UID}/app/0.log`)).toEqual({ namespace: 'shop', pod: 'api-7d9f8c-x2b4q', container: 'app' });
  });

  it('works under any root: a hostPath mounted elsewhere, a relative path, a copy in a temporary directory', () => {
    const want = { namespace: 'kube-system', pod: 'coredns-5d78c9869d-abcde', container: 'coredns' };
    expect(podFromLogPath(`/host/pods/kube-system_coredns-5d78c9869d-abcde_${UID}/coredns/3.log`)).toEqual(want);
    expect(podFromLogPath(`kube-system_coredns-5d78c9869d-abcde_${UID}/coredns/3.log`)).toEqual(want);
    expect(podFromLogPath(`/tmp/mqerr-x/kube-system_coredns-5d78c9869d-abcde_${UID}/coredns/12.log`)).toEqual(want);
  });

  it("takes a static pod's hash as its UID, dots in pod names, and the kubelet's rotated files", () => {
    expect(podFromLogPath('/var/log/pods/kube-system_etcd-node-1.example_5f4dcc3b5aa765d61d8327deb882cf99/etcd/0.log')).toEqual({
      namespace: 'kube-system',
      pod: 'etcd-node-1.example',
      container: 'etcd',
    });
    expect(podFromLogPath(`/var/log/pods/shop_api_${UID}/app/0.log.20261121-101010`)?.pod).toBe('api');
  });

  it('leaves other paths alone, underscores and all', () => {
    for (const path of [
      '/var/log/app/app.log',
      '/home/a_b_c/app/0.log',
      `/var/log/pods/shop_api_${UID}/app/app.log`,
      `/var/log/pods/shop_api_${UID}/0.log`,
      `/var/log/pods/Shop_api_${UID}/app/0.log`,
      `/var/log/pods/shop_api_${UID}/app/0.log.gz`,
      '/var/log/containers/api_shop_app-0123.log',
    ]) {
      expect(podFromLogPath(path), path).toBeNull();
    }
  });
});
