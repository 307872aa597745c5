import { isoSeconds, isoTicks } from "../graph-ids";
import type { GraphObject } from "../model";
import type { SeededRandom } from "../random";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";

/** Well-known method ids Graph uses for the one-per-user methods. */
const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";
const MOBILE_PHONE_METHOD_ID = "3179e48a-750b-4051-897c-87b9720928f7";
const EMAIL_METHOD_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

const TYPE = "#microsoft.graph.";
const PHONES = [
  "iPhone 15",
  "iPhone 13",
  "Pixel 8",
  "SM-S911B",
  "iPhone 14 Pro",
  "Pixel 7a",
] as const;
const SECURITY_KEYS = [
  { model: "YubiKey 5 NFC", aaGuid: "2fc0579f-8113-47ea-b116-555a8db9202a" },
  { model: "YubiKey 5 Series", aaGuid: "cb69481e-8ff7-4039-93ec-0a2729a154a8" },
] as const;
const ATTESTATION_CERTIFICATES = Object.freeze(["dbe793efdf1945e2df25d93653a1e8a3268a9075"]);

type Profile =
  | "none"
  | "emailOnly"
  | "authenticator"
  | "authenticatorAndPhone"
  | "passwordlessAuthenticator"
  | "phone"
  | "fido2"
  | "windowsHello"
  | "softwareOath";

const REGISTERED_PROFILES: readonly (readonly [Profile, number])[] = [
  ["authenticator", 34],
  ["authenticatorAndPhone", 22],
  ["phone", 16],
  ["passwordlessAuthenticator", 6],
  ["fido2", 5],
  ["windowsHello", 12],
  ["softwareOath", 5],
];

/** `methodsRegistered` names (userRegistrationDetails) for each method a profile holds. */
const METHOD_NAMES: Record<Profile, readonly string[]> = {
  none: EMPTY,
  emailOnly: Object.freeze(["email"]),
  authenticator: Object.freeze(["microsoftAuthenticatorPush"]),
  authenticatorAndPhone: Object.freeze(["mobilePhone", "microsoftAuthenticatorPush"]),
  passwordlessAuthenticator: Object.freeze([
    "microsoftAuthenticatorPush",
    "microsoftAuthenticatorPasswordless",
  ]),
  phone: Object.freeze(["mobilePhone"]),
  fido2: Object.freeze(["microsoftAuthenticatorPush", "fido2"]),
  windowsHello: Object.freeze(["microsoftAuthenticatorPush", "windowsHelloForBusiness"]),
  softwareOath: Object.freeze(["softwareOneTimePasscode"]),
};
const PREFERRED_PUSH = Object.freeze(["push"]);
const PREFERRED_OATH = Object.freeze(["oath"]);
const PREFERRED_SMS = Object.freeze(["sms"]);

const SSPR_METHODS = new Set([
  "email",
  "mobilePhone",
  "microsoftAuthenticatorPush",
  "softwareOneTimePasscode",
]);
const PASSWORDLESS_METHODS = new Set([
  "fido2",
  "windowsHelloForBusiness",
  "microsoftAuthenticatorPasswordless",
]);

/**
 * Per-user authentication methods (`users/{id}/authentication/methods`) and the registration
 * report rows (`reports/authenticationMethods/userRegistrationDetails`) derived from the same
 * choice, so the two sources always agree.
 */
export function generateAuthentication(
  context: GenerationContext,
  users: UserIndex,
  adminUserIds: ReadonlySet<string>,
): void {
  const { tenant, rng, spec, nowMs } = context;
  const ssprEnabled = tenant.licensing.entraIdP1 && rng.chance(0.7);
  const reportRefreshed = isoTicks(nowMs - rng.int(1, 6) * 3_600_000, rng.int(0, 9999));
  for (const user of users.members) {
    const isAdmin = adminUserIds.has(user.id);
    let profile: Profile;
    if (user === users.breakGlass) profile = "none";
    else if (
      rng.chance(isAdmin ? Math.max(spec.mfaRegisteredShare, 0.85) : spec.mfaRegisteredShare)
    )
      profile = rng.weighted(REGISTERED_PROFILES);
    else profile = rng.chance(0.3) ? "emailOnly" : "none";
    tenant.authenticationMethods.set(user.id, methodsFor(context, user, profile));
    seedObject(
      tenant,
      "userRegistrationDetails",
      registrationDetails(user, profile, isAdmin, ssprEnabled, reportRefreshed),
    );
  }
  // Guests register methods in their home tenant: here they have none.
  for (const guest of users.guests) {
    tenant.authenticationMethods.set(guest.id, []);
    seedObject(
      tenant,
      "userRegistrationDetails",
      registrationDetails(guest, "none", adminUserIds.has(guest.id), ssprEnabled, reportRefreshed),
    );
  }
}

function methodsFor(
  context: GenerationContext,
  user: GraphObject,
  profile: Profile,
): GraphObject[] {
  const { rng, nowMs } = context;
  const registeredMs = rng.daysBefore(nowMs, 1, 700);
  const created = isoSeconds(registeredMs);
  const methods: GraphObject[] = [
    {
      "@odata.type": `${TYPE}passwordAuthenticationMethod`,
      id: PASSWORD_METHOD_ID,
      password: null,
      createdDateTime: user.lastPasswordChangeDateTime ?? null,
    },
  ];
  switch (profile) {
    case "none":
      break;
    case "emailOnly":
      methods.push({
        "@odata.type": `${TYPE}emailAuthenticationMethod`,
        id: EMAIL_METHOD_ID,
        emailAddress: `${String(user.mailNickname).toLowerCase()}@outlook.com`,
      });
      break;
    case "authenticator":
    case "passwordlessAuthenticator":
      methods.push(authenticatorMethod(rng, created));
      break;
    case "authenticatorAndPhone":
      methods.push(phoneMethod(rng), authenticatorMethod(rng, created));
      break;
    case "phone":
      methods.push(phoneMethod(rng));
      break;
    case "fido2": {
      const key = rng.pick(SECURITY_KEYS);
      methods.push(authenticatorMethod(rng, created), {
        "@odata.type": `${TYPE}fido2AuthenticationMethod`,
        id: rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 22),
        displayName: rng.pick(["Red key", "Blue key", "Backup key"]),
        createdDateTime: created,
        // The published sample spells it creationDateTime; the v1.0 schema says createdDateTime. Both, so either client reads it.
        creationDateTime: created,
        aaGuid: key.aaGuid,
        model: key.model,
        attestationCertificates: ATTESTATION_CERTIFICATES,
        attestationLevel: "attested",
      });
      break;
    }
    case "windowsHello":
      methods.push(authenticatorMethod(rng, created), {
        "@odata.type": `${TYPE}windowsHelloForBusinessAuthenticationMethod`,
        id: rng.guid(),
        displayName: `${String(user.givenName ?? user.mailNickname)}'s ${rng.pick(["Surface Laptop", "ThinkPad X1", "Latitude 7440"])}`,
        createdDateTime: created,
        keyStrength: "normal",
      });
      break;
    case "softwareOath":
      methods.push({
        "@odata.type": `${TYPE}softwareOathAuthenticationMethod`,
        id: rng.guid(),
        secretKey: null,
        createdDateTime: created,
      });
      break;
  }
  return methods;
}

function phoneMethod(rng: SeededRandom): GraphObject {
  return {
    "@odata.type": `${TYPE}phoneAuthenticationMethod`,
    id: MOBILE_PHONE_METHOD_ID,
    phoneNumber: `+1 ${rng.int(200, 989)}${rng.int(2000000, 9999999)}`,
    phoneType: "mobile",
    smsSignInState: "notAllowedByPolicy",
  };
}

function authenticatorMethod(rng: SeededRandom, createdDateTime: string): GraphObject {
  return {
    "@odata.type": `${TYPE}microsoftAuthenticatorAuthenticationMethod`,
    id: rng.guid(),
    displayName: rng.pick(PHONES),
    deviceTag: "SoftwareTokenActivated",
    phoneAppVersion: `6.${rng.int(2301, 2410)}.${rng.int(1000, 9999)}`,
    createdDateTime,
  };
}

function registrationDetails(
  user: GraphObject,
  profile: Profile,
  isAdmin: boolean,
  ssprEnabled: boolean,
  lastUpdatedDateTime: string,
): GraphObject {
  const methodsRegistered = METHOD_NAMES[profile];
  const mfa = methodsRegistered.some((name) => name !== "email");
  const ssprRegistered = methodsRegistered.some((name) => SSPR_METHODS.has(name));
  const preferred = methodsRegistered.includes("microsoftAuthenticatorPush")
    ? "push"
    : methodsRegistered.includes("softwareOneTimePasscode")
      ? "oath"
      : methodsRegistered.includes("mobilePhone")
        ? "sms"
        : "";
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    isAdmin,
    isSsprRegistered: ssprRegistered,
    isSsprEnabled: ssprEnabled,
    isSsprCapable: ssprEnabled && ssprRegistered && user.accountEnabled === true,
    isMfaRegistered: mfa,
    isMfaCapable: mfa,
    isPasswordlessCapable: methodsRegistered.some((name) => PASSWORDLESS_METHODS.has(name)),
    lastUpdatedDateTime,
    methodsRegistered,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods:
      preferred === "push"
        ? PREFERRED_PUSH
        : preferred === "oath"
          ? PREFERRED_OATH
          : preferred === "sms"
            ? PREFERRED_SMS
            : EMPTY,
    userPreferredMethodForSecondaryAuthentication: preferred,
    // The report spells user types in lower case ("member", "guest"), unlike user.userType.
    userType: user.userType === "Guest" ? "guest" : "member",
  };
}
