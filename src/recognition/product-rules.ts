import type { Catalog } from '../catalog/catalog.js';
import type { Vendor } from '../types.js';
import { escapeRegExp } from './escape-reg-exp.js';
import type { LiteralSet } from './literal-index.js';

/**
 * One compiled sign of a product: a pattern, and the product it names (null:
 * the pattern's first group does). `literal` is a text the pattern cannot
 * match without: a record without it is not searched (most records have none).
 * A host sign's pattern matches a whole host name, which is cut out of the
 * text around each occurrence of its `literal`, the host's fixed suffix.
 */
interface ProductSign {
  vendor: Vendor;
  pattern: RegExp;
  product: string | null;
  literal: string;
  /** `literal`'s id in the recognition context's LiteralIndex. */
  literalId: number;
}

/**
 * The catalog's product hints compiled once: which product of which vendor a
 * record's text shows, by SDK marker, by API host, or by API action.
 */
export interface ProductRules {
  /** SDK markers first (they name the client that made the call), then hosts; both in the catalog's order. */
  markers: ProductSign[];
  hosts: ProductSign[];
  /** Action → the products whose catalog lists it. */
  actions: Map<string, { vendor: Vendor; product: string }[]>;
  notProducts: Map<Vendor, Set<string>>;
  /** Each vendor's own product (its catalog file's `product`, lower-case): `onsmqtt`, `mqtt`. */
  catalogProducts: Map<Vendor, string>;
  /** Each vendor's sections whose codes every product of the vendor can return. */
  sharedSections: Map<Vendor, Set<string>>;
  /** The vendor of each product the hints name. */
  vendorOfProduct: Map<string, Vendor>;
}

/** A product captured by a template: letters only, so `onsmqtt` is read from `onsmqtt20200420`. */
const PRODUCT_WORD = '([A-Za-z]{2,32})';
/** A product in a host name: DNS labels are written in lower case. */
const HOST_PRODUCT = '([a-z]{2,32})';
/** `*` in a host pattern: one DNS label, or part of one. */
const HOST_PART = '[a-z0-9-]{1,63}';
/** Host occurrences looked at per suffix and record. */
const MAX_HOSTS = 16;

/**
 * Compiles a host pattern or template: `*.cos.*.myqcloud.com`, `{product}.*.tencentcloudapi.com`.
 * @example hostPattern('{product}.aliyuncs.com').exec('https://ecs.aliyuncs.com/?')?.[1] // 'ecs'
 */
export function hostPattern(template: string): RegExp {
  const body = template
    .split(/(\{product\}|\*)/)
    .map((part) => (part === '{product}' ? HOST_PRODUCT : part === '*' ? HOST_PART : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${body}$`);
}

/** The fixed end of a host pattern (`.aliyuncs.com` of `{product}.*.aliyuncs.com`), which every host it matches ends with. */
function hostSuffix(template: string): string {
  const parts = template.split(/\{product\}|\*/);
  return parts[parts.length - 1]!;
}

/** The longest fixed part of a marker template, which every text it matches holds. */
function markerLiteral(template: string): string {
  return template.split('{product}').reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * Compiles an SDK marker template: `tencentcloud/{product}/v` reads `cvm` from
 * `tencentcloud/cvm/v20170312`; a product's own marker is a literal.
 */
export function markerPattern(template: string): RegExp {
  const body = template.split('{product}').map(escapeRegExp).join(PRODUCT_WORD);
  // A template that starts with the product needs a word start before it (`cvm_client`, not `abstract_client`'s tail).
  return new RegExp(template.startsWith('{product}') ? `(?<![A-Za-z0-9_])${body}` : body);
}

/** Builds the rules from every vendor's `hints.products`, adding each sign's literal to `literals`. */
export function createProductRules(catalog: Catalog, literals: LiteralSet): ProductRules {
  const rules: ProductRules = { markers: [], hosts: [], actions: new Map(), notProducts: new Map(), catalogProducts: new Map(), sharedSections: new Map(), vendorOfProduct: new Map() };
  for (const vc of catalog.vendors.values()) {
    const hints = vc.hints.products;
    const vendor = vc.vendor;
    rules.catalogProducts.set(vendor, vc.product.toLowerCase());
    rules.sharedSections.set(vendor, new Set(hints.sharedSections));
    rules.notProducts.set(vendor, new Set(hints.notProducts.map((w) => w.toLowerCase())));
    // A product's own signs are the templates' exceptions: they are tried first.
    rules.vendorOfProduct.set(vc.product.toLowerCase(), vendor);
    for (const known of hints.known) {
      rules.vendorOfProduct.set(known.product, vendor);
      for (const marker of known.markers) rules.markers.push({ vendor, pattern: new RegExp(escapeRegExp(marker)), product: known.product, literal: marker, literalId: literals.add(marker, false) });
      for (const host of known.hosts) rules.hosts.push({ vendor, pattern: hostPattern(host), product: known.product, literal: hostSuffix(host), literalId: literals.add(hostSuffix(host), false) });
      for (const action of known.actions) {
        const list = rules.actions.get(action) ?? [];
        list.push({ vendor, product: known.product });
        rules.actions.set(action, list);
      }
    }
  }
  for (const vc of catalog.vendors.values()) {
    for (const marker of vc.hints.products.markers) rules.markers.push({ vendor: vc.vendor, pattern: markerPattern(marker), product: null, literal: markerLiteral(marker), literalId: literals.add(markerLiteral(marker), false) });
    for (const host of vc.hints.products.hosts) rules.hosts.push({ vendor: vc.vendor, pattern: hostPattern(host), product: null, literal: hostSuffix(host), literalId: literals.add(hostSuffix(host), false) });
  }
  return rules;
}

/**
 * The product a record's text shows for an event of `vendor` (any vendor's
 * when null): an SDK marker, else an API host, else an action the catalog
 * lists; null when nothing says. `held`: which signs' literals the text
 * holds, as the recognition context's LiteralIndex found them.
 * @example findProduct('… https://cvm.tencentcloudapi.com/ …', 'tencent', null, rules, ctx.literals.holds(text)) // 'cvm'
 */
export function findProduct(text: string, vendor: Vendor | null, action: string | null, rules: ProductRules, held: Uint8Array): string | null {
  const product = firstMarker(text, vendor, rules, held) ?? firstHost(text, vendor, rules, held);
  if (product !== null) return product;
  const byAction = action ? rules.actions.get(action)?.filter((a) => vendor === null || a.vendor === vendor) : undefined;
  return byAction && new Set(byAction.map((a) => a.product)).size === 1 ? byAction[0]!.product : null;
}

/** The product of the marker found earliest in the text. */
function firstMarker(text: string, vendor: Vendor | null, rules: ProductRules, held: Uint8Array): string | null {
  let best: { at: number; product: string } | null = null;
  for (const sign of rules.markers) {
    if ((vendor !== null && sign.vendor !== vendor) || held[sign.literalId] === 0) continue;
    const m = sign.pattern.exec(text);
    if (!m || (best && m.index >= best.at)) continue;
    const product = named(sign, m, rules);
    if (product !== null) best = { at: m.index, product };
  }
  return best?.product ?? null;
}

/**
 * The product of the host found earliest in the text: around each occurrence
 * of a host pattern's suffix the whole host name is cut out and matched, a
 * known product's pattern before the templates. `held`: see findProduct
 * (null for a host name alone, whose suffixes are searched for here).
 */
function firstHost(text: string, vendor: Vendor | null, rules: ProductRules, held: Uint8Array | null): string | null {
  let best: { at: number; product: string } | null = null;
  const hosts = new Map<string, { at: number; host: string }[]>();
  for (const sign of rules.hosts) {
    if ((vendor !== null && sign.vendor !== vendor) || (held !== null && held[sign.literalId] === 0)) continue;
    let found = hosts.get(sign.literal);
    if (!found) hosts.set(sign.literal, (found = hostsEndingWith(text, sign.literal)));
    for (const { at, host } of found) {
      if (best && at >= best.at) break;
      const m = sign.pattern.exec(host);
      const product = m ? named(sign, m, rules) : null;
      if (product !== null) {
        best = { at, product };
        break;
      }
    }
  }
  return best?.product ?? null;
}

/** The host names in the text that end with `suffix`, lower-cased, with where each starts. */
function hostsEndingWith(text: string, suffix: string): { at: number; host: string }[] {
  const found: { at: number; host: string }[] = [];
  if (suffix.length === 0) return found;
  for (let at = text.indexOf(suffix); at >= 0 && found.length < MAX_HOSTS; at = text.indexOf(suffix, at + suffix.length)) {
    const end = at + suffix.length;
    if (end < text.length && isHostChar(text.charCodeAt(end)) && text.charCodeAt(end) !== 0x2e) continue;
    let start = at;
    while (start > 0 && end - start < 253 && isHostChar(text.charCodeAt(start - 1))) start--;
    found.push({ at: start, host: text.slice(start, end).toLowerCase() });
  }
  return found;
}

/** Letters, digits, `-` and `.`: what a host name is made of. */
function isHostChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function named(sign: ProductSign, m: RegExpExecArray, rules: ProductRules): string | null {
  const product = (sign.product ?? m[1]!).toLowerCase();
  return rules.notProducts.get(sign.vendor)?.has(product) ? null : product;
}

/**
 * The vendor whose host the host name (a body's HostId, an audit event's
 * eventSource) holds, among the context's hosts; null for another cloud's or none.
 * @example vendorOfHost('onsmqtt.cn-hangzhou.aliyuncs.com', ctx.hosts) // 'alibaba'
 */
export function vendorOfHost(hostName: string, hosts: ReadonlyArray<readonly [string, Vendor]>): Vendor | null {
  return hosts.find(([host]) => hostName.includes(host))?.[1] ?? null;
}

/** The product a host names (`onsmqtt.cn-hangzhou.aliyuncs.com` → `onsmqtt`), or null. */
export function productOfHost(host: string, vendor: Vendor | null, rules: ProductRules): string | null {
  return firstHost(host, vendor, rules, null);
}
