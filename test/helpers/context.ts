import { ProductSelection } from '../../src/aggregation/product-selection.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { createRecognitionContext, type RecognitionContext } from '../../src/recognition/recognition-context.js';

let ctx: RecognitionContext | undefined;

/** The built-in catalog's recognition context, loaded once per test file. */
export function builtInContext(): RecognitionContext {
  ctx ??= createRecognitionContext(loadCatalog());
  return ctx;
}

import { attachMetadata } from '../../src/catalog/attach-metadata.js';
import { recognize } from '../../src/recognition/recognize.js';
import type { TaggedEvent } from '../../src/types.js';

/** Runs one record's text through recognition and the catalog, as the pipeline does. */
export function tagText(text: string): TaggedEvent {
  const context = builtInContext();
  const record = { source: 'test', line: 1, text, wrapperTime: null, pod: null, container: null, namespace: null, host: null, unit: null };
  return attachMetadata(record, recognize(text, context), context.catalog, null);
}

/** The products `mqerr scan` counts without `--product` (or with the names given), for the built-in catalog. */
export function catalogSelection(names?: string[]): ProductSelection {
  return ProductSelection.fromNames(names, [...builtInContext().catalog.vendors.values()].map((vc) => vc.product.toLowerCase()));
}
