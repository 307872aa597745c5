import { bodiesInFolder } from "../../../relay/src/intake/intake-bodies";
import { intakeDirFor } from "../../../relay/test/intake-dir";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The spool files in the intake folder of relays started on this database (intakeDirFor), where
 * the bodies of queued asynchronous pushes wait: listed as the relay lists them.
 */
export function spoolFiles(databaseUrl: string): Promise<string[]> {
  return bodiesInFolder(intakeDirFor(databaseUrl)).list();
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
