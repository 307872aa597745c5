import type { Logger } from "pino";
import type { Principal } from "../auth/permissions";
import type { RelayDatabase } from "../db/connect";
import type { RelayConfig } from "../env";

/** Everything a request handler needs, passed in once by `createApp`: no module-level state. */
export interface AppDeps {
  database: RelayDatabase;
  config: RelayConfig;
  logger: Logger;
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
