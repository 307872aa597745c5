import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  diagnose,
  type FixAction,
  TROUBLESHOOTING_CATALOGUE,
  type TroubleshootingId,
  troubleshootingEntry,
} from ".";

function sample(path: string): unknown {
  return JSON.parse(
    readFileSync(new URL(`../../../../shared/graph/${path}`, import.meta.url), "utf8"),
  );
}

interface OAuthErrorTable {
  authorizeEndpointErrors: { error: string; description: string }[];
  tokenEndpointErrors: { error: string; description: string }[];
}
interface GraphErrorTable {
  httpStatusCodes: { status: number; statusMessage: string; description: string }[];
  topLevelErrorCodes: { code: string; description: string }[];
}
interface BatchResponse {
  responses: { id: string; status: number; body: unknown }[];
}

const oauthTable = sample("identity/oauth-error-codes.json") as OAuthErrorTable;
const graphTable = sample("samples/error-codes.json") as GraphErrorTable;
const batch = sample("samples/batch-response.json") as BatchResponse;

function authorizeError(error: string) {
  const row = oauthTable.authorizeEndpointErrors.find((entry) => entry.error === error);
  if (!row) throw new Error(`${error} is not in the authorize error table`);
  return { error: row.error, error_description: row.description };
}

function graphError(code: string, message: string) {
  return {
    error: { code, message, innerError: { date: "2026-11-26T10:00:00", "request-id": "r" } },
  };
}

const TRACE =
  "\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-11-26 10:00:00Z";

const examples: [TroubleshootingId, string, unknown][] = [
  [
    "AADSTS65001",
    "a token-endpoint error body with error_codes",
    {
      error: "invalid_grant",
      error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '00001111-aaaa-2222-bbbb-3333cccc4444' named 'tenantlens'.${TRACE}`,
      error_codes: [65001],
    },
  ],
  ["AADSTS90094", "a bare AADSTS string", "AADSTS90094: Administrator consent is required."],
  [
    "AADSTS90099",
    "an error_codes array whose description has no code",
    {
      error: "invalid_grant",
      error_description: "Application not authorized.",
      error_codes: [90099],
    },
  ],
  [
    "AADSTS50020",
    "a redirect error description",
    {
      error: "invalid_request",
      error_description:
        "AADSTS50020: User account 'tech@partner.example' from identity provider 'https://sts.windows.net/x/' does not exist in tenant 'Contoso'.",
    },
  ],
  [
    "AADSTS500213",
    "a cross-tenant access policy block",
    {
      error: "access_denied",
      error_description:
        "AADSTS500213: NotAllowedByInboundPolicyTenant - The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.",
      error_codes: [500213],
    },
  ],
  [
    "AADSTS530034",
    "a delegated admin blocked for risk",
    "AADSTS530034: DelegatedAdminBlockedDueToSuspiciousActivity - A delegated administrator was blocked from accessing the tenant due to account risk in their home tenant.",
  ],
  [
    "AADSTS50105",
    "a user not assigned to the enterprise app",
    {
      errorCode: "access_denied",
      errorMessage:
        "AADSTS50105: Your administrator has configured the application tenantlens to block users unless they are specifically granted ('assigned') access to the application.",
    },
  ],
  [
    "AADSTS700084",
    "an MSAL error object",
    {
      errorCode: "invalid_grant",
      errorMessage:
        "AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which can't be extended.",
      subError: "",
    },
  ],
  ["AADSTS700082", "a bare numeric code", "700082"],
  [
    "AADSTS50173",
    "an Error whose cause carries the body",
    new Error("Token refresh failed", { cause: { error: "invalid_grant", error_codes: [50173] } }),
  ],
  [
    "AADSTS50076",
    "interaction_required with its AADSTS code (the code wins)",
    {
      error: "interaction_required",
      error_description: `AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.${TRACE}`,
      error_codes: [50076],
    },
  ],
  [
    "AADSTS53003",
    "access_denied with its AADSTS code (the code wins)",
    {
      error: "access_denied",
      error_description: "AADSTS53003: Access has been blocked by Conditional Access policies.",
      error_codes: [53003],
    },
  ],
  [
    "AADSTS50058",
    "login_required from Microsoft's authorize error table",
    authorizeError("login_required"),
  ],
  [
    "interaction_required",
    "interaction_required from the authorize error table",
    authorizeError("interaction_required"),
  ],
  [
    "AADSTS65004",
    "the documented admin consent decline",
    {
      error: "consent_required",
      error_description: `AADSTS65004: The resource owner or authorization server denied the request.${TRACE}`,
    },
  ],
  [
    "Authorization_RequestDenied",
    "the 403 body of Microsoft's batch sample",
    batch.responses[2]?.body,
  ],
  [
    "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    "the 403 a tenant without Entra ID P1 gets from userRegistrationDetails",
    {
      status: 403,
      body: graphError(
        "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license",
      ),
    },
  ],
  [
    "IntuneRequestNotApplicable",
    "Intune's 400 with its message wrapped in JSON",
    {
      status: 400,
      body: graphError(
        "BadRequest",
        '{\r\n  "_version": 3,\r\n  "Message": "Request not applicable to target tenant. - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000"\r\n}',
      ),
    },
  ],
  ["TooManyRequests", "Microsoft's throttling sample body", sample("samples/throttling-429.json")],
  [
    "InvalidAuthenticationToken",
    "Graph's expired-token body",
    graphError("InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
  ],
];

describe("diagnose", () => {
  it.each(examples)("finds %s in %s", (id, _shape, error) => {
    expect(diagnose(error).id).toBe(id);
  });

  it("has an example for every catalogue entry except Unknown", () => {
    const covered = new Set(examples.map(([id]) => id));
    const uncovered = Object.keys(TROUBLESHOOTING_CATALOGUE).filter(
      (id) => id !== "Unknown" && !covered.has(id as TroubleshootingId),
    );
    expect(uncovered).toEqual([]);
  });

  it("returns the detected code and the first line of Microsoft's message, without trace lines", () => {
    const diagnosis = diagnose(examples[0]?.[2]);
    expect(diagnosis.detectedCode).toBe("AADSTS65001");
    expect(diagnosis.message).toBe(
      "AADSTS65001: The user or administrator has not consented to use the application with ID '00001111-aaaa-2222-bbbb-3333cccc4444' named 'tenantlens'.",
    );
  });

  it("treats an outbound cross-tenant block (AADSTS500212) like the inbound one", () => {
    const diagnosis = diagnose({ error: "access_denied", error_codes: [500212] });
    expect(diagnosis.id).toBe("AADSTS500213");
    expect(diagnosis.detectedCode).toBe("AADSTS500212");
  });

  it("maps the OAuth errors of Microsoft's tables that carry no AADSTS code", () => {
    expect(diagnose(authorizeError("access_denied")).id).toBe("AADSTS65004");
    const consentRequired = oauthTable.tokenEndpointErrors.find(
      (row) => row.error === "consent_required",
    );
    expect(diagnose({ error: consentRequired?.error }).id).toBe("AADSTS65001");
  });

  it("maps Graph's documented top-level codes and statuses to their entries", () => {
    const codes = new Map(graphTable.topLevelErrorCodes.map((row) => [row.code, row.description]));
    expect(
      diagnose(graphError("activityLimitReached", codes.get("activityLimitReached") ?? "")).id,
    ).toBe("TooManyRequests");
    expect(diagnose(graphError("accessDenied", codes.get("accessDenied") ?? "")).id).toBe(
      "Authorization_RequestDenied",
    );
    expect(diagnose(graphError("unauthenticated", codes.get("unauthenticated") ?? "")).id).toBe(
      "InvalidAuthenticationToken",
    );
    const statuses = new Map(
      graphTable.httpStatusCodes.map((row) => [row.status, row.statusMessage]),
    );
    expect(diagnose({ status: 429, body: statuses.get(429) }).id).toBe("TooManyRequests");
    expect(diagnose({ status: 401, body: statuses.get(401) }).id).toBe(
      "InvalidAuthenticationToken",
    );
  });

  it("says Unknown, with the code it saw, for an error it has no advice for", () => {
    const diagnosis = diagnose(sample("identity/token-authcode-error-invalid-scope.json"));
    expect(diagnosis.id).toBe("Unknown");
    expect(diagnosis.detectedCode).toBe("AADSTS70011");
  });

  it.each([null, undefined, 42, {}, [], "", { error: { code: "" } }])(
    "never throws on %o and answers Unknown",
    (input) => {
      expect(diagnose(input).id).toBe("Unknown");
    },
  );

  it("round-trips every catalogue id, so a stored reasonCode finds its entry again", () => {
    for (const id of Object.keys(TROUBLESHOOTING_CATALOGUE)) {
      expect(diagnose(id).id).toBe(id);
      expect(troubleshootingEntry(id).id).toBe(id);
    }
    expect(troubleshootingEntry("Nonsense").id).toBe("Unknown");
  });
});

describe("the troubleshooting catalogue", () => {
  it("offers each fix the UI has a button for", () => {
    const actions = new Set<FixAction>(
      Object.values(TROUBLESHOOTING_CATALOGUE).map((entry) => entry.action),
    );
    for (const action of [
      "reconnect",
      "reconsent",
      "requestGdapRole",
      "buyLicence",
      "nothingToFix",
      "retryLater",
    ] as const) {
      expect(actions.has(action), action).toBe(true);
    }
    const offered = Object.values(TROUBLESHOOTING_CATALOGUE).flatMap(
      (entry) => entry.alternativeActions,
    );
    expect(offered).toContain("recreateEnterpriseApp");
  });

  it("treats missing licences as the tenant's situation, not an error of ours", () => {
    expect(
      TROUBLESHOOTING_CATALOGUE.Authentication_RequestFromNonPremiumTenantOrB2CTenant.expected,
    ).toBe(true);
    expect(TROUBLESHOOTING_CATALOGUE.IntuneRequestNotApplicable.action).toBe("nothingToFix");
  });

  it("sends every expired or revoked session to reconnect", () => {
    for (const id of ["AADSTS700084", "AADSTS700082", "AADSTS50173", "AADSTS50076"] as const) {
      expect(TROUBLESHOOTING_CATALOGUE[id].action).toBe("reconnect");
    }
  });
});
