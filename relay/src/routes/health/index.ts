import { Hono } from "hono";
import { sql } from "kysely";
import type { AppEnv } from "../../http/app-env";
import { RelayHttpError } from "../../http/errors";

/** Liveness (the process answers) and readiness (the database answers); no token needed. */
export const healthRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.json({ status: "ok" }))
  .get("/ready", async (c) => {
    const { database } = c.get("deps");
    try {
      await sql`select 1`.execute(database.db);
    } catch (error) {
      throw new RelayHttpError(
        503,
        "database_unavailable",
        "The relay's database is not reachable",
        {
          cause: error,
        },
      );
    }
    return c.json({ status: "ready", database: database.dialect });
  });
