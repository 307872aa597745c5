import type { PushState, PushStatus } from "../../../relay/src/routes/pushes";
import type { RelayClient } from "./http-client";

const FINAL_STATES: ReadonlySet<PushState> = new Set(["stored", "unchanged", "rejected"]);
/** When an answer carries no Retry-After, wait this long before asking again. */
const DEFAULT_WAIT_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status resource of an asynchronous push (what the 202's `Location` names). */
export function pushStatusPath(companyId: string, snapshotId: string): string {
  return `/v1/companies/${companyId}/pushes/${snapshotId}`;
}

/** Retry-After in seconds (RFC 9110 §10.2.3); the HTTP-date form is not used by the relay. */
function retryAfterMs(response: Response): number {
  const header = response.headers.get("retry-after");
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_WAIT_MS;
}

export interface AwaitPushOptions {
  /** Gives up (throws) when no verdict has come by then. */
  timeoutMs: number;
  /**
   * Runs after every answer that is not yet a verdict, e.g. to check that nothing half-stored is
   * readable meanwhile.
   */
  onPending?: (push: PushStatus) => Promise<void> | void;
}

/**
 * Polls a push's status URL as the extension does, waiting as long as each answer's Retry-After
 * says, until the push is stored, found unchanged or rejected. A 503 (the relay's database is
 * down for a moment) is waited out the same way; any other answer is a failure.
 */
export async function awaitPushVerdict(
  client: RelayClient,
  statusUrl: string,
  options: AwaitPushOptions,
): Promise<PushStatus> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "(not asked yet)";
  for (;;) {
    const response = await client.call("GET", statusUrl);
    if (response.status === 200) {
      const { push } = (await response.json()) as { push: PushStatus };
      if (FINAL_STATES.has(push.state)) return push;
      await options.onPending?.(push);
      last = `200 ${push.state}`;
    } else if (response.status === 503) {
      last = `503 ${await response.text()}`;
    } else {
      throw new Error(`${statusUrl} answered ${response.status}: ${await response.text()}`);
    }
    const wait = retryAfterMs(response);
    if (Date.now() + wait > deadline) {
      throw new Error(`no verdict for ${statusUrl} within ${options.timeoutMs} ms; last: ${last}`);
    }
    await sleep(wait);
  }
}
