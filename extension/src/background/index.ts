import { listenForCommands } from "../messaging/listen";
import { isOwnExtensionPage } from "../messaging/sender-policy";
import { authStatusItem, readItem } from "../state";
import { acquireToken } from "./handlers/acquire-token";
import { checkAccess } from "./handlers/check-tenant-access";
import { getAccount } from "./handlers/get-account";
import { signIn } from "./handlers/sign-in";
import { renewBeforeExpiry } from "./silent-recovery";
import {
  runTokenHealthCheck,
  scheduleTokenHealthCheck,
  TOKEN_HEALTH_ALARM,
} from "./token-health-alarm";

/**
 * The service worker: routes commands from extension pages, and is the one context that may
 * call `chrome.identity`. Listeners are registered synchronously at start, because a message
 * or an alarm can be what wakes a stopped worker.
 */
const lifetime = new AbortController();

listenForCommands(
  "background",
  {
    "auth.signIn": signIn,
    "auth.getAccount": getAccount,
    "auth.acquireToken": acquireToken,
    "tenant.checkAccess": checkAccess,
  },
  {
    // Content scripts and other extensions are refused; only our own pages may command.
    isTrustedSender: (sender) => isOwnExtensionPage(sender, chrome.runtime.id),
    signal: lifetime.signal,
  },
);

function onAlarm(alarm: chrome.alarms.Alarm): void {
  if (alarm.name === TOKEN_HEALTH_ALARM)
    runTokenHealthCheck(renewBeforeExpiry).catch(console.error);
}
chrome.alarms.onAlarm.addListener(onAlarm);
lifetime.signal.addEventListener("abort", () => chrome.alarms.onAlarm.removeListener(onAlarm), {
  once: true,
});

// Chrome may drop alarms when the browser restarts or the extension updates: re-aim the health
// alarm from the stored status each time the worker starts.
readItem(authStatusItem).then(scheduleTokenHealthCheck).catch(console.error);
