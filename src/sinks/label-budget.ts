/** The label value every value past a budget's cap collapses into. */
export const OVERFLOW_LABEL = 'other';

/** Longest label value kept; longer values count against the budget cut to this length. */
const MAX_LABEL_CHARS = 128;

/**
 * Bounds the label values that log text can create. Trusted values (catalog
 * codes, vendors) pass as they are; any other value gets one of `cap` slots,
 * first come first served, and every value after that becomes `other`. So a
 * hostile or runaway log cannot grow a metric past a known number of series.
 * @example
 * const codes = new LabelBudget(2, (c) => catalogCodes.has(c));
 * codes.label('ApplyTokenOverFlow'); // 'ApplyTokenOverFlow' (catalogued)
 * codes.label('X1'); codes.label('X2'); // 'X1', 'X2'
 * codes.label('X3'); // 'other'
 */
export class LabelBudget {
  private readonly admitted = new Set<string>();

  constructor(
    private readonly cap: number,
    private readonly trusted: (value: string) => boolean = () => false,
    private readonly valid: (value: string) => boolean = () => true,
  ) {}

  /** The label value for `value`; null (unknown) is the empty label. */
  label(value: string | null): string {
    if (value === null || value === '') return '';
    if (this.trusted(value)) return value;
    const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, MAX_LABEL_CHARS);
    if (text === '' || !this.valid(text)) return OVERFLOW_LABEL;
    if (this.admitted.has(text)) return text;
    if (this.admitted.size >= this.cap) return OVERFLOW_LABEL;
    this.admitted.add(text);
    return text;
  }
}
