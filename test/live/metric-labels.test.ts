import parsePrometheus from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { createMetrics, MAX_PODS, MAX_UNCATALOGUED_CODES } from '../../src/sinks/create-metrics.js';
import { LabelBudget, OVERFLOW_LABEL } from '../../src/sinks/label-budget.js';
import type { TaggedEvent } from '../../src/types.js';
import { taggedEvent } from '../helpers/tagged-event.js';

const catalog = loadCatalog();

function error(code: string | null, pod: string | null = null, vendor: string | null = 'alibaba'): TaggedEvent {
  return taggedEvent({ vendor, code, pod });
}

async function errorSeries(events: TaggedEvent[]) {
  const metrics = createMetrics(catalog, new Aggregator({ version: catalog.version, entries: catalog.size }, 0));
  for (const e of events) metrics.observe(e);
  return parsePrometheus(await metrics.text()).find((f) => f.name === 'mqerr_errors_total')!.metrics;
}

describe('metric labels a log cannot explode', () => {
  it('keeps catalogued codes, gives uncatalogued ones a capped number of values, and folds the rest into "other"', async () => {
    const hostile = Array.from({ length: 1000 }, (_, i) => error(`Made.Up${i}`));
    const series = await errorSeries([error('ApplyTokenOverFlow'), ...hostile, error('ApplyTokenOverFlow')]);
    expect(series).toHaveLength(1 + MAX_UNCATALOGUED_CODES + 1);
    expect(series.find((m) => m.labels?.['code'] === 'ApplyTokenOverFlow')?.value).toBe('2');
    expect(series.find((m) => m.labels?.['code'] === 'Made.Up0')?.value).toBe('1');
    expect(series.find((m) => m.labels?.['code'] === OVERFLOW_LABEL)?.value).toBe(String(1000 - MAX_UNCATALOGUED_CODES));
  });

  it('caps pods and refuses pod names Kubernetes would not allow', async () => {
    const pods = Array.from({ length: MAX_PODS + 10 }, (_, i) => error('ApplyTokenOverFlow', `api-${i}`));
    const series = await errorSeries([...pods, error('ApplyTokenOverFlow', 'Not A Pod\u001b[31m')]);
    expect(series).toHaveLength(MAX_PODS + 1);
    expect(series.find((m) => m.labels?.['pod'] === OVERFLOW_LABEL)?.value).toBe('11');
  });

  it('shows an unknown vendor, code or pod as the empty label, and a vendor outside the catalog as "other"', async () => {
    const series = await errorSeries([error(null, null, null), error('ApplyTokenOverFlow', null, 'evil')]);
    expect(series.map((m) => m.labels)).toEqual([
      { vendor: '', product: '', action: '', pod: '', code: '', category: 'unknown' },
      { vendor: OVERFLOW_LABEL, product: '', action: '', pod: '', code: 'ApplyTokenOverFlow', category: 'unknown' },
    ]);
  });

  it('counts a repeat of an error already counted (same RequestId) once, as the summary does', async () => {
    const series = await errorSeries([error('ApplyTokenOverFlow'), { ...error('ApplyTokenOverFlow'), duplicateOf: 1 }]);
    expect(series.map((m) => m.value)).toEqual(['1']);
  });

  it('LabelBudget strips control characters and bounds the length', () => {
    const budget = new LabelBudget(10);
    expect(budget.label('a\u0000b\nc')).toBe('abc');
    expect(budget.label('x'.repeat(500))).toHaveLength(128);
  });
});
