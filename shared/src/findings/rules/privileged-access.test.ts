import { describe, expect, it } from "vitest";
import type { UserRow } from "../../datasets/users";
import {
  daysAgo,
  evaluate,
  labels,
  role,
  SIGN_IN_NEEDS_P1,
  servicePrincipalMember,
  snapshotOf,
  TEMPLATE,
  user,
  userMember,
} from "../__fixtures__/rows";
import { disabledAdmins } from "./disabled-admins";
import { globalAdminCount } from "./global-admin-count";
import { globalAdminWithoutAlternateEmail } from "./global-admin-without-alternate-email";
import { guestsWithRoles } from "./guests-with-roles";
import { inactiveAdmins } from "./inactive-admins";
import { newAccountsWithAdminRoles } from "./new-accounts-with-admin-roles";
import { servicePrincipalsWithPrivilegedRoles } from "./service-principals-with-privileged-roles";
import { syncedAdmins } from "./synced-admins";
import { tooManyPrivilegedUsers } from "./too-many-privileged-users";

function globalAdmins(count: number): UserRow[] {
  return Array.from({ length: count }, (_, i) =>
    user(`ga${i + 1}`, { otherMails: ["x@y.example"] }),
  );
}

function tenantWith(templateId: string, holders: UserRow[], others: UserRow[] = []) {
  return snapshotOf({
    users: [...holders, ...others],
    roles: [role(templateId, holders.map(userMember))],
  });
}

describe("global-admin-count", () => {
  it("fires with one Global Administrator, listing them and saying why", () => {
    const result = evaluate(
      globalAdminCount,
      tenantWith(TEMPLATE.globalAdministrator, globalAdmins(1)),
    );
    expect(result.status).toBe("fail");
    expect(labels(result)).toEqual(["ga1@contoso.example"]);
    expect(result.reason).toBe("1 Global Administrators: fewer than 2");
  });

  it("fires with five Global Administrators", () => {
    const result = evaluate(
      globalAdminCount,
      tenantWith(TEMPLATE.globalAdministrator, globalAdmins(5)),
    );
    expect(result.status).toBe("fail");
    expect(result.evidence).toHaveLength(5);
    expect(result.reason).toBe("5 Global Administrators: more than 4");
  });

  it("stays quiet with two to four, counting a user reached through two paths once", () => {
    const [a, b] = globalAdmins(2) as [UserRow, UserRow];
    const viaGroup = { ...userMember(b), viaGroup: "Tier0 admins" };
    const snapshot = snapshotOf({
      users: [a, b],
      roles: [role(TEMPLATE.globalAdministrator, [userMember(a), userMember(b), viaGroup])],
    });
    expect(evaluate(globalAdminCount, snapshot).status).toBe("pass");
  });

  it("honours threshold overrides", () => {
    const snapshot = tenantWith(TEMPLATE.globalAdministrator, globalAdmins(5));
    expect(evaluate(globalAdminCount, snapshot, { globalAdminMaximum: 8 }).status).toBe("pass");
  });

  it("is not evaluated when the Global Administrator role is missing from the roles dataset", () => {
    const snapshot = tenantWith(TEMPLATE.userAdministrator, globalAdmins(1));
    expect(evaluate(globalAdminCount, snapshot).status).toBe("notEvaluated");
  });
});

describe("global-admin-without-alternate-email", () => {
  it("fires for a Global Administrator with no otherMails", () => {
    const [a, b] = globalAdmins(2) as [UserRow, UserRow];
    const snapshot = tenantWith(TEMPLATE.globalAdministrator, [a, { ...b, otherMails: [] }]);
    const result = evaluate(globalAdminWithoutAlternateEmail, snapshot);
    expect(result.status).toBe("fail");
    expect(labels(result)).toEqual(["ga2@contoso.example"]);
  });

  it("stays quiet when every Global Administrator has one, whatever other admins have", () => {
    const userAdmin = user("ua", { otherMails: [] });
    const snapshot = snapshotOf({
      users: [...globalAdmins(2), userAdmin],
      roles: [
        role(TEMPLATE.globalAdministrator, globalAdmins(2).map(userMember)),
        role(TEMPLATE.userAdministrator, [userMember(userAdmin)]),
      ],
    });
    expect(evaluate(globalAdminWithoutAlternateEmail, snapshot).status).toBe("pass");
  });
});

describe("too-many-privileged-users", () => {
  it("fires above the maximum, listing each privileged user with their roles", () => {
    const admins = Array.from({ length: 11 }, (_, i) => user(`admin${String(i).padStart(2, "0")}`));
    const result = evaluate(
      tooManyPrivilegedUsers,
      tenantWith(TEMPLATE.exchangeAdministrator, admins),
    );
    expect(result.status).toBe("fail");
    expect(result.evidence).toHaveLength(11);
    expect(result.evidence[0]).toMatchObject({
      label: "admin00@contoso.example",
      detail: "Exchange Administrator",
    });
  });

  it("does not count holders of non-privileged roles", () => {
    const readers = Array.from({ length: 20 }, (_, i) => user(`reader${i}`));
    const snapshot = tenantWith(TEMPLATE.messageCenterReader, readers);
    expect(evaluate(tooManyPrivilegedUsers, snapshot).status).toBe("pass");
  });
});

describe("guests-with-roles", () => {
  it("fires for a guest holding any directory role", () => {
    const guest = user("partner", { userType: "Guest", assignedRoles: ["Message Center Reader"] });
    const result = evaluate(guestsWithRoles, snapshotOf({ users: [guest, user("a")] }));
    expect(result.evidence).toEqual([
      {
        dataset: "users",
        rowId: "partner",
        label: "partner@contoso.example",
        detail: "Guest holding Message Center Reader",
      },
    ]);
  });

  it("stays quiet for members with roles and guests without", () => {
    const snapshot = snapshotOf({
      users: [
        user("a", { assignedRoles: ["Global Administrator"] }),
        user("g", { userType: "Guest" }),
      ],
    });
    expect(evaluate(guestsWithRoles, snapshot).status).toBe("pass");
  });
});

describe("synced-admins", () => {
  it("fires for an on-premises synced account holding a privileged role", () => {
    const synced = user("hybrid", { onPremisesSyncEnabled: true });
    const result = evaluate(
      syncedAdmins,
      tenantWith(TEMPLATE.userAdministrator, [synced, user("cloud")]),
    );
    expect(result.evidence).toEqual([
      {
        dataset: "users",
        rowId: "hybrid",
        label: "hybrid@contoso.example",
        detail: "Synced from on-premises; User Administrator",
      },
    ]);
  });

  it("stays quiet when synced accounts hold only non-privileged roles", () => {
    const synced = user("hybrid", { onPremisesSyncEnabled: true });
    expect(evaluate(syncedAdmins, tenantWith(TEMPLATE.messageCenterReader, [synced])).status).toBe(
      "pass",
    );
  });
});

describe("service-principals-with-privileged-roles", () => {
  it("fires for an app holding Global Administrator, pointing at the roles dataset", () => {
    const snapshot = snapshotOf({
      roles: [role(TEMPLATE.globalAdministrator, [servicePrincipalMember("sp1", "Backup tool")])],
    });
    expect(evaluate(servicePrincipalsWithPrivilegedRoles, snapshot).evidence).toEqual([
      {
        dataset: "roles",
        rowId: "sp1",
        label: "Backup tool",
        detail: "Service principal holding Global Administrator",
      },
    ]);
  });

  it("stays quiet for apps in non-privileged roles", () => {
    const snapshot = snapshotOf({
      roles: [role(TEMPLATE.messageCenterReader, [servicePrincipalMember("sp1", "Reader app")])],
    });
    expect(evaluate(servicePrincipalsWithPrivilegedRoles, snapshot).status).toBe("pass");
  });
});

describe("disabled-admins", () => {
  it("fires for a disabled account still holding a privileged role", () => {
    const leaver = user("leaver", { accountEnabled: false });
    const result = evaluate(
      disabledAdmins,
      tenantWith(TEMPLATE.globalAdministrator, [leaver, user("ga")]),
    );
    expect(result.evidence.map((e) => e.detail)).toEqual(["Disabled; Global Administrator"]);
  });

  it("stays quiet when every admin is enabled", () => {
    expect(
      evaluate(disabledAdmins, tenantWith(TEMPLATE.globalAdministrator, globalAdmins(2))).status,
    ).toBe("pass");
  });
});

describe("new-accounts-with-admin-roles", () => {
  it("fires for an admin created within 30 days", () => {
    const fresh = user("fresh", { createdOn: daysAgo(3) });
    const result = evaluate(
      newAccountsWithAdminRoles,
      tenantWith(TEMPLATE.globalAdministrator, [fresh, user("old")]),
    );
    expect(labels(result)).toEqual(["fresh@contoso.example"]);
    expect(result.evidence[0]?.detail).toBe(
      `Created ${daysAgo(3).slice(0, 10)}; Global Administrator`,
    );
  });

  it("stays quiet for new accounts without privileged roles", () => {
    const fresh = user("fresh", { createdOn: daysAgo(3) });
    expect(
      evaluate(newAccountsWithAdminRoles, tenantWith(TEMPLATE.messageCenterReader, [fresh])).status,
    ).toBe("pass");
  });
});

describe("inactive-admins", () => {
  it("fires for an admin whose last sign-in is 120 days old", () => {
    const idle = user("idle", { lastSignIn: daysAgo(120) });
    const result = evaluate(
      inactiveAdmins,
      tenantWith(TEMPLATE.exchangeAdministrator, [idle, user("busy")]),
    );
    expect(labels(result)).toEqual(["idle@contoso.example"]);
    expect(result.evidence[0]?.detail).toBe(
      `Exchange Administrator; Last sign-in ${daysAgo(120).slice(0, 10)} (120 days ago)`,
    );
  });

  it("fires for an old admin account that never signed in", () => {
    const never = user("never", { lastSignIn: null, createdOn: daysAgo(400) });
    const result = evaluate(inactiveAdmins, tenantWith(TEMPLATE.exchangeAdministrator, [never]));
    expect(result.evidence[0]?.detail).toBe(
      "Exchange Administrator; Never signed in; created 400 days ago",
    );
  });

  it("stays quiet for admins who signed in within 90 days", () => {
    const recent = user("recent", { lastSignIn: daysAgo(89) });
    expect(
      evaluate(inactiveAdmins, tenantWith(TEMPLATE.exchangeAdministrator, [recent])).status,
    ).toBe("pass");
  });

  it("is not evaluated without sign-in data (needs Entra ID P1)", () => {
    const blind = user("blind", { lastSignIn: SIGN_IN_NEEDS_P1 });
    const result = evaluate(inactiveAdmins, tenantWith(TEMPLATE.exchangeAdministrator, [blind]));
    expect(result.status).toBe("notEvaluated");
    expect(result.reason).toBe("last sign-in not available: Needs Entra ID P1");
  });
});
