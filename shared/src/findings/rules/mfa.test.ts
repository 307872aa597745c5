import { describe, expect, it } from "vitest";
import {
  evaluate,
  labels,
  MFA_NO,
  MFA_UNKNOWN,
  MFA_YES,
  role,
  SIGN_IN_NEEDS_P1,
  snapshotOf,
  TEMPLATE,
  user,
  userMember,
} from "../__fixtures__/rows";
import { adminsWithoutMfa } from "./admins-without-mfa";
import { adminsWithoutPhishingResistantMfa } from "./admins-without-phishing-resistant-mfa";
import { mfaStatusUnknown } from "./mfa-status-unknown";
import { securityDefaultsOff } from "./security-defaults-off";
import { usersWithoutMfa } from "./users-without-mfa";

function adminSnapshot(...admins: ReturnType<typeof user>[]) {
  return snapshotOf({
    users: [...admins, user("staff", { mfa: MFA_NO })],
    roles: [role(TEMPLATE.globalAdministrator, admins.map(userMember))],
  });
}

describe("admins-without-mfa", () => {
  it("fires for a Global Administrator known not to be registered, naming the role and source", () => {
    const result = evaluate(
      adminsWithoutMfa,
      adminSnapshot(user("ga1", { mfa: MFA_NO }), user("ga2")),
    );
    expect(result.status).toBe("fail");
    expect(result.evidence).toEqual([
      {
        dataset: "users",
        rowId: "ga1",
        label: "ga1@contoso.example",
        detail: "Global Administrator; MFA: No (registration report)",
      },
    ]);
  });

  it("stays quiet when every admin is registered, even if a non-admin is not", () => {
    const result = evaluate(adminsWithoutMfa, adminSnapshot(user("ga1"), user("ga2")));
    expect(result).toEqual({ findingId: "admins-without-mfa", status: "pass", evidence: [] });
  });

  it("is not evaluated when admins' MFA is unknown (no P1), rather than passing", () => {
    const result = evaluate(adminsWithoutMfa, adminSnapshot(user("ga1", { mfa: MFA_UNKNOWN })));
    expect(result.status).toBe("notEvaluated");
    expect(result.reason).toMatch(/unknown for 1 of 1.*Entra ID P1/);
  });

  it("ignores a disabled admin, who cannot sign in", () => {
    const disabled = user("ga1", { mfa: MFA_NO, accountEnabled: false });
    expect(evaluate(adminsWithoutMfa, adminSnapshot(disabled, user("ga2"))).status).toBe("pass");
  });

  it("is not evaluated when the roles dataset is unavailable, naming the error code", () => {
    const snapshot = snapshotOf(
      { users: [user("ga1", { mfa: MFA_NO })], roles: [] },
      { roles: { state: "unavailable", reasonCode: "Authorization_RequestDenied" } },
    );
    expect(evaluate(adminsWithoutMfa, snapshot)).toEqual({
      findingId: "admins-without-mfa",
      status: "notEvaluated",
      evidence: [],
      reason: "dataset roles unavailable (Authorization_RequestDenied)",
    });
  });
});

describe("users-without-mfa", () => {
  it("fires for enabled members without MFA and skips guests and disabled accounts", () => {
    const snapshot = snapshotOf({
      users: [
        user("alice", { mfa: MFA_NO }),
        user("bob"),
        user("guest", { mfa: MFA_NO, userType: "Guest" }),
        user("leaver", { mfa: MFA_NO, accountEnabled: false }),
      ],
    });
    const result = evaluate(usersWithoutMfa, snapshot);
    expect(result.status).toBe("fail");
    expect(labels(result)).toEqual(["alice@contoso.example"]);
  });

  it("stays quiet when every enabled member is registered", () => {
    expect(evaluate(usersWithoutMfa, snapshotOf({ users: [user("a"), user("b")] })).status).toBe(
      "pass",
    );
  });

  it("is not evaluated when MFA is unknown for some users and none is known to lack it", () => {
    const snapshot = snapshotOf({ users: [user("a"), user("b", { mfa: MFA_UNKNOWN })] });
    const result = evaluate(usersWithoutMfa, snapshot);
    expect(result.status).toBe("notEvaluated");
    expect(result.reason).toContain("unknown for 1 of 2");
  });

  it("is not evaluated when the users dataset was not collected", () => {
    expect(evaluate(usersWithoutMfa, snapshotOf({})).reason).toBe("dataset users not collected");
  });

  it("keeps a partial users dataset's caveat on its result", () => {
    const snapshot = snapshotOf(
      { users: [user("alice", { mfa: MFA_NO })] },
      { users: { state: "partial", reasonCode: "TooManyRequests" } },
    );
    expect(evaluate(usersWithoutMfa, snapshot)).toMatchObject({
      status: "fail",
      reason: "computed from partial data (users): some rows may be missing",
    });
  });
});

describe("mfa-status-unknown", () => {
  it("lists users whose MFA status is unknown with the mapper's explanation", () => {
    const snapshot = snapshotOf({ users: [user("a"), user("b", { mfa: MFA_UNKNOWN })] });
    const result = evaluate(mfaStatusUnknown, snapshot);
    expect(result.status).toBe("fail");
    expect(result.evidence).toEqual([
      {
        dataset: "users",
        rowId: "b",
        label: "b@contoso.example",
        detail: "Unknown — needs Entra ID P1",
      },
    ]);
  });

  it("stays quiet when every user's MFA status is known, yes or no", () => {
    const snapshot = snapshotOf({ users: [user("a"), user("b", { mfa: MFA_NO })] });
    expect(evaluate(mfaStatusUnknown, snapshot).status).toBe("pass");
  });
});

describe("admins-without-phishing-resistant-mfa", () => {
  it("fires for an admin with only push and SMS, listing the methods", () => {
    const admin = user("ga1", {
      mfa: { ...MFA_YES, methods: ["microsoftAuthenticatorPush", "mobilePhone"] },
    });
    const result = evaluate(adminsWithoutPhishingResistantMfa, adminSnapshot(admin));
    expect(result.status).toBe("fail");
    expect(result.evidence[0]?.detail).toBe(
      "Global Administrator; methods: microsoftAuthenticatorPush, mobilePhone",
    );
  });

  it("stays quiet for FIDO2 from the registration report and Windows Hello from the methods list", () => {
    const fido = user("ga1", { mfa: { ...MFA_YES, methods: ["mobilePhone", "fido2"] } });
    const hello = user("ga2", {
      mfa: {
        ...MFA_YES,
        source: "authenticationMethods",
        methods: ["#microsoft.graph.windowsHelloForBusinessAuthenticationMethod"],
      },
    });
    expect(evaluate(adminsWithoutPhishingResistantMfa, adminSnapshot(fido, hello)).status).toBe(
      "pass",
    );
  });

  it("is not evaluated when no admin has a known method list", () => {
    const result = evaluate(
      adminsWithoutPhishingResistantMfa,
      adminSnapshot(user("ga1", { mfa: MFA_UNKNOWN })),
    );
    expect(result.status).toBe("notEvaluated");
  });
});

describe("security-defaults-off", () => {
  const noP1 = { ...MFA_UNKNOWN, securityDefaultsEnabled: false };

  it("fires when security defaults are off and nothing shows Entra ID P1", () => {
    const snapshot = snapshotOf({
      users: [user("a", { mfa: noP1, lastSignIn: SIGN_IN_NEEDS_P1 })],
    });
    const result = evaluate(securityDefaultsOff, snapshot);
    expect(result.status).toBe("fail");
    expect(result.evidence).toEqual([
      {
        dataset: "users",
        rowId: snapshot.tenantId,
        label: "Contoso",
        detail: "Security defaults off; no Entra ID P1, so no Conditional Access",
      },
    ]);
  });

  it("stays quiet when security defaults are on", () => {
    const on = { ...noP1, securityDefaultsEnabled: true };
    const snapshot = snapshotOf({ users: [user("a", { mfa: on, lastSignIn: SIGN_IN_NEEDS_P1 })] });
    expect(evaluate(securityDefaultsOff, snapshot).status).toBe("pass");
  });

  it("is not evaluated when the tenant has P1, because Conditional Access may cover MFA", () => {
    const snapshot = snapshotOf({ users: [user("a", { mfa: { ...MFA_YES } })] });
    const result = evaluate(securityDefaultsOff, snapshot);
    expect(result.status).toBe("notEvaluated");
    expect(result.reason).toMatch(/Conditional Access/);
  });

  it("is not evaluated when the security defaults state was not collected", () => {
    const unknown = { ...noP1, securityDefaultsEnabled: null };
    const snapshot = snapshotOf({ users: [user("a", { mfa: unknown })] });
    expect(evaluate(securityDefaultsOff, snapshot).reason).toBe(
      "security defaults state not collected",
    );
  });
});
