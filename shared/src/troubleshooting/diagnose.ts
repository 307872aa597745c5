import {
  isTroubleshootingId,
  TROUBLESHOOTING_CATALOGUE,
  type TroubleshootingEntry,
  type TroubleshootingId,
} from "./catalogue";

export interface Diagnosis extends TroubleshootingEntry {
  /** The most specific code found in the error (`AADSTS700084`, `Authorization_RequestDenied`…). */
  detectedCode: string | null;
  /** Microsoft's message, first line only (trace and correlation lines removed). */
  message: string | null;
}

/** AADSTS codes documented as the same situation as a catalogue entry. */
const AADSTS_ALIASES: Readonly<Record<string, TroubleshootingId>> = {
  // NotAllowedByOutboundPolicyTenant: the same block, from the user's own tenant's policy.
  AADSTS500212: "AADSTS500213",
};

/** Graph top-level codes that mean the same thing as a catalogue entry. */
const GRAPH_CODE_ALIASES: Readonly<Record<string, TroubleshootingId>> = {
  // errors.md: accessDenied "The caller doesn't have permission to perform the action."
  accessDenied: "Authorization_RequestDenied",
  // errors.md: activityLimitReached "The app or user has been throttled."
  activityLimitReached: "TooManyRequests",
  // errors.md: unauthenticated "The caller is not authenticated."
  unauthenticated: "InvalidAuthenticationToken",
};

/** OAuth 2.0 `error` values (auth code flow tables) that carry no AADSTS code of their own. */
const OAUTH_ERROR_ALIASES: Readonly<Record<string, TroubleshootingId>> = {
  login_required: "AADSTS50058",
  interaction_required: "interaction_required",
  consent_required: "AADSTS65001",
  // authorize endpoint: access_denied "Resource owner denied consent".
  access_denied: "AADSTS65004",
};

const HTTP_STATUS_ALIASES: Readonly<Record<number, TroubleshootingId>> = {
  401: "InvalidAuthenticationToken",
  429: "TooManyRequests",
};

/** Intune's answer for a tenant without an Intune licence; it arrives wrapped in a JSON string. */
const INTUNE_NOT_APPLICABLE = /Request not applicable to target tenant/i;

interface Clues {
  aadstsCodes: string[];
  graphCodes: string[];
  oauthErrors: string[];
  statuses: number[];
  messages: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function collectText(text: string, clues: Clues): void {
  clues.messages.push(text);
  for (const match of text.matchAll(/AADSTS(\d+)/g)) clues.aadstsCodes.push(`AADSTS${match[1]}`);
}

/** A bare string may itself be a code: "65001", "Authorization_RequestDenied", "login_required". */
function collectBareString(text: string, clues: Clues): void {
  const bare = text.trim();
  if (/^\d{5,7}$/.test(bare)) {
    clues.aadstsCodes.push(`AADSTS${bare}`);
  } else if (/^[A-Za-z][A-Za-z0-9_]*$/.test(bare)) {
    clues.graphCodes.push(bare);
    clues.oauthErrors.push(bare);
  } else {
    collectText(text, clues);
  }
}

/** Walks any error shape (strings, OAuth bodies, Graph bodies, MSAL errors, causes) for clues. */
function collect(value: unknown, clues: Clues, depth: number): void {
  if (depth > 5) return;
  if (typeof value === "string") {
    if (depth === 0) collectBareString(value, clues);
    else collectText(value, clues);
    return;
  }
  if (!isRecord(value)) return;

  // OAuth body: { error, error_description, error_codes } (token endpoint, redirects).
  const errorCodes = value.error_codes;
  if (Array.isArray(errorCodes)) {
    for (const code of errorCodes) {
      if (typeof code === "number" || typeof code === "string")
        clues.aadstsCodes.push(`AADSTS${code}`);
    }
  }
  if (typeof value.error === "string") clues.oauthErrors.push(value.error);
  if (typeof value.error_description === "string") collectText(value.error_description, clues);

  // Graph body: { error: { code, message, innerError } }; inner errors nest the same shape.
  if (isRecord(value.error)) collect(value.error, clues, depth + 1);
  for (const key of ["innerError", "innererror"]) {
    if (isRecord(value[key])) collect(value[key], clues, depth + 1);
  }
  if (typeof value.code === "string" && value.code.length > 0) clues.graphCodes.push(value.code);
  if (typeof value.message === "string") collectText(value.message, clues);

  // MSAL AuthError: { errorCode, errorMessage, subError }.
  if (typeof value.errorCode === "string") clues.oauthErrors.push(value.errorCode);
  if (typeof value.errorMessage === "string") collectText(value.errorMessage, clues);

  // HTTP response summaries: { status, body }.
  for (const key of ["status", "statusCode", "httpStatus"]) {
    const status = value[key];
    if (typeof status === "number") clues.statuses.push(status);
    if (typeof status === "string" && /^\d{3}$/.test(status)) clues.statuses.push(Number(status));
  }
  if (value.body !== undefined) collect(value.body, clues, depth + 1);
  if (value.cause !== undefined) collect(value.cause, clues, depth + 1);
}

function firstLine(text: string | undefined): string | null {
  if (text === undefined) return null;
  const line = text.split(/\r?\n/)[0]?.trim() ?? "";
  return line.length > 0 ? line : null;
}

function pick(clues: Clues): { id: TroubleshootingId; code: string | null } {
  for (const code of clues.aadstsCodes) {
    if (isTroubleshootingId(code)) return { id: code, code };
    const alias = AADSTS_ALIASES[code];
    if (alias) return { id: alias, code };
  }
  for (const code of clues.graphCodes) {
    if (isTroubleshootingId(code)) return { id: code, code };
    const alias = GRAPH_CODE_ALIASES[code];
    if (alias) return { id: alias, code };
  }
  if (clues.messages.some((message) => INTUNE_NOT_APPLICABLE.test(message))) {
    return { id: "IntuneRequestNotApplicable", code: clues.graphCodes[0] ?? null };
  }
  for (const error of clues.oauthErrors) {
    const alias = OAUTH_ERROR_ALIASES[error];
    if (alias) return { id: alias, code: clues.aadstsCodes[0] ?? error };
  }
  for (const status of clues.statuses) {
    const alias = HTTP_STATUS_ALIASES[status];
    if (alias) return { id: alias, code: clues.graphCodes[0] ?? String(status) };
  }
  const code =
    clues.aadstsCodes[0] ??
    clues.graphCodes[0] ??
    clues.oauthErrors[0] ??
    (clues.statuses[0] === undefined ? null : String(clues.statuses[0]));
  return { id: "Unknown", code };
}

/**
 * Finds the catalogue entry for an error, whatever its shape: an OAuth error body
 * (`error`, `error_description`, `error_codes`), a Graph error body (`{error: {code, message}}`),
 * an MSAL error, an HTTP `{status, body}` summary, a catalogue id, or a bare AADSTS string.
 * Never throws: anything unrecognised yields the "Unknown" entry with whatever code was found.
 */
export function diagnose(error: unknown): Diagnosis {
  const clues: Clues = {
    aadstsCodes: [],
    graphCodes: [],
    oauthErrors: [],
    statuses: [],
    messages: [],
  };
  collect(error, clues, 0);
  const { id, code } = pick(clues);
  return {
    ...TROUBLESHOOTING_CATALOGUE[id],
    detectedCode: code,
    message: firstLine(clues.messages[0]),
  };
}

/** The entry for a stored reason code (snapshot `status.reasonCode`); Unknown when not ours. */
export function troubleshootingEntry(reasonCode: string): TroubleshootingEntry {
  return isTroubleshootingId(reasonCode)
    ? TROUBLESHOOTING_CATALOGUE[reasonCode]
    : TROUBLESHOOTING_CATALOGUE.Unknown;
}
