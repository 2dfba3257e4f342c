import type { Catalog } from '../catalog/catalog.js';
import type { Vendor } from '../types.js';
import { LiteralSet, type LiteralIndex } from './literal-index.js';
import { createProductRules, type ProductRules } from './product-rules.js';
import { shapeTableWith, type ShapeTable } from './shape-table.js';
import { toUserShape } from './user-shape.js';

/** What recognition needs from the catalog, resolved once at start. */
export interface RecognitionContext {
  catalog: Catalog;
  /** Text markers (SDK class names, field names) and the vendor each points at. */
  markers: ReadonlyArray<readonly [string, Vendor]>;
  /** Host-name suffixes and the vendor each points at. */
  hosts: ReadonlyArray<readonly [string, Vendor]>;
  /** The vendor whose RequestIds are upper-case UUIDs, and lower-case ones. */
  upperCaseIds: Vendor | null;
  lowerCaseIds: Vendor | null;
  /** Which product of a vendor a record shows (see product-rules.ts). */
  products: ProductRules;
  /** The table of shapes text is scanned for, and its gates: the built-in one, with the catalog's user shapes after its rows. */
  shapes: ShapeTable;
  /**
   * Every literal recognition searches a whole text for — the shapes'
   * anchors, the markers and hosts, the product signs' fixed parts — found
   * in one pass per text (see LiteralIndex).
   */
  literals: LiteralIndex;
  /** Per shape of `shapes`, the ids of its anchors in `literals`. */
  anchorIds: readonly (readonly number[])[];
  /** The ids in `literals` of `markers` and of `hosts`, in their order. */
  markerIds: readonly number[];
  hostIds: readonly number[];
}

/** Builds the recognition context from the catalog's vendor hints and user shapes. */
export function createRecognitionContext(catalog: Catalog): RecognitionContext {
  const markers: [string, Vendor][] = [];
  const hosts: [string, Vendor][] = [];
  let upperCaseIds: Vendor | null = null;
  let lowerCaseIds: Vendor | null = null;
  for (const vc of catalog.vendors.values()) {
    for (const marker of vc.hints.markers) markers.push([marker, vc.vendor]);
    for (const host of vc.hints.hosts) hosts.push([host, vc.vendor]);
    if (vc.hints.requestIdCase === 'upper') upperCaseIds = vc.vendor;
    if (vc.hints.requestIdCase === 'lower') lowerCaseIds = vc.vendor;
  }
  const shapes = shapeTableWith(catalog.shapes.map(toUserShape));
  const literals = new LiteralSet();
  const anchorIds = shapes.shapes.map((shape) => shape.anchors.map((anchor) => literals.add(anchor, shape.anyCase)));
  const markerIds = markers.map(([marker]) => literals.add(marker, false));
  const hostIds = hosts.map(([host]) => literals.add(host, false));
  const products = createProductRules(catalog, literals);
  return { catalog, markers, hosts, upperCaseIds, lowerCaseIds, products, shapes, literals: literals.index(), anchorIds, markerIds, hostIds };
}
