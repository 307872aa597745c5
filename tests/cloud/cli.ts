import { parseArgs } from "node:util";
import { EXTENSION_REDIRECT_URI } from "../../shared/src/extension-identity";
import { type RunningCloud, startCloud } from "./server";
import { DEMO_SIGN_IN_NAMES } from "./tenants/demo-constants";
import type { CloudState } from "./tenants/model";
import type { ScenarioName } from "./tenants/scenarios";

/**
 * `npm run emulator -- [--port N] [--scenario NAME] [--seed N]`: starts the Microsoft cloud
 * emulator, prints one JSON line saying how to reach and use it, and serves until SIGTERM/SIGINT.
 */
class UsageError extends Error {
  override readonly name = "UsageError";
}

function integerOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${value}'`);
  return number;
}

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      scenario: { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const scenario = values.scenario ?? "demo";
  if (!/^[a-z][a-z0-9-]*$/.test(scenario))
    throw new UsageError(`--scenario '${scenario}' is not a scenario name`);
  return {
    port: integerOption(values.port, "port", 0, 65535),
    seed: integerOption(values.seed, "seed", 0, 2 ** 31 - 1),
    // buildScenario rejects names it does not know.
    scenario: scenario as ScenarioName,
  };
}

interface SignInAccount {
  userPrincipalName: string;
  password: string;
  tenantId: string;
  tenantDisplayName: string;
}

/** The demo's named accounts when present; otherwise a few accounts that have a password. */
function signInAccounts(state: CloudState): SignInAccount[] {
  const named = new Set(Object.values(DEMO_SIGN_IN_NAMES).map((name) => name.toLowerCase()));
  const all: SignInAccount[] = [];
  for (const tenant of state.tenants.values()) {
    for (const [userId, password] of tenant.passwords) {
      const user = tenant.collections.users.get(userId);
      if (typeof user?.userPrincipalName !== "string") continue;
      all.push({
        userPrincipalName: user.userPrincipalName,
        password,
        tenantId: tenant.id,
        tenantDisplayName: tenant.displayName,
      });
    }
  }
  const demo = all.filter((a) => named.has(a.userPrincipalName.toLowerCase()));
  return demo.length > 0 ? demo : all.slice(0, 5);
}

function describeCloud(cloud: RunningCloud) {
  const apps = [...cloud.ctx.state.apps.values()];
  const spa =
    apps.find((app) => app.spaRedirectUris.includes(EXTENSION_REDIRECT_URI)) ??
    apps.find((app) => app.spaRedirectUris.length > 0);
  const confidential = apps.find((app) => app.clientSecrets.length > 0);
  const users = signInAccounts(cloud.ctx.state);
  const passwords = new Set(users.map((user) => user.password));
  return {
    port: cloud.port,
    url: cloud.url,
    caCertPath: cloud.caCertPath,
    spkiHash: cloud.spkiHash,
    hostResolverRules: cloud.hostResolverRules,
    scenario: cloud.ctx.scenario,
    seed: cloud.ctx.seed,
    clientId: spa?.appId ?? null,
    spaApp: spa
      ? { clientId: spa.appId, displayName: spa.displayName, redirectUris: spa.spaRedirectUris }
      : null,
    confidentialApp: confidential
      ? { clientId: confidential.appId, clientSecret: confidential.clientSecrets[0] ?? null }
      : null,
    users,
    // Every demo account shares one password; say it once when that is so.
    password: passwords.size === 1 ? [...passwords][0] : null,
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCommandLine>;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`emulator: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const cloud = await startCloud({
    scenario: options.scenario,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  process.stdout.write(`${JSON.stringify(describeCloud(cloud))}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    cloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `emulator: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
