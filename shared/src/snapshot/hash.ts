import type { DatasetId, RowOf } from "../datasets";
import { forEachCanonicalRowText } from "./canonical-rows";
import { nobleSha256, type Sha256Factory } from "./sha256";

/** Canonical text is fed to the hash in pieces of about this many characters. */
const PIECE_CHARACTERS = 1 << 20;

/**
 * sha256 (hex) of `canonicalRows(datasetId, rows)`, computed synchronously and incrementally, so
 * 100k rows never become one giant string. `createSha256` defaults to the pure-JS hash that runs
 * everywhere; the relay passes Node's native one (see sha256.ts). Either gives the same digest.
 */
export function hashDatasetRows<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
  createSha256: Sha256Factory = nobleSha256,
): string {
  const hash = createSha256();
  // Rows are joined into ~1M-character pieces: one update (and, for the pure-JS hash, one UTF-8
  // encoding) per row costs about as much as the hashing itself at 100k rows. Pieces end between
  // rows, so a surrogate pair is never split.
  let piece = "[";
  let first = true;
  forEachCanonicalRowText(datasetId, rows, (text) => {
    piece += first ? text : `,${text}`;
    first = false;
    if (piece.length >= PIECE_CHARACTERS) {
      hash.update(piece);
      piece = "";
    }
  });
  hash.update(`${piece}]`);
  return hash.digest();
}
