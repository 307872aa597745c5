import { randomBytes } from "node:crypto";
import {
  access,
  constants,
  mkdir,
  open,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { type BodyChunks, joinChunks } from "../http/body-chunks";

/** Where a queued body is: in the intake row's body column, or in a file named by the row. */
export interface KeptBody {
  column: Buffer | null;
  file: string | null;
}

/**
 * Where the gzip bodies of queued pushes live until they are processed. Both kinds are durable
 * before the push is acknowledged.
 */
export interface IntakeBodies {
  /** The spool folder, or null when bodies go into the intake row's column. */
  readonly folder: string | null;
  /**
   * Creates the spool folder if need be, checks it is writable and that it belongs to this store
   * (`storeId`, from the database): a relay fails at start, not at its first push, and two
   * stores never share a folder (each would sweep the other's bodies).
   */
  prepare(storeId: string): Promise<void>;
  /** Makes the body durable; the result goes into the intake row. */
  keep(snapshotId: string, body: BodyChunks): Promise<KeptBody>;
  /** A claimed push's body; undefined if it has gone missing. */
  read(kept: KeptBody): Promise<Buffer | undefined>;
  /** The spool files present now (none when bodies go into the database); nothing else in the folder. */
  list(): Promise<string[]>;
  /** Called once the verdict has committed (or the body was copied into the database). */
  drop(file: string | null): Promise<void>;
  /**
   * Removes files older than `olderThanMs` that no queued push refers to: left by a crash
   * between a verdict's commit and its `drop`, by a write whose row never committed, or by a
   * company deleted with pushes still queued. Young files may belong to a push being accepted.
   */
  sweep(queuedFiles: () => Promise<ReadonlySet<string>>, olderThanMs: number): Promise<number>;
}

/** How spool files are named (`newFileName` below); list and sweep touch nothing else. */
const SPOOL_FILE = /^[0-9a-f-]{36}\.[0-9a-f]{16}\.gz$/i;
/** The file in a spool folder that names the store it belongs to. */
const STORE_MARKER = ".tenantlens-store";

/** A spool folder that holds another store's queued bodies. */
export class SpoolFolderTakenError extends Error {
  override name = "SpoolFolderTakenError";
}

/** RELAY_INTAKE_DIR=database (and SQLite in memory): the body is a column of the intake row. */
export const bodiesInDatabase: IntakeBodies = {
  folder: null,
  prepare: async () => undefined,
  list: async () => [],
  keep: async (_snapshotId, body) => ({ column: joinChunks(body), file: null }),
  read: async (kept) => kept.column ?? undefined,
  drop: async () => undefined,
  sweep: async () => 0,
};

/**
 * Bodies as files in a local spool folder. Writing a 400 KB blob into SQLite costs the event loop
 * several milliseconds (better-sqlite3 is synchronous and the blob is copied page by page), and
 * into PostgreSQL ~2 ms of the server's CPU (TOAST chunks and WAL) plus the driver's copies of
 * it; a file is written and fsync'd on libuv's thread pool while the event loop goes on
 * accepting. The write is durable (file and folder fsync'd) before the row that refers to it
 * commits, so an acknowledged push never lacks its body. On PostgreSQL the processor then copies
 * each body into its row before the push can be claimed (intake-processor.ts), so any instance
 * can process it.
 */
export function bodiesInFolder(folder: string): IntakeBodies {
  // Each accepted body gets a name of its own, so a push of the same id accepted again later
  // never shares (or loses) a file with one being finished.
  const newFileName = (snapshotId: string) =>
    `${snapshotId.replace(/[^0-9a-f-]/gi, "")}.${randomBytes(8).toString("hex")}.gz`;
  /** Spool files only: the folder is the operator's choice, and nothing else in it is ours. */
  const spoolFilesIn = async (): Promise<string[]> => {
    try {
      return (await readdir(folder)).filter((name) => SPOOL_FILE.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  };
  let folderReady: Promise<unknown> | undefined;

  // The folder's entry for a new file is durable once the folder is fsync'd. Bodies written at
  // the same time share one folder fsync: one started after the caller's file was complete.
  let nextFolderSync: Promise<void> | undefined;
  const syncFolder = (): Promise<void> => {
    nextFolderSync ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      nextFolderSync = undefined;
      const handle = await open(folder, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    return nextFolderSync;
  };

  return {
    folder,
    prepare: async (storeId) => {
      await mkdir(folder, { recursive: true });
      await access(folder, constants.W_OK);
      const marker = join(folder, STORE_MARKER);
      const owner = await readFile(marker, "utf8").then(
        (text) => text.trim(),
        (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return null;
          throw error;
        },
      );
      if (owner === storeId) return;
      const files = await spoolFilesIn();
      if (owner !== null && files.length > 0) {
        throw new SpoolFolderTakenError(
          `The intake folder ${folder} holds ${files.length} queued push bodies of another relay store (${owner}); give each database its own RELAY_INTAKE_DIR, or delete the folder if that store is gone`,
        );
      }
      // New, or left by a store that has nothing queued here any more (a SQLite file recreated).
      await writeFile(marker, `${storeId}\n`, { flush: true });
    },
    list: spoolFilesIn,
    keep: async (snapshotId, body) => {
      folderReady ??= mkdir(folder, { recursive: true });
      await folderReady;
      const file = newFileName(snapshotId);
      // Written under its final name and fsync'd: a file cut short by a crash is never named by
      // an intake row (the row is written after this returns), so the sweep removes it.
      await writeChunksDurably(join(folder, file), body.chunks);
      await syncFolder();
      return { column: null, file };
    },
    read: async (kept) => {
      if (kept.column !== null) return kept.column;
      if (kept.file === null) return undefined;
      try {
        return await readFile(join(folder, kept.file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    drop: async (file) => {
      if (file !== null) await rm(join(folder, file), { force: true });
    },
    sweep: async (queuedFiles, olderThanMs) => {
      const names = await spoolFilesIn().catch(() => []);
      const cutoff = Date.now() - olderThanMs;
      const queued = await queuedFiles();
      let removed = 0;
      for (const name of names) {
        // Files cut short by a crash mid-write are never named by a row, so they go too.
        if (queued.has(name)) continue;
        const path = join(folder, name);
        const info = await stat(path).catch(() => undefined);
        if (info === undefined || info.mtimeMs > cutoff) continue;
        await rm(path, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

/** Writes the chunks to a new file in one `writev` (more if the kernel takes fewer bytes) and fsyncs it. */
async function writeChunksDurably(path: string, chunks: readonly Buffer[]): Promise<void> {
  const handle = await open(path, "wx");
  try {
    const pending = [...chunks];
    while (pending.length > 0) {
      let { bytesWritten } = await handle.writev(pending);
      while (pending.length > 0 && bytesWritten >= (pending[0]?.byteLength ?? 0)) {
        bytesWritten -= pending[0]?.byteLength ?? 0;
        pending.shift();
      }
      const [first] = pending;
      if (first !== undefined && bytesWritten > 0) pending[0] = first.subarray(bytesWritten);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The body store for a configured spool folder (`RelayConfig.intake.spoolDir`). */
export function intakeBodiesFor(spoolDir: string | null): IntakeBodies {
  return spoolDir === null ? bodiesInDatabase : bodiesInFolder(spoolDir);
}
