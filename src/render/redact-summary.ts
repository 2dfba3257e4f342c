import type { KeyCount, Summary } from '../aggregation/summary.js';
import { redactRecordText } from '../redaction/redact-record-text.js';
import { redactSecrets } from '../redaction/redact-secrets.js';

/**
 * A summary with credentials redacted in every value taken from the logs
 * (codes, RequestIds, actions, pods, containers, uncatalogued samples). For
 * `merge` and `catalog --suggest`, whose summaries may have been made with
 * `--no-redact` or by an mqerr that knew fewer forms; rows that
 * become equal are merged when the result is absorbed into an aggregator.
 */
export function redactSummary(summary: Summary): Summary {
  const text = (value: string | null): string | null => (value === null ? null : redactSecrets(value));
  const keys = (counts: KeyCount[]): KeyCount[] => counts.map((c) => ({ ...c, key: text(c.key) }));
  const redacted: Summary = {
    ...summary,
    byCode: summary.byCode.map((c) => ({ ...c, code: text(c.code), requestIds: c.requestIds.map(redactSecrets) })),
    uncatalogued: (summary.uncatalogued ?? []).map((u) => ({
      ...u,
      code: redactSecrets(u.code),
      sample: { ...u.sample, source: redactSecrets(u.sample.source), text: redactRecordText(u.sample.text) },
    })),
    byAction: keys(summary.byAction),
    byPod: keys(summary.byPod),
    byContainer: keys(summary.byContainer),
    successesByAction: keys(summary.successesByAction),
    byProduct: summary.byProduct.map((p) => ({ ...p, codes: p.codes.map((c) => ({ ...c, code: text(c.code) })) })),
  };
  if (summary.timeSeries) {
    redacted.timeSeries = {
      ...summary.timeSeries,
      buckets: summary.timeSeries.buckets.map((b) => ({ ...b, byCode: b.byCode.map((c) => ({ ...c, code: text(c.code) })) })),
    };
  }
  return redacted;
}
