/** Exit statuses of the CLI; scripts depend on them. */
export const EXIT = {
  ok: 0,
  thresholdCrossed: 1,
  /** `explain` of a code no catalog knows. */
  unknownCode: 1,
  usage: 2,
  unreadableInput: 3,
} as const;

/**
 * An error that ends the run before any input is read: a bad flag, a bad
 * catalog. It carries the exit status and a one-line message.
 */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** A catalog that does not validate; always exit status 2. */
export class CatalogError extends ExitError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'CatalogError';
  }
}
