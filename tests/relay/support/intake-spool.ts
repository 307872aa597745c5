import { readdir } from "node:fs/promises";
import { intakeDirFor } from "../../../relay/test/intake-dir";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The files in the intake spool folder of relays started on this database (intakeDirFor), where
 * the bodies of queued asynchronous pushes wait (relay/src/intake/intake-bodies.ts).
 */
export async function spoolFiles(databaseUrl: string): Promise<string[]> {
  try {
    // Spool files only, not the folder's store marker (.tenantlens-store).
    return (await readdir(intakeDirFor(databaseUrl))).filter((name) => !name.startsWith("."));
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
