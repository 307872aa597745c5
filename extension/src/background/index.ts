import { listenForCommands } from "../messaging/listen";
import { isOwnExtensionPage } from "../messaging/sender-policy";
import { acquireToken } from "./handlers/acquire-token";
import { checkAccess } from "./handlers/check-tenant-access";
import { getAccount } from "./handlers/get-account";
import { signIn } from "./handlers/sign-in";

/**
 * The service worker: routes commands from extension pages, and is the one context that may
 * call `chrome.identity`. Listeners are registered synchronously at start, because a message
 * can be what wakes a stopped worker.
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
