import type { Logger } from "pino";
import type { Principal } from "../auth/permissions";
import type { RelayDatabase } from "../db/connect";
import type { RelayConfig } from "../env";
import type { IntakeBodies } from "../intake/intake-bodies";
import type { IntakeProcessor } from "../intake/intake-processor";
import type { IntakeWriter } from "../intake/intake-writer";
import type { PushPreparer } from "../snapshots/push-preparer";
import type { SnapshotResponseCache } from "../snapshots/response-cache";

/** Everything a request handler needs, passed in once by `createApp`: no module-level state. */
export interface AppDeps {
  database: RelayDatabase;
  config: RelayConfig;
  logger: Logger;
  /** Where pushes are parsed, validated and hashed; inline unless the server starts workers. */
  pushPreparer?: PushPreparer;
  /** Where queued push bodies are kept until processed; absent: in the database. */
  intakeBodies?: IntakeBodies;
  /** Commits accepted pushes' intake rows (grouped on SQLite); absent: one commit each. */
  intakeWriter?: IntakeWriter;
  /** Processes queued asynchronous pushes; told when one is queued. Absent: they wait for a poll. */
  intakeProcessor?: IntakeProcessor;
  /** Finished whole-snapshot response bodies by fingerprint and coding. Absent: none kept. */
  snapshotResponseCache?: SnapshotResponseCache;
  /** The clock, injectable so expiry can be tested without waiting. */
  now?: () => Date;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal;
  };
}
