/** The products whose errors the main counts hold: a list (null: errors whose product the record does not show), or every product. */
export type CountedProducts = (string | null)[] | 'all';

/**
 * Which products' errors and successes a run counts in its main counts
 * (`--product`); every other product's are counted in `byProduct` only.
 * By default the catalog's own products (ApsaraMQ for MQTT's `onsmqtt`,
 * TDMQ for MQTT's `mqtt`) and the errors whose product the record does not
 * show, as before products were told apart.
 */
export class ProductSelection {
  private readonly counted: ReadonlySet<string | null> | null;

  constructor(
    counted: CountedProducts,
    /** The catalog's own products; null when not known, and every product is then the catalog's. */
    private readonly catalogProducts: ReadonlySet<string> | null = null,
  ) {
    this.counted = counted === 'all' ? null : new Set(counted);
  }

  /** Every product counted, none told apart: what a run that does not say gets. */
  static everything(): ProductSelection {
    return new ProductSelection('all');
  }

  /**
   * The selection `--product` asks for: `all`, or names separated by commas;
   * none given, the catalog's products. Errors without a product are counted
   * when a catalog product is.
   * @example ProductSelection.fromNames(['mqtt', 'ecs'], ['onsmqtt', 'mqtt']).toJson() // ['ecs', 'mqtt', null]
   */
  static fromNames(names: readonly string[] | undefined, catalogProducts: readonly string[]): ProductSelection {
    const catalog = new Set(catalogProducts);
    const wanted = (names ?? []).flatMap((n) => n.split(',')).map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0);
    if (wanted.includes('all')) return new ProductSelection('all', catalog);
    const list = wanted.length > 0 ? [...new Set(wanted)].sort() : [...catalog].sort();
    const withUnattributed = list.some((p) => catalog.has(p)) ? [...list, null] : list;
    return new ProductSelection(withUnattributed, catalog);
  }

  /** Whether an event of this product goes into the main counts. */
  counts(product: string | null): boolean {
    return this.counted === null || this.counted.has(product);
  }

  /** Whether a product is the catalog's own, whose uncatalogued codes are the catalog's gaps. */
  isCatalogProduct(product: string | null): boolean {
    return product === null || this.catalogProducts === null || this.catalogProducts.has(product);
  }

  /** As the summary writes it (`countedProducts`). */
  toJson(): CountedProducts {
    return this.counted === null ? 'all' : [...this.counted];
  }
}
