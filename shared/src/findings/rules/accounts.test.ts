import { describe, expect, it } from "vitest";
import {
  daysAgo,
  evaluate,
  group,
  labels,
  licence,
  MFA_NO,
  SIGN_IN_NEEDS_P1,
  snapshotOf,
  user,
} from "../__fixtures__/rows";
import { disabledUsersWithLicences } from "./disabled-users-with-licences";
import { emptyGroups } from "./empty-groups";
import { guestsNeverSignedIn } from "./guests-never-signed-in";
import { inactiveUsers } from "./inactive-users";
import { passwordNeverExpires } from "./password-never-expires";
import { weakPasswordsAllowed } from "./weak-passwords-allowed";

describe("inactive-users", () => {
  it("fires for enabled members idle 90 days or more, not for guests or disabled accounts", () => {
    const snapshot = snapshotOf({
      users: [
        user("idle", { lastSignIn: daysAgo(90) }),
        user("active", { lastSignIn: daysAgo(10) }),
        user("guest", { lastSignIn: daysAgo(300), userType: "Guest" }),
        user("blocked", { lastSignIn: daysAgo(300), accountEnabled: false }),
      ],
    });
    const result = evaluate(inactiveUsers, snapshot);
    expect(labels(result)).toEqual(["idle@contoso.example"]);
    expect(result.evidence[0]?.detail).toBe(
      `Last sign-in ${daysAgo(90).slice(0, 10)} (90 days ago)`,
    );
  });

  it("does not count a new account that has not signed in yet", () => {
    const snapshot = snapshotOf({
      users: [user("new", { lastSignIn: null, createdOn: daysAgo(5) })],
    });
    expect(evaluate(inactiveUsers, snapshot).status).toBe("pass");
  });

  it("is not evaluated when no user has sign-in data", () => {
    const snapshot = snapshotOf({ users: [user("a", { lastSignIn: SIGN_IN_NEEDS_P1 })] });
    expect(evaluate(inactiveUsers, snapshot)).toMatchObject({
      status: "notEvaluated",
      reason: "last sign-in not available: Needs Entra ID P1",
    });
  });

  it("judges the users it can and says how many it could not", () => {
    const snapshot = snapshotOf({
      users: [
        user("idle", { lastSignIn: daysAgo(200) }),
        user("b", { lastSignIn: SIGN_IN_NEEDS_P1 }),
      ],
    });
    const result = evaluate(inactiveUsers, snapshot);
    expect(labels(result)).toEqual(["idle@contoso.example"]);
    expect(result.reason).toBe("last sign-in unavailable for 1 of 2");
  });
});

describe("guests-never-signed-in", () => {
  it("fires for a guest invited 60 days ago who never signed in", () => {
    const snapshot = snapshotOf({
      users: [user("g", { userType: "Guest", lastSignIn: null, createdOn: daysAgo(60) })],
    });
    expect(evaluate(guestsNeverSignedIn, snapshot).evidence).toEqual([
      {
        dataset: "users",
        rowId: "g",
        label: "g@contoso.example",
        detail: "Never signed in; invited 60 days ago",
      },
    ]);
  });

  it("stays quiet for a freshly invited guest and a guest who signed in", () => {
    const snapshot = snapshotOf({
      users: [
        user("new", { userType: "Guest", lastSignIn: null, createdOn: daysAgo(3) }),
        user("used", { userType: "Guest", lastSignIn: daysAgo(200), createdOn: daysAgo(400) }),
      ],
    });
    expect(evaluate(guestsNeverSignedIn, snapshot).status).toBe("pass");
  });

  it("is not evaluated when guests' sign-in data needs Entra ID P1", () => {
    const snapshot = snapshotOf({
      users: [user("g", { userType: "Guest", lastSignIn: SIGN_IN_NEEDS_P1 })],
    });
    expect(evaluate(guestsNeverSignedIn, snapshot)).toMatchObject({
      status: "notEvaluated",
      reason: "last sign-in not available: Needs Entra ID P1",
    });
  });
});

describe("password-never-expires", () => {
  it("fires for an enabled account with DisablePasswordExpiration, showing its MFA state", () => {
    const snapshot = snapshotOf({
      users: [
        user("svc", {
          passwordPolicies: "DisablePasswordExpiration, DisableStrongPassword",
          mfa: MFA_NO,
        }),
        user("old", { passwordPolicies: "DisablePasswordExpiration", accountEnabled: false }),
      ],
    });
    expect(evaluate(passwordNeverExpires, snapshot).evidence).toEqual([
      {
        dataset: "users",
        rowId: "svc",
        label: "svc@contoso.example",
        detail: "DisablePasswordExpiration; MFA: No (registration report)",
      },
    ]);
  });

  it("stays quiet for accounts with no or other password policies", () => {
    const snapshot = snapshotOf({
      users: [
        user("a"),
        user("b", { passwordPolicies: "None" }),
        user("c", { passwordPolicies: "DisableStrongPassword" }),
      ],
    });
    expect(evaluate(passwordNeverExpires, snapshot).status).toBe("pass");
  });
});

describe("weak-passwords-allowed", () => {
  it("fires for an account with DisableStrongPassword", () => {
    const snapshot = snapshotOf({
      users: [user("weak", { passwordPolicies: "DisableStrongPassword" }), user("ok")],
    });
    const result = evaluate(weakPasswordsAllowed, snapshot);
    expect(labels(result)).toEqual(["weak@contoso.example"]);
    expect(result.evidence[0]?.detail).toBe("passwordPolicies: DisableStrongPassword");
  });

  it("stays quiet when only password expiry is disabled", () => {
    const snapshot = snapshotOf({
      users: [user("a", { passwordPolicies: "DisablePasswordExpiration" })],
    });
    expect(evaluate(weakPasswordsAllowed, snapshot).status).toBe("pass");
  });
});

describe("disabled-users-with-licences", () => {
  it("fires for a disabled user with a licence, naming the SKU from the licences dataset", () => {
    const e3 = licence("ENTERPRISEPACK", { friendlyName: "Office 365 E3" });
    const snapshot = snapshotOf({
      users: [
        user("leaver", { accountEnabled: false, assignedLicenseSkuIds: [e3.skuId, "unknown-sku"] }),
        user("active", { assignedLicenseSkuIds: [e3.skuId] }),
      ],
      licences: [e3],
    });
    expect(evaluate(disabledUsersWithLicences, snapshot).evidence).toEqual([
      {
        dataset: "users",
        rowId: "leaver",
        label: "leaver@contoso.example",
        detail: "Disabled; licences: Office 365 E3, unknown-sku",
      },
    ]);
  });

  it("stays quiet for disabled users without licences", () => {
    const snapshot = snapshotOf({ users: [user("leaver", { accountEnabled: false })] });
    expect(evaluate(disabledUsersWithLicences, snapshot).status).toBe("pass");
  });
});

describe("empty-groups", () => {
  it("fires for an assigned group with no members but not for an empty dynamic group", () => {
    const snapshot = snapshotOf({
      groups: [
        group("old-project", { memberCount: 0 }),
        group("rule-based", { memberCount: 0, groupTypes: ["DynamicMembership"] }),
        group("staff"),
      ],
    });
    expect(evaluate(emptyGroups, snapshot).evidence).toEqual([
      {
        dataset: "groups",
        rowId: "old-project",
        label: "old-project",
        detail: "Security; 0 members",
      },
    ]);
  });

  it("stays quiet when every group has members", () => {
    expect(evaluate(emptyGroups, snapshotOf({ groups: [group("a"), group("b")] })).status).toBe(
      "pass",
    );
  });

  it("is not evaluated when member counts were not collected", () => {
    const snapshot = snapshotOf({ groups: [group("a", { memberCount: null })] });
    expect(evaluate(emptyGroups, snapshot).status).toBe("notEvaluated");
  });
});
