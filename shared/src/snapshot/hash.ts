import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { DatasetId, RowOf } from "../datasets";
import { canonicalRowTexts } from "./canonical-rows";

const encoder = new TextEncoder();

/**
 * sha256 (hex) of `canonicalRows(datasetId, rows)`, computed synchronously (WebCrypto's digest is
 * async and Node's crypto is not in browsers) and incrementally, row by row, so 100k rows never
 * become one giant string.
 */
export function hashDatasetRows<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): string {
  const hash = sha256.create();
  hash.update(encoder.encode("["));
  canonicalRowTexts(datasetId, rows).forEach((text, index) => {
    hash.update(encoder.encode(index === 0 ? text : `,${text}`));
  });
  hash.update(encoder.encode("]"));
  return bytesToHex(hash.digest());
}
