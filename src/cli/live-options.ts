import type { Argv } from 'yargs';

/** Options of what is drawn on stderr while reading (scan and tag). */
export function statusOptions<T>(y: Argv<T>) {
  return y
    .option('progress', {
      type: 'boolean',
      default: true,
      describe: 'on a terminal, draw a live view (pipes) or a progress bar (files) on stderr; --no-progress to hide it',
    })
    .option('interval', { type: 'string', default: '500ms', describe: 'how often the live view and progress bar redraw (at least 200ms)' });
}

/** Options for following a stream, alerting and exporting metrics (scan). */
export function liveOptions<T>(y: Argv<T>) {
  return statusOptions(y)
    .option('every', { type: 'string', describe: 'also print a snapshot to stdout this often, e.g. 30s (JSON: one line each)' })
    .option('fail-on', {
      type: 'string',
      array: true,
      // One expression per flag, so a path after it stays a path.
      nargs: 1,
      describe: "exit 1 when a threshold is crossed, e.g. 'throttling>100', 'code:ApplyTokenOverFlow>10', 'error-rate>5%'; repeatable",
    })
    .option('metrics-port', { type: 'number', describe: 'serve Prometheus metrics at http://HOST:PORT/metrics while reading (0: any free port)' })
    .option('metrics-host', { type: 'string', default: '127.0.0.1', describe: 'address the metrics server binds (0.0.0.0 for all)' })
    .option('textfile', { type: 'string', describe: "write the metrics to this *.prom file atomically, for node_exporter's textfile collector" });
}
