import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExitError } from '../errors.js';
import type { RunMetrics } from './create-metrics.js';

/** A running /metrics endpoint. */
export interface MetricsServer {
  /** The address it listens on, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the metrics at GET /metrics in the Prometheus text format. Resolves
 * once listening; a port in use or not allowed is a one-line usage error,
 * reported before any input is read.
 * @example const server = await serveMetrics(createMetrics(catalog, aggregator), '127.0.0.1', 9464);
 */
export function serveMetrics(metrics: Pick<RunMetrics, 'registry' | 'text'>, host: string, port: number): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found; metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    metrics.text().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
      (err: Error) => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${err.message}\n`),
    );
  });
  // Scrapers keep connections alive; they must not hold the process open at the end of a run.
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'address already in use' : err.code === 'EACCES' ? 'permission denied' : err.message;
      reject(new ExitError(`--metrics-port ${port}: cannot listen on ${host}:${port}: ${why}`));
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}/metrics`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
