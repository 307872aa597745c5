import { checkTenantAccess } from "../graph/check-tenant-access";
import { listenForCommands } from "../messaging/listen";
import { isOwnServiceWorker } from "../messaging/sender-policy";
import { MsalHost } from "./msal-host";

/**
 * The offscreen document: hosts MSAL and answers only the service worker. It has no
 * `chrome.identity` (offscreen documents get `chrome.runtime` only), hence the split flow.
 */
const host = new MsalHost();
// This document's own host is the extension id (chrome-extension://<id>/…).
const extensionId = location.host;

listenForCommands(
  "offscreen",
  {
    "msal.beginRedirect": async ({ clientId, mode, knownAccount }) => ({
      authorizeUrl: await host.beginRedirect(clientId, mode, knownAccount),
    }),
    "msal.completeRedirect": ({ clientId, responseUrl }) =>
      host.completeRedirect(clientId, responseUrl),
    "msal.abandonRedirect": async ({ clientId }) => {
      await host.abandonRedirect(clientId);
      return null;
    },
    "msal.getAccount": ({ clientId }) => host.getAccount(clientId),
    "msal.acquireTokenSilent": ({ clientId, tenantId, forceRefresh }) =>
      host.acquireTokenSilent(clientId, tenantId, forceRefresh),
    "graph.checkTenantAccess": ({ clientId, tenantId }) =>
      checkTenantAccess(tenantId, host.accessTokenSource(clientId), AbortSignal.timeout(30_000)),
  },
  {
    isTrustedSender: (sender) => isOwnServiceWorker(sender, extensionId),
    // The document lives as long as the extension: nothing ever tears this listener down.
    signal: new AbortController().signal,
  },
);
