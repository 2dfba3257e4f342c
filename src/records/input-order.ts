/**
 * A record's place in input order (by its first line). Records are emitted
 * in that order: one that closes while an earlier one is still open waits
 * in its slot.
 */
export interface Slot {
  emit: (() => void) | null;
}

/** A record that holds a slot: an open record, or the open quiet line. */
export interface SlotHolder {
  firstLine: number;
  slot: Slot | null;
}

/** A slot whose record has been emitted. */
const DONE: Slot = { emit: null };

/**
 * Emits closed records in the order they were opened. While at most one
 * record is open, there is nothing to wait for and no slot is kept: a record
 * is emitted as it closes. Once a second one opens, every open record takes
 * a slot, and a record that closes waits for those opened before it.
 * @example const order = new InputOrder(); const slot = order.take([]); order.release(slot, () => emit(record))
 */
export class InputOrder {
  /** Records in input order while more than one is open or waiting; null otherwise. */
  private order: Slot[] | null = null;
  private head = 0;

  /** Whether records wait in order (more than one was open since nothing waited). */
  get active(): boolean {
    return this.order !== null;
  }

  /**
   * A slot for a record being opened beside `open` (the records already
   * open, read only when no order is kept yet), or null when none is open
   * and nothing waits.
   */
  take(open: readonly SlotHolder[]): Slot | null {
    if (!this.order) {
      if (open.length === 0) return null;
      // Another record is open: from now on, records wait for the earlier ones.
      this.order = [];
      this.head = 0;
      for (const holder of [...open].sort((a, b) => a.firstLine - b.firstLine)) {
        holder.slot = { emit: null };
        this.order.push(holder.slot);
      }
    }
    const slot: Slot = { emit: null };
    this.order.push(slot);
    return slot;
  }

  /** Emits a closed record now, or once the records before it have been emitted. */
  release(slot: Slot | null, emit: () => void): void {
    if (!slot || !this.order) {
      emit();
      return;
    }
    slot.emit = emit;
    const order = this.order;
    while (this.head < order.length && order[this.head]!.emit) {
      const next = order[this.head]!;
      order[this.head++] = DONE;
      next.emit!();
    }
    if (this.head === order.length) this.order = null;
    else if (this.head > 1024 && this.head * 2 > order.length) {
      this.order = order.slice(this.head);
      this.head = 0;
    }
  }
}
