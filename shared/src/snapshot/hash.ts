import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { DatasetId, RowOf } from "../datasets";
import { canonicalRowTexts } from "./canonical-rows";

const encoder = new TextEncoder();

/** Canonical text is fed to the hash in pieces of about this many characters. */
const PIECE_CHARACTERS = 1 << 20;

/**
 * sha256 (hex) of `canonicalRows(datasetId, rows)`, computed synchronously (WebCrypto's digest is
 * async and Node's crypto is not in browsers) and incrementally, so 100k rows never become one
 * giant string.
 */
export function hashDatasetRows<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): string {
  const hash = sha256.create();
  // Rows are joined into ~1M-character pieces before encoding: one TextEncoder call per row
  // costs about as much as the hashing itself at 100k rows.
  let piece = "[";
  canonicalRowTexts(datasetId, rows).forEach((text, index) => {
    piece += index === 0 ? text : `,${text}`;
    if (piece.length >= PIECE_CHARACTERS) {
      hash.update(encoder.encode(piece));
      piece = "";
    }
  });
  hash.update(encoder.encode(`${piece}]`));
  return bytesToHex(hash.digest());
}
