import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_ID } from "../../shared/src/extension-identity";
import { parseRelayConfig, RelayConfigError } from "./env";

describe("relay configuration", () => {
  it("defaults to SQLite in ./data, port 8787 and the pinned extension origin", () => {
    const config = parseRelayConfig({});
    expect(config.databaseUrl).toBe("./data/tenantlens.sqlite");
    expect(config.port).toBe(8787);
    expect(config.host).toBe("127.0.0.1");
    expect(config.allowedOrigins).toEqual([`chrome-extension://${EXTENSION_ID}`]);
    expect(config.testPauseInsidePushMs).toBeNull();
    expect(config.snapshotCacheBytes).toBe(64 * 1024 * 1024);
    expect(config.intake).toEqual({
      pollMs: 1000,
      leaseMs: 60_000,
      maxQueuedBytes: 512 * 1024 * 1024,
      spoolDir: resolve("./data/tenantlens.sqlite-intake"),
    });
  });

  it("spools queued bodies beside SQLite, in ./data/intake for PostgreSQL, or where it is told", () => {
    const intakeDir = (env: Record<string, string>) => parseRelayConfig(env).intake.spoolDir;
    expect(intakeDir({ RELAY_DATABASE_URL: "/srv/tl/relay.sqlite" })).toBe(
      "/srv/tl/relay.sqlite-intake",
    );
    expect(intakeDir({ RELAY_DATABASE_URL: "postgres://db.internal/tenantlens" })).toBe(
      resolve("data/intake"),
    );
    expect(intakeDir({ RELAY_DATABASE_URL: "PostgreSQL://db.internal/tenantlens" })).toBe(
      resolve("data/intake"),
    );
    expect(
      intakeDir({ RELAY_DATABASE_URL: "postgres://db/x", RELAY_INTAKE_DIR: "/var/spool/tl" }),
    ).toBe("/var/spool/tl");
    expect(intakeDir({ RELAY_DATABASE_URL: "postgres://db/x", RELAY_INTAKE_DIR: "database" })).toBe(
      null,
    );
    expect(intakeDir({ RELAY_DATABASE_URL: ":memory:" })).toBeNull();
  });

  it("reads the snapshot cache budget and the intake settings, 0 turning the cache off", () => {
    const config = parseRelayConfig({
      RELAY_SNAPSHOT_CACHE_BYTES: "0",
      RELAY_INTAKE_LEASE_MS: "5000",
      RELAY_INTAKE_MAX_QUEUED_BYTES: "1000000",
    });
    expect(config.snapshotCacheBytes).toBe(0);
    expect(config.intake.leaseMs).toBe(5000);
    expect(config.intake.maxQueuedBytes).toBe(1_000_000);
  });

  it("reads a list of origins and numeric limits, treating empty values as unset", () => {
    const config = parseRelayConfig({
      RELAY_ALLOWED_ORIGINS: "chrome-extension://abc, https://relay.example:8443",
      RELAY_MAX_COMPRESSED_BYTES: "1000",
      RELAY_MAX_DECOMPRESSED_BYTES: "5000",
      RELAY_PORT: "",
    });
    expect(config.allowedOrigins).toEqual(["chrome-extension://abc", "https://relay.example:8443"]);
    expect(config.limits.maxCompressedBytes).toBe(1000);
    expect(config.port).toBe(8787);
  });

  it.each([
    [{ RELAY_PORT: "eighty" }, "RELAY_PORT"],
    [{ RELAY_PORT: "70000" }, "RELAY_PORT"],
    [{ RELAY_ALLOWED_ORIGINS: "*" }, "RELAY_ALLOWED_ORIGINS"],
    [
      { RELAY_MAX_COMPRESSED_BYTES: "10", RELAY_MAX_DECOMPRESSED_BYTES: "5" },
      "RELAY_MAX_DECOMPRESSED_BYTES",
    ],
    [{ RELAY_LOG_LEVEL: "loud" }, "RELAY_LOG_LEVEL"],
    [{ RELAY_SNAPSHOT_CACHE_BYTES: "-1" }, "RELAY_SNAPSHOT_CACHE_BYTES"],
    [{ RELAY_INTAKE_LEASE_MS: "0" }, "RELAY_INTAKE_LEASE_MS"],
  ])("fails fast with a message naming the bad setting: %o", (env, name) => {
    expect(() => parseRelayConfig(env)).toThrow(RelayConfigError);
    expect(() => parseRelayConfig(env)).toThrow(name);
  });
});
