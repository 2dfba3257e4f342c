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
