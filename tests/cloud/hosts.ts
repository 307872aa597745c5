/**
 * Microsoft's hostnames the emulator answers for, in one place: the server dispatches on them,
 * Chromium is pointed at them, Graph tags its log entries with one, and the certificate names
 * them all.
 */
export const LOGIN_HOST = "login.microsoftonline.com";
/** The identity platform's base URL: ID token issuers must match the discovery document's. */
export const LOGIN_ORIGIN = `https://${LOGIN_HOST}`;
export const GRAPH_HOST = "graph.microsoft.com";
export const PORTAL_HOST = "portal.azure.com";
/** Named in the certificate only: no app serves it yet, so its requests get 421. */
export const MANAGEMENT_HOST = "management.azure.com";
