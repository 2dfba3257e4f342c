// Run by test/api/pino-transport.test.ts: an application that logs with pino through mqerr's transport.
// node pino-app.mjs metrics PORT SUMMARY_FILE | node pino-app.mjs forward OUT_FILE
import pino from 'pino';

const [mode, a, b] = process.argv.slice(2);
const transport =
  mode === 'metrics'
    ? pino.transport({ targets: [{ target: 'mqerr/pino', options: { metricsPort: Number(a), summaryFile: b, source: 'orders' } }] })
    : pino.transport({ pipeline: [{ target: 'mqerr/pino', options: { forward: true, errorsOnly: true } }, { target: 'pino/file', options: { destination: a } }] });
const logger = pino(transport);

const id = (n) => `0c0ffee0-1234-4abc-8def-${String(n).padStart(12, '0')}`;
for (let n = 0; n < 30; n++) {
  if (n % 3 === 2) logger.info({ action: 'DescribeInstance', Response: { RequestId: id(n) } }, 'described');
  else logger.error({ action: 'CreateTopic', Response: { Error: { Code: n % 2 ? 'RequestLimitExceeded' : 'ResourceNotFound.Instance', Message: 'failed' }, RequestId: id(n) } }, 'call failed');
}
// An SDK error thrown and logged as pino logs errors: its message, type and stack in `err`.
const err = new Error('[TencentCloudSDKError] Code=AuthFailure.SignatureExpire, Message=The signature expired, RequestId=5f1c2a3b-9d8e-4f70-a1b2-c3d4e5f6a7b8');
logger.error({ err, action: 'CreateTopic' }, 'request failed');
logger.info('a line about nothing in particular');

if (mode === 'metrics') {
  // The transport runs in a worker thread: wait until its metrics show every error, as a scrape would.
  let text = '';
  for (let i = 0; i < 200; i++) {
    text = await fetch(`http://127.0.0.1:${a}/metrics`).then((r) => r.text(), () => '');
    const errors = [...text.matchAll(/^mqerr_errors_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    if (errors === 21) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.stdout.write(text);
}
// pino's transport thread does not keep the process alive: wait for it to close, as an app's shutdown would.
const alive = setInterval(() => {}, 1000);
await new Promise((resolve) => {
  transport.once('close', () => {
    clearInterval(alive);
    resolve();
  });
  logger.flush();
  transport.end();
});
