/** Moves the cursor to the start of a block of `lines` lines just written, and erases to the end of the screen. */
function eraseBlock(lines: number): string {
  return lines > 0 ? `\u001b[${lines}A\r\u001b[J` : '';
}

/** A terminal stream's size, with a fallback when it reports none. */
function sizeOf(stream: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stream.columns || 80, rows: stream.rows || 24 };
}

/**
 * A block of status lines on a terminal (stderr), redrawn in place every
 * `intervalMs`: one write per frame, the old frame erased in the same write,
 * so it does not flicker. `around` lifts it while something else prints on
 * the same terminal, so no message is drawn over.
 * @example
 * const status = new TerminalStatus(process.stderr, ({ columns }) => [`read ${n} lines`.slice(0, columns - 1)], 500);
 * status.start();
 * status.stop(); // erased; the terminal is as before
 */
export class TerminalStatus {
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly frame: (size: { columns: number; rows: number }) => string[],
    private readonly intervalMs: number,
  ) {}

  /** Draws now, then every interval until `stop`. */
  start(): void {
    this.draw();
    this.timer = setInterval(() => this.draw(), this.intervalMs);
    this.timer.unref();
  }

  /** Replaces the block on screen with a fresh frame. */
  draw(): void {
    const lines = this.frame(sizeOf(this.stream));
    this.stream.write(eraseBlock(this.drawn) + lines.map((l) => `${l}\n`).join(''));
    this.drawn = lines.length;
  }

  /** Runs `print` with the block lifted off the screen, then draws it again below. */
  around(print: () => void): void {
    this.erase();
    print();
    if (this.timer) this.draw();
  }

  /** Stops redrawing and erases the block. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.erase();
  }

  private erase(): void {
    if (this.drawn > 0) this.stream.write(eraseBlock(this.drawn));
    this.drawn = 0;
  }
}
