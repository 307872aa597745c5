import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../../tests/support/graph-samples";
import type {
  GraphAuthenticationMethod,
  GraphUser,
  GraphUserRegistrationDetails,
} from "../../../graph-types";
import type { MfaStatus } from "../../users";
import { mapUserRows } from "../map-user-rows";
import { usersInput } from "../test-input";
import type { UsersInput } from "../users-input";
import { NEEDS_P1_DETAIL, NON_PREMIUM_TENANT_ERROR } from "./mfa-status";

const registrationSample = readGraphSampleItems<GraphUserRegistrationDetails>(
  "userregistrationdetails-list",
);
/** The users of the registration sample, as the users collector would list them. */
const sampleUsers: GraphUser[] = registrationSample.map(({ id, userPrincipalName }) => ({
  id,
  userPrincipalName: userPrincipalName ?? `${id}@contoso.com`,
}));

const p1Tenant: Partial<UsersInput> = {
  registrationDetails: { status: "collected", items: registrationSample },
};
const tenantWithoutP1: Partial<UsersInput> = {
  registrationDetails: { status: "unavailable", errorCode: NON_PREMIUM_TENANT_ERROR },
};

function mfaOf(users: readonly GraphUser[], overrides: Partial<UsersInput>): MfaStatus[] {
  return mapUserRows(usersInput(users, overrides)).map((row) => row.mfa);
}

const password: GraphAuthenticationMethod = {
  "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
  id: "28c10230-6103-485e-b985-444c60001490",
};
const authenticator: GraphAuthenticationMethod = {
  "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
  id: "6d5a9b3e-0000-0000-0000-000000000001",
};

describe("MFA in a tenant with Entra ID P1 (registration report)", () => {
  it("answers from userregistrationdetails-list: registered, not registered, methods and capability", () => {
    const statuses = mfaOf(sampleUsers, p1Tenant);
    expect(
      statuses.map(({ state, source, methods, capable }) => ({ state, source, methods, capable })),
    ).toEqual(
      registrationSample.map((details) => ({
        state: details.isMfaRegistered ? "yes" : "no",
        source: "registrationDetails",
        methods: details.methodsRegistered,
        capable: details.isMfaCapable,
      })),
    );
    expect(statuses.map((status) => status.state)).toEqual(["yes", "no", "yes"]);
  });

  it("says when a registered user's methods are not allowed by policy", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      registrationDetails: {
        status: "collected",
        items: [
          { ...(registrationSample[0] as GraphUserRegistrationDetails), isMfaCapable: false },
        ],
      },
    });
    expect(status).toMatchObject({ state: "yes", capable: false });
    expect(status?.detail).toMatch(/not MFA capable/);
  });

  it("prefers the registration report over collected methods when both exist", () => {
    const [status] = mfaOf(sampleUsers.slice(1, 2), {
      ...p1Tenant,
      authenticationMethods: new Map([[sampleUsers[1]?.id ?? "", [authenticator]]]),
    });
    expect(status).toMatchObject({ state: "no", source: "registrationDetails" });
  });

  it("falls back to a user's methods when the report has no entry for the user", () => {
    const newcomer: GraphUser = { id: "new-user", userPrincipalName: "new@contoso.com" };
    const [withMethods] = mfaOf([newcomer], {
      ...p1Tenant,
      authenticationMethods: new Map([["new-user", [password, authenticator]]]),
    });
    expect(withMethods).toMatchObject({ state: "yes", source: "authenticationMethods" });
    const [withoutMethods] = mfaOf([newcomer], p1Tenant);
    expect(withoutMethods).toMatchObject({ state: "unknown", source: "none" });
    expect(withoutMethods?.detail).toMatch(/not in the MFA registration report/);
  });
});

describe("MFA in a tenant without Entra ID P1", () => {
  it("answers yes from authentication-methods-list (FIDO2 key and Windows Hello) and lists the methods", () => {
    const methods = readGraphSampleItems<GraphAuthenticationMethod>("authentication-methods-list");
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      ...tenantWithoutP1,
      authenticationMethods: new Map([[sampleUsers[0]?.id ?? "", methods]]),
    });
    expect(status).toMatchObject({
      state: "yes",
      source: "authenticationMethods",
      methods: ["fido2", "windowsHelloForBusiness"],
      capable: null,
    });
  });

  it("answers no for a user whose only method is a password", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      ...tenantWithoutP1,
      authenticationMethods: new Map([[sampleUsers[0]?.id ?? "", [password]]]),
    });
    expect(status).toMatchObject({
      state: "no",
      source: "authenticationMethods",
      methods: ["password"],
    });
  });

  it("does not count email (password reset only) or a Temporary Access Pass as MFA", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      ...tenantWithoutP1,
      authenticationMethods: new Map([
        [
          sampleUsers[0]?.id ?? "",
          [
            password,
            { "@odata.type": "#microsoft.graph.emailAuthenticationMethod", id: "e1" },
            { "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod", id: "t1" },
          ],
        ],
      ]),
    });
    expect(status).toMatchObject({
      state: "no",
      methods: ["password", "email", "temporaryAccessPass"],
    });
  });

  it("names phone methods as the registration report does", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      ...tenantWithoutP1,
      authenticationMethods: new Map([
        [
          sampleUsers[0]?.id ?? "",
          [
            {
              "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
              id: "p1",
              phoneType: "mobile",
            },
          ],
        ],
      ]),
    });
    expect(status).toMatchObject({ state: "yes", methods: ["mobilePhone"] });
  });

  it("answers unknown, not no, when a method type is not recognised and none is known strong", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      ...tenantWithoutP1,
      authenticationMethods: new Map([
        [
          sampleUsers[0]?.id ?? "",
          [password, { "@odata.type": "#microsoft.graph.futureAuthenticationMethod", id: "f1" }],
        ],
      ]),
    });
    expect(status).toMatchObject({ state: "unknown", source: "authenticationMethods" });
    expect(status?.detail).toMatch(/futureAuthenticationMethod/);
  });

  it("answers unknown — needs Entra ID P1, never no, when the user's methods were not collected", () => {
    const statuses = mfaOf(sampleUsers, tenantWithoutP1);
    for (const status of statuses) {
      expect(status).toMatchObject({
        state: "unknown",
        source: "none",
        methods: [],
        capable: null,
      });
      expect(status.detail.startsWith(NEEDS_P1_DETAIL)).toBe(true);
    }
  });

  it("names another reason the report was unavailable instead of blaming the licence", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), {
      registrationDetails: { status: "unavailable", errorCode: "Authorization_RequestDenied" },
    });
    expect(status).toMatchObject({ state: "unknown", source: "none" });
    expect(status?.detail).toMatch(/Authorization_RequestDenied/);
    expect(status?.detail).not.toMatch(/P1/);
  });
});

describe("MFA and security defaults", () => {
  const on = { id: "00000000-0000-0000-0000-000000000005", isEnabled: true };
  const off = { ...on, isEnabled: false };

  it("records security defaults on, and says what they mean for a user not known to have MFA", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), { ...tenantWithoutP1, securityDefaults: on });
    expect(status).toMatchObject({ state: "unknown", securityDefaultsEnabled: true });
    expect(status?.detail).toMatch(/^Unknown — needs Entra ID P1\. Security defaults are on/);
  });

  it("records security defaults off without changing the evidence-based answer", () => {
    const [unknown] = mfaOf(sampleUsers.slice(0, 1), { ...tenantWithoutP1, securityDefaults: off });
    expect(unknown).toMatchObject({ state: "unknown", securityDefaultsEnabled: false });
    expect(unknown?.detail).toMatch(/Security defaults are off/);
    const [registered, unregistered] = mfaOf(sampleUsers.slice(0, 2), {
      ...p1Tenant,
      securityDefaults: off,
    });
    expect(registered).toMatchObject({
      state: "yes",
      source: "registrationDetails",
      securityDefaultsEnabled: false,
    });
    expect(unregistered).toMatchObject({
      state: "no",
      source: "registrationDetails",
      securityDefaultsEnabled: false,
    });
  });

  it("gives the same registration answers with security defaults on", () => {
    const states = mfaOf(sampleUsers, { ...p1Tenant, securityDefaults: on });
    expect(states.map((status) => [status.state, status.securityDefaultsEnabled])).toEqual([
      ["yes", true],
      ["no", true],
      ["yes", true],
    ]);
    expect(states[1]?.detail).toMatch(/Security defaults are on/);
  });

  it("leaves security defaults unknown when the policy was not collected", () => {
    const [status] = mfaOf(sampleUsers.slice(0, 1), p1Tenant);
    expect(status?.securityDefaultsEnabled).toBeNull();
  });
});
