// Run by test/api/library.test.ts: mqerr as a dependency imports it.
import { Registry } from 'prom-client';
import { createMqerr } from 'mqerr';

const mqerr = createMqerr();
const recognized = mqerr.recognize('[TencentCloudSDKError] Code=AuthFailure.SignatureExpire, Message=The signature expired, RequestId=5f1c2a3b-9d8e-4f70-a1b2-c3d4e5f6a7b8');
const registry = new Registry();
const metrics = mqerr.metrics({ registry });
const tagged = [];
const tagger = mqerr.tagger('app', (t) => tagged.push(t));
const lines = process.argv.slice(2);
for (const line of lines) tagger.push(line);
tagger.flush();
process.stdout.write(
  JSON.stringify({
    recognized: recognized.map((e) => ({ event: e.event, vendor: e.vendor, code: e.code, category: e.category, requestId: e.requestId })),
    tagged: tagged.map((t) => ({ line: t.line, code: t.event.code, recordLine: t.record.line })),
    summary: mqerr.summary(),
    markdown: mqerr.render('markdown'),
    registry: await registry.metrics(),
  }),
);
