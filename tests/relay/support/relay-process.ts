import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { intakeDirFor } from "../../../relay/test/intake-dir";

const REPO_ROOT = new URL("../../../", import.meta.url).pathname;

/**
 * A relay started exactly as `npm run relay -- serve` starts it, as a separate OS process. Its
 * spool folder is the database's test folder (intakeDirFor) unless `env` names one.
 */
export interface RelayProcess {
  url: string;
  /** Printed on the first start of an empty store only. */
  firstAdminSecret: string | null;
  child: ChildProcess;
  /** Resolves with the first stdout/stderr line matching `pattern` (past or future). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGKILL: no shutdown hook runs, like a power cut for the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRelayProcess(env: Record<string, string>): Promise<RelayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "relay/src/cli.ts", "serve"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      RELAY_PORT: "0",
      RELAY_HOST: "127.0.0.1",
      RELAY_LOG_LEVEL: "info",
      ...(env.RELAY_DATABASE_URL !== undefined && {
        RELAY_INTAKE_DIR: intakeDirFor(env.RELAY_DATABASE_URL),
      }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    });
  }

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return resolve(seen);
      const timer = setTimeout(
        () => reject(new Error(`relay never printed ${pattern}; output:\n${lines.join("\n")}`)),
        timeoutMs,
      );
      waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then((code) =>
        reject(
          new Error(`relay exited (${code}) before printing ${pattern}:\n${lines.join("\n")}`),
        ),
      );
    });

  const listening = await waitForLine(/tenantlens relay listening on (http:\/\/\S+)/);
  const url = /listening on (http:\/\/\S+)/.exec(listening)?.[1];
  if (url === undefined) throw new Error(`cannot read the relay URL from: ${listening}`);
  // The CLI prints the first admin token (if any) before the listening line.
  const secret =
    lines.map((line) => /^\s+(tl_[A-Za-z0-9_-]{43})\s*$/.exec(line)?.[1]).find(Boolean) ?? null;

  const signalAndWait = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return {
    url,
    firstAdminSecret: secret,
    child,
    waitForLine,
    kill: () => signalAndWait("SIGKILL"),
    stop: () => signalAndWait("SIGTERM"),
  };
}
