import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATASET_IDS, type RowOf } from "../../../shared/src/datasets";
import { buildTestSnapshot } from "../../../tests/support/snapshot-builder";
import { nativeSha256 } from "./native-sha256";
import { hashDatasetRows, nobleSha256 } from "./shared-core";

const tenant = buildTestSnapshot({ seed: 7, users: 300, plant: "all" });

describe("nativeSha256", () => {
  it("gives the shared pure-JS digest for any text, fed as text or as UTF-8 bytes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 5 }),
        (texts) => {
          const native = nativeSha256();
          const noble = nobleSha256();
          const nativeBytes = nativeSha256();
          for (const text of texts) {
            native.update(text);
            noble.update(text);
            nativeBytes.update(new TextEncoder().encode(text));
          }
          const expected = noble.digest();
          expect(native.digest()).toBe(expected);
          expect(nativeBytes.digest()).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(DATASET_IDS)(
    "gives hashDatasetRows the same %s digest as the default the extension uses",
    (datasetId) => {
      const dataset = tenant.datasets[datasetId];
      if (dataset === undefined) throw new Error(`no ${datasetId} in the test tenant`);
      // The envelope types rows as the union of every dataset's rows; `datasetId` picks one.
      const rows = dataset.rows as unknown as readonly RowOf<typeof datasetId>[];
      expect(hashDatasetRows(datasetId, rows, nativeSha256)).toBe(dataset.contentHash);
      expect(hashDatasetRows(datasetId, rows, nativeSha256)).toBe(hashDatasetRows(datasetId, rows));
    },
  );
});
