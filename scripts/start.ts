/**
 * The main job (`npm start`, the README's first command): build the extension, then start the
 * relay on SQLite and say what to do next. One process, no set-up, data in ./data/.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseRelayConfig, RelayConfigError } from "../relay/src/env";
import { createLogger } from "../relay/src/logger";
import { startRelay } from "../relay/src/server";

const REPO_ROOT = resolve(import.meta.dirname, "..");
const EXTENSION_DIR = resolve(REPO_ROOT, "dist/extension");

function buildExtension(): { ok: boolean; problem: string | null } {
  if (process.env.TENANTLENS_SKIP_BUILD === "1") {
    return existsSync(resolve(EXTENSION_DIR, "manifest.json"))
      ? { ok: true, problem: null }
      : { ok: false, problem: "TENANTLENS_SKIP_BUILD=1 and no earlier build in dist/extension/" };
  }
  process.stdout.write("tenantlens: building the extension (npm run build)…\n");
  const build = spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (build.error !== undefined || build.status !== 0) {
    return {
      ok: false,
      problem: `npm run build failed (exit ${build.status ?? "?"}); see its output above`,
    };
  }
  if (!existsSync(resolve(EXTENSION_DIR, "manifest.json"))) {
    return {
      ok: false,
      problem: "npm run build succeeded but dist/extension/manifest.json is missing",
    };
  }
  return { ok: true, problem: null };
}

async function main(): Promise<void> {
  // The relay's own defaults already say SQLite at ./data/tenantlens.sqlite on 127.0.0.1:8787;
  // any RELAY_* variable still overrides them.
  const config = parseRelayConfig(process.env);
  const build = buildExtension();
  const relay = await startRelay(
    config,
    createLogger(config.logLevel === "info" ? "warn" : config.logLevel),
  );

  const lines = [
    "",
    "tenantlens is running",
    "",
    `  Relay:      ${relay.url}  (${relay.database.dialect}: ${config.databaseUrl})`,
  ];
  if (relay.firstAdminSecret !== null) {
    lines.push(
      `  Admin token (shown once, copy it now): ${relay.firstAdminSecret}`,
      "              Create technician tokens with: npm run relay -- token create --role technician --name <name>",
    );
  } else {
    lines.push("  Admin token: created on the first start (npm run relay -- token list)");
  }
  lines.push(
    build.ok
      ? `  Extension:  load the folder ${EXTENSION_DIR} as an unpacked extension (chrome://extensions → Developer mode → Load unpacked)`
      : `  Extension:  NOT BUILT — ${build.problem}. The relay runs anyway.`,
    "",
    "Press Ctrl+C to stop.",
    "",
  );
  process.stdout.write(lines.join("\n"));

  const stop = async () => {
    await relay.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof RelayConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`tenantlens: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
