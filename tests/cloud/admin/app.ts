import { Hono } from "hono";
import type { CloudContext } from "../context";
import { createClockRoutes } from "./clock";
import { AdminInputError } from "./input";
import { createRequestLogRoutes } from "./requests";
import { createRevocationRoutes } from "./revocation";

/**
 * The emulator's own control API on https://127.0.0.1:PORT (and localhost), JSON only. Each
 * capability is one sub-app under `/_emulator`; other parts of the emulator pass theirs as mounts
 * (Graph: `/_emulator/graph`).
 */
export interface AdminMount {
  /** e.g. `/_emulator/graph` */
  path: string;
  routes: Hono;
}

export function createAdminApp(ctx: CloudContext, mounts: readonly AdminMount[] = []): Hono {
  const app = new Hono();
  app.route("/_emulator/clock", createClockRoutes(ctx));
  app.route("/_emulator/requests", createRequestLogRoutes(ctx));
  app.route("/_emulator/refresh-tokens", createRevocationRoutes(ctx));
  for (const mount of mounts) app.route(mount.path, mount.routes);
  app.notFound((c) =>
    c.json(
      { error: { code: "NotFound", message: `No emulator route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof AdminInputError) {
      return c.json({ error: { code: "BadRequest", message: error.message } }, 400);
    }
    console.error("emulator admin: unexpected error", error);
    return c.json({ error: { code: "InternalServerError", message: "Unexpected error" } }, 500);
  });
  return app;
}
