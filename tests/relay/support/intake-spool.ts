import { readdir } from "node:fs/promises";
import { dialectOf } from "../../../relay/src/db/connect";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The files in a SQLite store's intake spool folder (`<path>-intake/`, where the bodies of queued
 * asynchronous pushes wait; relay/src/intake/intake-bodies.ts). PostgreSQL keeps them in a
 * column, so there are never any.
 */
export async function spoolFiles(databaseUrl: string): Promise<string[]> {
  if (dialectOf(databaseUrl) === "postgres") return [];
  try {
    return await readdir(`${databaseUrl}-intake`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * The spool once every body has been dropped. A body goes just after its verdict commits, so a
 * client that has seen "stored" may look a moment before it is gone; this waits (up to
 * `timeoutMs`) and returns what is left, for the test to expect empty.
 */
export async function spoolFilesOnceSettled(
  databaseUrl: string,
  timeoutMs = 10_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = await spoolFiles(databaseUrl);
    if (files.length === 0 || Date.now() > deadline) return files;
    await sleep(100);
  }
}
