/** The vendors mqerr knows; a user catalog may add more. */
export type Vendor = string;

/** Categories every catalog entry maps to. */
export const CATEGORIES = [
  'auth',
  'permission',
  'throttling',
  'quota',
  'invalid-request',
  'not-found',
  'conflict',
  'unsupported',
  'server',
  'failed-operation',
  'dry-run',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One error code as the catalog describes it, for one vendor. */
export interface CatalogEntry {
  vendor: Vendor;
  product: string;
  code: string;
  httpStatus: number | null;
  previousHttpStatus: number[];
  sections: string[];
  category: Category;
  retryable: boolean | null;
  clientSide: boolean;
  message: string | null;
  messages: string[];
  description: string | null;
  remedy: string | null;
  source: string | null;
}

/** How a vendor's records can be told apart from another's. */
export interface VendorHints {
  requestIdCase: 'upper' | 'lower' | null;
  hosts: string[];
  markers: string[];
  products: ProductHints;
}

/** How a record shows which of a vendor's products (API services) answered (see docs/catalog.md). */
export interface ProductHints {
  /** Sections whose codes every product of the vendor can return (API 3.0 common codes, gateway codes, SDK codes). */
  sharedSections: string[];
  /** API host templates: `{product}` is the first DNS label (`{product}.*.tencentcloudapi.com`), `*` any one label. */
  hosts: string[];
  /** SDK package and class templates: `tencentcloud/{product}/v`, `@alicloud/{product}2`. */
  markers: string[];
  /** Words a template can capture that name no product (`common` in `tencentcloud/common/…`). */
  notProducts: string[];
  /** Products with their own signs: hosts that are exceptions to the templates, SDK markers, API actions. */
  known: KnownProduct[];
}

export interface KnownProduct {
  product: string;
  /** Host patterns, `*` standing for one DNS label or part of one (`*.cos.*.myqcloud.com`, `oss-*.aliyuncs.com`). */
  hosts: string[];
  /** Literal texts only this product's SDK writes (`@alicloud/onsmqtt20200420`). */
  markers: string[];
  /** API actions of the product; an action alone attributes a record only when nothing else does. */
  actions: string[];
}

/** A log record: one log event, possibly several physical lines. */
export interface LogRecord {
  source: string;
  /** 1-based number of the record's first physical line in its source. */
  line: number;
  /** Physical lines joined with "\n", container wrappers removed. */
  text: string;
  /** Epoch milliseconds from a container wrapper, when one carried it. */
  wrapperTime: number | null;
  /**
   * The wrapper wrote its time with its zone (a runtime's RFC 3339 stamp, an
   * epoch value): the moment itself, which shows the zone of a time the line
   * wrote without one (see timeBesideWrapper). Absent: not known so.
   */
  wrapperZoned?: boolean;
  pod: string | null;
  container: string | null;
  namespace: string | null;
  host: string | null;
  /** A systemd unit (journald). */
  unit: string | null;
}

export type EventKind = 'error' | 'success';

/** What recognition found in one record, before the catalog is consulted. */
export interface Recognition {
  event: EventKind | null;
  vendor: Vendor | null;
  code: string | null;
  requestId: string | null;
  action: string | null;
  /** HTTP status the record itself shows, if any. */
  observedStatus: number | null;
  /** Message texts the error may have (most likely first), when the record shows any. */
  messages: string[];
  /** Epoch milliseconds of the record, when its text carries a time. */
  time: number | null;
  /** True when the JSON text of the record parsed as a JSON object. */
  json: boolean;
  /** The vendor's product (API service) the error or success came from, lower-case (`onsmqtt`, `mqtt`, `cvm`), when the record shows it. */
  product: string | null;
  /** Another cloud (`aws`, `azure`, `google`) whose API error the record holds instead: no event, set aside. */
  otherCloud: string | null;
}

/** A recognized event with its catalog metadata attached. */
export interface TaggedEvent {
  source: string;
  line: number;
  event: EventKind | null;
  vendor: Vendor | null;
  code: string | null;
  requestId: string | null;
  action: string | null;
  /** See Recognition.product. */
  product: string | null;
  /** See Recognition.otherCloud. */
  otherCloud: string | null;
  category: Category | null;
  section: string | null;
  httpStatus: number | null;
  retryable: boolean | null;
  catalogued: boolean;
  /** For an uncatalogued code, the nearest catalogued dotted parent whose metadata it took. */
  parent: string | null;
  clientSide: boolean;
  description: string | null;
  remedy: string | null;
  time: number | null;
  pod: string | null;
  container: string | null;
  namespace: string | null;
  host: string | null;
  unit: string | null;
  /**
   * The line of an earlier record in this source that reported the same API
   * error (same RequestId): an SDK that logs the error itself and then the
   * application that logs it again make one error, counted once.
   */
  duplicateOf: number | null;
}
