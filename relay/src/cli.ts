import { parseArgs } from "node:util";
import { issueToken } from "./auth/issue-token";
import { recordAuditEvent } from "./db/audit-events";
import { connectDatabase, type RelayDatabase } from "./db/connect";
import { deleteUnreferencedBlobs } from "./db/dataset-blobs";
import { migrateToLatest } from "./db/migrate";
import { getToken, listTokens, ROLES, type Role, revokeToken } from "./db/tokens";
import { parseRelayConfig, RelayConfigError } from "./env";
import { createLogger } from "./logger";
import { startRelay } from "./server";

const USAGE = `Usage: npm run relay -- <command>

  serve                                   migrate, then serve the API (RELAY_* environment)
  migrate                                 bring the database schema up to date
  token create --role <admin|technician|viewer> --name <name> [--expires-days N] [--company <id>]...
  token list
  token revoke <token id>
  gc                                      delete stored datasets no snapshot refers to any more

Environment: RELAY_DATABASE_URL (SQLite file path or postgres://…, default ./data/tenantlens.sqlite),
RELAY_HOST, RELAY_PORT (8787), RELAY_ALLOWED_ORIGINS, RELAY_LOG_LEVEL; see docs/relay-api.md.`;

const DAY_MS = 24 * 60 * 60 * 1000;

class UsageError extends Error {
  override name = "UsageError";
}

async function withMigratedDatabase<T>(run: (database: RelayDatabase) => Promise<T>): Promise<T> {
  const config = parseRelayConfig(process.env);
  const database = connectDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function serveCommand(): Promise<void> {
  const config = parseRelayConfig(process.env);
  const logger = createLogger(config.logLevel);
  const relay = await startRelay(config, logger);
  if (relay.firstAdminSecret !== null) {
    // Deliberately on stdout and not in the logs: shown once, to whoever started the relay.
    process.stdout.write(
      `\nFirst start: an admin token was created. Copy it now, it is not shown again:\n\n  ${relay.firstAdminSecret}\n\n`,
    );
  }
  // Printed after the token, so whoever waits for this line has seen the token too.
  process.stdout.write(`tenantlens relay listening on ${relay.url} (${relay.database.dialect})\n`);
  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await relay.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

async function tokenCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === "create") {
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: "string" },
        name: { type: "string" },
        "expires-days": { type: "string", default: "90" },
        company: { type: "string", multiple: true },
      },
    });
    const role = values.role;
    if (role === undefined || !(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    }
    const name = values.name?.trim();
    if (name === undefined || name === "") throw new UsageError("--name is required");
    const days = Number(values["expires-days"]);
    if (!Number.isInteger(days) || days < 1 || days > 730) {
      throw new UsageError("--expires-days must be a whole number from 1 to 730");
    }
    await withMigratedDatabase(async ({ db }) => {
      const now = new Date();
      const issued = await db.transaction().execute(async (trx) => {
        const created = await issueToken(trx, {
          name,
          role: role as Role,
          expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
          companyScope: values.company ?? null,
          createdByTokenId: null,
          now: now.toISOString(),
        });
        await recordAuditEvent(trx, {
          at: now.toISOString(),
          actorTokenId: null,
          actorName: "cli",
          action: "token.create",
          targetType: "token",
          targetId: created.record.id,
          detail: { name, role, companyIds: values.company ?? null },
        });
        return created;
      });
      process.stdout.write(
        `Created ${issued.record.role} token "${issued.record.name}" (id ${issued.record.id}, expires ${issued.record.expiresAt}).\nCopy it now, it is not shown again:\n\n  ${issued.secret}\n\n`,
      );
    });
    return;
  }
  if (action === "list") {
    await withMigratedDatabase(async ({ db }) => {
      for (const token of await listTokens(db)) {
        const state =
          token.revokedAt !== null
            ? `revoked ${token.revokedAt}`
            : `expires ${token.expiresAt ?? "never"}`;
        const scope =
          token.companyScope === null
            ? "all companies"
            : `companies ${token.companyScope.join(",")}`;
        process.stdout.write(
          `${token.id}\t${token.role}\t${token.displayPrefix}…\t${token.name}\t${state}\t${scope}\n`,
        );
      }
    });
    return;
  }
  if (action === "revoke") {
    const id = rest[0];
    if (id === undefined) throw new UsageError("token revoke needs a token id (see token list)");
    await withMigratedDatabase(async ({ db }) => {
      if ((await getToken(db, id)) === undefined) throw new UsageError(`No token with id ${id}`);
      const now = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        await revokeToken(trx, id, now);
        await recordAuditEvent(trx, {
          at: now,
          actorTokenId: null,
          actorName: "cli",
          action: "token.revoke",
          targetType: "token",
          targetId: id,
          detail: null,
        });
      });
      process.stdout.write(`Revoked token ${id}\n`);
    });
    return;
  }
  throw new UsageError(`Unknown token command "${action ?? ""}"`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "serve":
      return serveCommand();
    case "migrate":
      return withMigratedDatabase(async () => {
        process.stdout.write("Database schema is up to date\n");
      });
    case "token":
      return tokenCommand(rest);
    case "gc":
      return withMigratedDatabase(async ({ db }) => {
        const { blobs, bytes } = await deleteUnreferencedBlobs(db);
        process.stdout.write(`Deleted ${blobs} unreferenced dataset blobs (${bytes} bytes)\n`);
      });
    default:
      throw new UsageError(
        command === undefined ? "No command given" : `Unknown command "${command}"`,
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (error instanceof RelayConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
