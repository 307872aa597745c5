import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowOf } from "../datasets";
import {
  groupRow,
  licenceRow,
  roleRow,
  uniqueRows,
  userRow,
} from "../snapshot/testing/row-arbitraries";
import { CSV_EXPORTS, datasetCsvStream, datasetCsvString } from ".";

const RUNS = { numRuns: 150 };

function parseRecords(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false }) as string[][];
}

/** Beginning with = + - @ tab or CR, also after leading whitespace: the brief's rule, verbatim. */
const LIVE_START = /^\s*[=+\-@\t\r]/;

/** The oracle: such a cell comes back with a quote in front; any other exactly as it was. */
function expectedCell(original: string): string {
  return LIVE_START.test(original) ? `'${original}` : original;
}
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function sampleUser(seed: number): RowOf<"users"> {
  const [user] = fc.sample(userRow, { numRuns: 1, seed });
  if (!user) throw new Error("fast-check produced no sample user");
  return user;
}

async function streamText(
  stream: ReadableStream<Uint8Array>,
): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    text += decoder.decode(chunk, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

describe("CSV round trip through csv-parse", () => {
  it("gives back every text cell of every user, neutralised only where it would be a formula", () => {
    fc.assert(
      fc.property(uniqueRows(userRow), fc.boolean(), (users, bom) => {
        const [header, ...records] = parseRecords(datasetCsvString("users", users, { bom }));
        expect(header).toEqual(CSV_EXPORTS.users.table.columns.map((column) => column.header));
        expect(records).toHaveLength(users.length);
        const column = (name: string) => header?.indexOf(name) ?? -1;
        users.forEach((user, index) => {
          const record = records[index] ?? [];
          expect(record[column("User Principal Name")]).toBe(expectedCell(user.userPrincipalName));
          expect(record[column("Display Name")]).toBe(expectedCell(user.displayName ?? ""));
          expect(record[column("Other Mails")]).toBe(expectedCell(user.otherMails.join("; ")));
          expect(record[column("Password Policies")]).toBe(
            expectedCell(user.passwordPolicies ?? ""),
          );
          expect(record[column("Object ID")]).toBe(user.id);
        });
      }),
      RUNS,
    );
  });

  it("gives back group and licence cells, numbers as numbers", () => {
    fc.assert(
      fc.property(uniqueRows(groupRow), uniqueRows(licenceRow), (groups, licences) => {
        const [groupHeader, ...groupRecords] = parseRecords(datasetCsvString("groups", groups));
        const proxyColumn = groupHeader?.indexOf("Proxy Addresses") ?? -1;
        groups.forEach((group, index) => {
          expect(groupRecords[index]?.[proxyColumn]).toBe(
            expectedCell(group.proxyAddresses.join("; ")),
          );
        });
        const [licenceHeader, ...licenceRecords] = parseRecords(
          datasetCsvString("licences", licences),
        );
        const unusedColumn = licenceHeader?.indexOf("Unused Units") ?? -1;
        licences.forEach((licence, index) => {
          expect(Number(licenceRecords[index]?.[unusedColumn])).toBe(licence.unusedUnits);
        });
      }),
      RUNS,
    );
  });
});

describe("CSV never emits a live formula", () => {
  it("in any cell of users, groups, roles or licences: only plain negative numbers start with -", () => {
    fc.assert(
      fc.property(
        uniqueRows(userRow),
        uniqueRows(groupRow),
        uniqueRows(roleRow),
        uniqueRows(licenceRow),
        (users, groups, roles, licences) => {
          const cells = [
            datasetCsvString("users", users),
            datasetCsvString("groups", groups),
            datasetCsvString("roles", roles),
            datasetCsvString("licences", licences),
          ].flatMap((text) => parseRecords(text).flat());
          const live = cells.filter((cell) => LIVE_START.test(cell) && !PLAIN_NUMBER.test(cell));
          expect(live).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});

describe("datasetCsvStream", () => {
  it("streams exactly the bytes of the string export, BOM included", async () => {
    await fc.assert(
      fc.asyncProperty(uniqueRows(userRow), fc.boolean(), async (users, bom) => {
        const streamed = await streamText(datasetCsvStream("users", users, { bom }));
        expect(streamed.text).toBe(datasetCsvString("users", users, { bom }));
      }),
      { numRuns: 50 },
    );
  });

  it("starts with the UTF-8 BOM bytes EF BB BF when asked", async () => {
    const reader = datasetCsvStream("licences", [], { bom: true }).getReader();
    const first = await reader.read();
    expect([...(first.value ?? new Uint8Array()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("reads rows from an async iterable, in chunks, without holding the whole file", async () => {
    const template = sampleUser(3);
    async function* rows() {
      for (let index = 0; index < 2_000; index++) yield { ...template, id: `user-${index}` };
    }
    const streamed = await streamText(datasetCsvStream("users", rows()));
    expect(parseRecords(streamed.text)).toHaveLength(2_001);
    expect(streamed.chunks).toBeGreaterThan(1);
  });

  it("stops reading the rows when the consumer cancels", async () => {
    let produced = 0;
    let closed = false;
    const template = sampleUser(4);
    function* rows() {
      try {
        for (let index = 0; index < 1_000_000; index++) {
          produced++;
          yield { ...template, id: `user-${index}` };
        }
      } finally {
        closed = true;
      }
    }
    const reader = datasetCsvStream("users", rows()).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(10_000);
  });
});
