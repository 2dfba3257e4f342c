import type { Summary } from '../aggregation/summary.js';
import type { GroupTable } from './groupings.js';

/**
 * The gaps of the catalog as a table: each uncatalogued code with its count,
 * nearest catalogued parent and where its sample record is. The sample text
 * is flattened to one line and shortened; renderers escape it like any cell.
 * @example uncataloguedTable(summary).rows[0] // ['tencent', 'ResourceNotFound.Group', 3, 'ResourceNotFound', 'app.log:12', '{"Response":…']
 */
export function uncataloguedTable(summary: Summary): GroupTable {
  return {
    title: 'Uncatalogued codes (mqerr catalog --suggest SUMMARY.json drafts entries for them)',
    columns: ['vendor', 'code', 'count', 'parent', 'sample at', 'sample (redacted)'],
    rows: (summary.uncatalogued ?? []).map((u) => [
      u.vendor,
      u.code,
      u.count,
      u.parent,
      `${u.sample.source}:${u.sample.line}`,
      oneLine(u.sample.text),
    ]),
  };
}

/** Long enough to recognize the record; the JSON summary keeps the whole sample. */
const SHOWN_CHARS = 120;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 1)}…` : flat;
}
