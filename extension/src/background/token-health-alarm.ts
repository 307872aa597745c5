import {
  HEALTH_CHECK_PERIOD_MINUTES,
  isProactiveRenewalDue,
  nextHealthCheckAt,
} from "../auth/token-health";
import { type AuthStatus, authStatusItem, readItem } from "../state";

/**
 * The alarm that renews the 24-hour SPA sign-in before it ends. It is aimed at the start of the
 * sign-in's last hour (on Entra's clock, translated to the browser's), and also repeats every
 * few minutes because Chrome may fire alarms late (device asleep) and may drop them when the
 * browser restarts. https://developer.chrome.com/docs/extensions/reference/api/alarms
 */
export const TOKEN_HEALTH_ALARM = "tenantlens.tokenHealth";

export async function scheduleTokenHealthCheck(status: AuthStatus): Promise<void> {
  const when = nextHealthCheckAt(status, Date.now());
  if (when === null) {
    await chrome.alarms.clear(TOKEN_HEALTH_ALARM);
    return;
  }
  await chrome.alarms.create(TOKEN_HEALTH_ALARM, {
    when,
    periodInMinutes: HEALTH_CHECK_PERIOD_MINUTES,
  });
}

/**
 * Runs `renewSilently` when the last hour has begun and no attempt is recent, then re-aims the
 * alarm. Failures are already in the auth status (the popup shows them); nothing to rethrow to.
 */
export async function runTokenHealthCheck(renewSilently: () => Promise<void>): Promise<void> {
  if (isProactiveRenewalDue(await readItem(authStatusItem), Date.now())) {
    try {
      await renewSilently();
    } catch (error) {
      // Names and codes only: errors never carry tokens (see auth/errors.ts).
      console.warn("tenantlens: proactive silent renewal failed:", (error as Error).name);
    }
  }
  await scheduleTokenHealthCheck(await readItem(authStatusItem));
}
