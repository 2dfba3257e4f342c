/** Where the kubelet keeps a container's log: `<namespace>_<pod>_<uid>/<container>/<n>.log`, under any root. */
export interface PodLogDimensions {
  namespace: string;
  pod: string;
  container: string;
}

/**
 * The kubelet's layout, matched on the last three parts of a path so the
 * root does not matter (`/var/log/pods`, a hostPath mounted at `/host/pods`,
 * a copy in a temporary directory). Kubernetes names cannot hold `_`, so the
 * directory splits one way only; the pod's UID (a UUID, or a static pod's
 * 32-digit hash) keeps other paths with underscores from matching. The file
 * is `<n>.log`, or a rotated `<n>.log.<yyyymmdd-hhmmss>`.
 */
const POD_LOG_PATH =
  /(?:^|\/)([a-z0-9][-a-z0-9]{0,62})_([a-z0-9][-a-z0-9.]{0,252})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})\/([a-z0-9][-a-z0-9]{0,62})\/\d{1,9}\.log(?:\.\d{8}-\d{6})?$/;

/**
 * Namespace, pod and container of a kubelet log file, from its path; null
 * for any other path.
 * @example podFromLogPath('/var/log/pods/shop_api-7d9f_0a1b2c3d-1111-4222-8333-444455556666/app/0.log')
 * // { namespace: 'shop', pod: 'api-7d9f', container: 'app' }
 */
export function podFromLogPath(path: string): PodLogDimensions | null {
  const m = POD_LOG_PATH.exec(path.replaceAll('\\', '/'));
  return m ? { namespace: m[1]!, pod: m[2]!, container: m[4]! } : null;
}
