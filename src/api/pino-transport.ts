import { writeFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import build from 'pino-abstract-transport';
import { serveMetrics, type MetricsServer } from '../sinks/serve-metrics.js';
import { createMqerr, type MqerrOptions } from './create-mqerr.js';

export interface PinoTransportOptions extends MqerrOptions {
  /** Serve the metrics at http://metricsHost:metricsPort/metrics from the transport's thread. */
  metricsPort?: number;
  /** Address the metrics server binds (default 127.0.0.1). */
  metricsHost?: string;
  /** In a pino pipeline: pass each record on to the next transport as NDJSON with an `mqerr` key. */
  forward?: boolean;
  /** With `forward`: pass on only the records with an API error. */
  errorsOnly?: boolean;
  /** The source name records are counted under (default `pino`). */
  source?: string;
  /** Write the JSON summary of everything logged to this file when the logger closes. */
  summaryFile?: string;
}

/** A log line's record closes once the logger has been quiet this long, as in a pipe. */
const QUIET_MS = 50;

/**
 * A pino transport (`target: 'mqerr/pino'`): counts the cloud API errors
 * an application logs, in the transport's worker thread, serves them as
 * Prometheus metrics, and, in a pipeline with `forward`, passes the records
 * on tagged.
 * @example
 * pino(pino.transport({ targets: [{ target: 'mqerr/pino', options: { metricsPort: 9464 } }, { target: 'pino/file' }] }))
 */
export default async function mqerrTransport(options: PinoTransportOptions = {}) {
  const mqerr = createMqerr(options);
  const metrics = options.metricsPort !== undefined ? mqerr.metrics() : null;
  const server: MetricsServer | null = metrics ? await serveMetrics(metrics, options.metricsHost ?? '127.0.0.1', options.metricsPort!) : null;
  const close = async (): Promise<void> => {
    if (options.summaryFile !== undefined) writeFileSync(options.summaryFile, mqerr.render('json'));
    await server?.close();
  };

  if (options.forward) {
    return build(
      (source) => {
        let quiet: NodeJS.Timeout | null = null;
        const out = new Transform({
          objectMode: true,
          autoDestroy: true,
          transform(line: string, _encoding, callback) {
            tagger.push(line);
            if (quiet) quiet.refresh();
            else quiet = setTimeout(() => tagger.flush(), QUIET_MS);
            callback();
          },
          flush(callback) {
            if (quiet) clearTimeout(quiet);
            tagger.flush();
            close().then(() => callback(), callback);
          },
        });
        const tagger = mqerr.tagger(options.source ?? 'pino', (tagged) => {
          if (!options.errorsOnly || tagged.event.event === 'error') out.push(tagged.line + '\n');
        });
        return source.pipe(out);
      },
      { parse: 'lines', enablePipelining: true },
    );
  }

  const tagger = mqerr.tagger(options.source ?? 'pino');
  let quiet: NodeJS.Timeout | null = null;
  return build(
    async (source) => {
      for await (const line of source as AsyncIterable<string>) {
        tagger.push(line);
        if (quiet) quiet.refresh();
        else quiet = setTimeout(() => tagger.flush(), QUIET_MS);
      }
    },
    {
      parse: 'lines',
      async close() {
        if (quiet) clearTimeout(quiet);
        tagger.flush();
        await close();
      },
    },
  );
}
