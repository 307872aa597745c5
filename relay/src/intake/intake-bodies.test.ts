import { randomUUID } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bodyChunksOf } from "../http/body-chunks";
import {
  bodiesInDatabase,
  bodiesInFolder,
  intakeBodiesFor,
  SpoolFolderTakenError,
} from "./intake-bodies";

const folders: string[] = [];
const newFolder = () => {
  const root = mkdtempSync(join(tmpdir(), "tl-intake-"));
  folders.push(root);
  return join(root, "relay.sqlite-intake");
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);

describe("queued push bodies in a spool folder", () => {
  it("keeps a body as a file of its own, reads it back and drops it", async () => {
    const folder = newFolder();
    const bodies = bodiesInFolder(folder);
    const snapshotId = randomUUID();
    const body = Buffer.from("gzip bytes, as received");
    const first = await bodies.keep(snapshotId, bodyChunksOf(body));
    const second = await bodies.keep(snapshotId, bodyChunksOf(body));
    expect(first.column).toBeNull();
    expect(first.file).toMatch(new RegExp(`^${snapshotId}\\.[0-9a-f]{16}\\.gz$`));
    // The same id accepted twice gets two files: finishing one never removes the other's body.
    expect(second.file).not.toBe(first.file);
    expect(await bodies.read(first)).toEqual(body);
    await bodies.drop(first.file);
    expect(await bodies.read(first)).toBeUndefined();
    expect(await bodies.read(second)).toEqual(body);
    expect(readdirSync(folder)).toEqual([second.file]);
  });

  it("writes a body that arrived in many chunks whole, in order", async () => {
    const bodies = bodiesInFolder(newFolder());
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    const chunks = [0, 1, 16_384, 65_536, 150_000, 200_000]
      .slice(1)
      .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : (ends[i - 1] ?? 0), end));
    const kept = await bodies.keep(randomUUID(), { chunks, byteLength: bytes.byteLength });
    expect((await bodies.read(kept))?.equals(bytes)).toBe(true);
  });

  it("sweeps old files no queued push refers to, keeps queued and young ones, and touches nothing else", async () => {
    const folder = newFolder();
    const bodies = bodiesInFolder(folder);
    const queued = await bodies.keep(randomUUID(), bodyChunksOf(Buffer.from("queued")));
    const orphan = await bodies.keep(randomUUID(), bodyChunksOf(Buffer.from("orphan")));
    const young = await bodies.keep(randomUUID(), bodyChunksOf(Buffer.from("being accepted")));
    // The folder is the operator's choice: a file that is not a spool file is never ours.
    const foreign = ["tenantlens.sqlite", `${randomUUID()}.0011223344556677.gz.a1b2c3.tmp`];
    for (const name of foreign) writeFileSync(join(folder, name), "not a queued body");
    for (const file of [queued.file ?? "", orphan.file ?? "", ...foreign]) {
      utimesSync(join(folder, file), hourAgo(), hourAgo());
    }

    expect((await bodies.list()).sort()).toEqual([queued.file, orphan.file, young.file].sort());
    const removed = await bodies.sweep(async () => new Set([queued.file ?? ""]), 10 * 60 * 1000);
    expect(removed).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([queued.file, young.file, ...foreign].sort());
  });

  it("sweeps nothing when the folder does not exist yet", async () => {
    expect(await bodiesInFolder(newFolder()).sweep(async () => new Set(), 0)).toBe(0);
  });
});

describe("choosing where bodies go", () => {
  it("keeps them in the database when no spool folder is configured", async () => {
    expect(intakeBodiesFor(null)).toBe(bodiesInDatabase);
    expect(await bodiesInDatabase.list()).toEqual([]);
    const kept = await bodiesInDatabase.keep(randomUUID(), bodyChunksOf(Buffer.from("x")));
    expect(kept).toEqual({ column: Buffer.from("x"), file: null });
    expect(await bodiesInDatabase.read(kept)).toEqual(Buffer.from("x"));
  });

  it("keeps them as files in the configured folder, and lists them", async () => {
    const folder = newFolder();
    const bodies = intakeBodiesFor(folder);
    expect(bodies.folder).toBe(folder);
    expect(await bodies.list()).toEqual([]);
    const kept = await bodies.keep(randomUUID(), bodyChunksOf(Buffer.from("y")));
    expect(readdirSync(folder)).toEqual([kept.file]);
    expect(await bodies.list()).toEqual([kept.file]);
  });

  it("creates the folder on prepare, and refuses one it cannot write to", async () => {
    const folder = newFolder();
    await bodiesInFolder(folder).prepare("store-a");
    expect(readdirSync(folder)).toEqual([".tenantlens-store"]);
    // A regular file where the folder should be: neither creatable nor writable as a folder.
    const blocker = join(newFolder(), "not-a-folder");
    mkdirSync(dirname(blocker), { recursive: true });
    writeFileSync(blocker, "x");
    await expect(bodiesInFolder(join(blocker, "intake")).prepare("store-a")).rejects.toThrow();
  });

  it("belongs to one store: another store may take it over only when nothing of the first is queued there", async () => {
    const folder = newFolder();
    const bodies = bodiesInFolder(folder);
    await bodies.prepare("store-a");
    await bodies.prepare("store-a");
    const kept = await bodies.keep(randomUUID(), bodyChunksOf(Buffer.from("queued for store a")));
    const error = await bodies.prepare("store-b").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpoolFolderTakenError);
    expect(String(error)).toMatch(/holds 1 queued push bodies of another relay store \(store-a\)/);
    expect(readdirSync(folder).sort()).toEqual([".tenantlens-store", kept.file].sort());

    // Store a was recreated (a SQLite file deleted) after its last push was done with.
    await bodies.drop(kept.file);
    await bodies.prepare("store-b");
    expect(readFileSync(join(folder, ".tenantlens-store"), "utf8").trim()).toBe("store-b");
  });
});
