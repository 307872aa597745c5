/**
 * Pins the canonical form: every stored snapshot carries these hashes, so a change to the
 * canonical serialisation (however well meant, e.g. a faster implementation) would make every
 * stored dataset look changed and every pushed hash mismatch. The digests below were computed
 * with the original recursive `canonicalJson` before it was optimised; they must never change.
 *
 * The rows come from the seeded test-snapshot builder. Its own output is pinned too (a digest of
 * plain `JSON.stringify(rows)`), so that a failure says which side moved: the builder (update the
 * input digests and recompute the hashes with the code of the last release) or the hashing (a bug).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { buildTestSnapshot } from "../../../tests/support/snapshot-builder";
import { DATASET_IDS, type DatasetId, type RowOf } from "../datasets";
import { canonicalJson, canonicalRows, hashDatasetRows } from ".";
import { unorderedPathsOf } from "./canonical-rows";
import { reshuffle, seededShuffle } from "./testing/shuffle";

const PINNED_TENANT = buildTestSnapshot({
  seed: 7,
  users: 300,
  devices: 120,
  groups: 30,
  auditEvents: 200,
  plant: "all",
});

/** sha256 of `JSON.stringify(rows)` as the builder produced them: the input, not the hash. */
const PINNED_INPUT: Record<DatasetId, string> = {
  users: "4a22c4627ea6a992e3c8b653357f70da4c7ff125963af0a1eb52335807180051",
  computers: "eb6c123ec4fa159d4c074e40c3d91a57aa5977dae2758427f48110ab530854e3",
  groups: "10ab2f0eb998d534277da03669e2ddd8a5a0c92a264eb4e8ca5dde3f0fb7f446",
  licences: "149d121947f01ed6984969e60be816375045020822b41af332174f7252f3b124",
  roles: "6782d8ce49a4e220ec20c477adb70db7141ed6673339ee7ec19052108711fa92",
  auditLogs: "33c72f1c0efd1a4c91a64ca1114bef70b1c8b56a847fc648e8137f7f5b6ab095",
  secureScore: "978b0113243adaef1d0109910cac4e822f7d97daa3c94485ada4fd12e1a81620",
};

/** The content hashes of those rows, as the original implementation computed them. */
const PINNED_HASH: Record<DatasetId, string> = {
  users: "036eaab7ed71f1651836c257585edee0b0aa6917172ec36fa5cc28d61fa93678",
  computers: "a590667895a13be380068b8b1517c74b56b1071320941ae1ea28fa2950312b5a",
  groups: "6d1fc4fe13d37ddfd8312f3fbe9275dd0846b369f11b3d11223f68d8cce7779f",
  licences: "cb8e2b68294e2c26e3539d948a2f72522f7660a5547809aec170be7301f4711c",
  roles: "02185e6412d1430b96f3428ef550c0f418f8b74a1b267628ea097396933d90ac",
  auditLogs: "49438a932108f0a0f0d9af750c675d11dcc79c4c388f85493483a1a65ef5e3a5",
  secureScore: "3bb41f107de19166bac290498058b3fa67ae8672599b60b4d5876e48049a73ef",
};

const digest = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

function rowsOf<D extends DatasetId>(datasetId: D): readonly RowOf<D>[] {
  const dataset = PINNED_TENANT.datasets[datasetId];
  if (dataset === undefined) throw new Error(`the pinned tenant has no ${datasetId} dataset`);
  // The envelope types rows as the union of every dataset's rows; `datasetId` picks the member.
  return dataset.rows as unknown as readonly RowOf<D>[];
}

describe("pinned canonical hashes (seed 7, 300 users, every problem planted)", () => {
  it.each(DATASET_IDS)("builds the same %s rows as when the hashes were pinned", (datasetId) => {
    expect(digest(JSON.stringify(rowsOf(datasetId)))).toBe(PINNED_INPUT[datasetId]);
  });

  it.each(DATASET_IDS)("hashes the %s rows to the pinned digest", (datasetId) => {
    const rows = rowsOf(datasetId);
    expect(hashDatasetRows(datasetId, rows)).toBe(PINNED_HASH[datasetId]);
    expect(digest(canonicalRows(datasetId, rows))).toBe(PINNED_HASH[datasetId]);
    expect(PINNED_TENANT.datasets[datasetId]?.contentHash).toBe(PINNED_HASH[datasetId]);
  });

  it.each(DATASET_IDS)(
    "hashes the %s rows to the pinned digest whatever their row, key and set order",
    (datasetId) => {
      const paths = unorderedPathsOf(datasetId);
      const presented = seededShuffle(rowsOf(datasetId), 99).map((row, index) =>
        reshuffle(row, paths, 99 + index),
      );
      expect(hashDatasetRows(datasetId, presented as RowOf<typeof datasetId>[])).toBe(
        PINNED_HASH[datasetId],
      );
    },
  );
});

describe("pinned canonicalJson of awkward values", () => {
  // Integer-like keys (listed first by Object.keys), a key containing a dot, the empty key,
  // escapes, undefined members and elements, -0, NaN, exponent notation, nested unordered arrays.
  const awkward = {
    "10": "integer-like keys come first in Object.keys but sort ordinally",
    "2": [3, 1, 2],
    b: { z: undefined, é: 'ü\u2028"\\', Z: null, a: [undefined, -0, 1e21, 0.1, Number.NaN] },
    members: [
      { id: "2", tags: ["y", "x"] },
      { id: "1", tags: ["b", "a"] },
      { tags: [], id: "1" },
    ],
    "": true,
    __proto__x: false,
    "a.b": { c: ["q", "p"] },
  };
  const paths = new Set(["members", "members.tags", "a.b.c", "2"]);

  it("serialises them exactly as the original implementation did", () => {
    expect(canonicalJson(awkward, paths)).toBe(
      '{"":true,"10":"integer-like keys come first in Object.keys but sort ordinally","2":[1,2,3],"__proto__x":false,"a.b":{"c":["p","q"]},"b":{"Z":null,"a":[null,0,1e+21,0.1,null],"é":"ü\u2028\\"\\\\"},"members":[{"id":"1","tags":["a","b"]},{"id":"1","tags":[]},{"id":"2","tags":["x","y"]}]}',
    );
    expect(digest(canonicalJson(awkward, paths))).toBe(
      "dbb8fa8f107aee81adba2b71910b37303a49c9fc5fa71f9745bef88eef72dfcb",
    );
  });
});
