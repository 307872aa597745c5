import {
  DEPARTMENTS,
  GIVEN_NAMES,
  GUEST_HOME_DOMAINS,
  JOB_TITLES,
  OFFICES,
  type Office,
  SURNAMES,
} from "../catalog/people";
import { DEMO_PASSWORD } from "../demo-constants";
import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";
import type { GeneratedSku } from "./licences";
import { cloudSecurityIdentifier, domainSid, immutableId } from "./sids";
import { assignLicences, type LicenceSets, licenceSetFor } from "./user-licences";

/** `onPremisesExtensionAttributes` of a user nobody customised: one shared, frozen instance. */
const NO_EXTENSION_ATTRIBUTES = Object.freeze(
  Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, null])),
);

interface MemberPlan {
  mailNickname: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  role: "admin" | "breakGlass" | "named" | "syncAccount" | "staff";
}

/**
 * Members and guests, shaped as `GET /users/{id}` returns them with every v1.0 property
 * (`signInActivity` included: Graph returns it only on `$select`, which the Graph layer decides).
 */
export function generateUsers(
  context: GenerationContext,
  skus: readonly GeneratedSku[],
): UserIndex {
  const { spec, rng, tenant } = context;
  const plans = planMembers(context);
  const unlicensed = new Set<number>();
  plans.forEach((plan, index) => {
    if (plan.role === "breakGlass" || plan.role === "syncAccount") unlicensed.add(index);
  });
  const licences = assignLicences(context, skus, plans.length, unlicensed);
  const syncedDomainSid = domainSid(rng);
  const onPremDomain = `${spec.domainPrefix}.local`;
  const members: GraphObject[] = [];
  const named = new Map<string, GraphObject>();
  let admin: GraphObject | undefined;
  let breakGlass: GraphObject | undefined;
  let syncAccount: GraphObject | null = null;
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index] as MemberPlan;
    // Built-in accounts live in the initial domain and are cloud-only, as tenants are created.
    const builtIn = plan.role !== "staff";
    const synced = plan.role === "staff" && rng.chance(spec.onPremisesSyncedShare);
    const user = buildMember(context, plan, index, licences, {
      synced,
      builtIn,
      syncedDomainSid,
      onPremDomain,
    });
    members.push(user);
    tenant.passwords.set(user.id, DEMO_PASSWORD);
    if (plan.role === "admin") admin = user;
    if (plan.role === "breakGlass") breakGlass = user;
    if (plan.role === "named") named.set(plan.mailNickname, user);
    if (plan.role === "syncAccount") syncAccount = user;
  }
  const guests: GraphObject[] = [];
  for (let i = 0; i < spec.guests; i++) guests.push(buildGuest(context, i));
  for (const user of members) seedObject(tenant, "users", user);
  for (const user of guests) seedObject(tenant, "users", user);
  if (!admin || !breakGlass) throw new Error("generateUsers: built-in accounts missing");
  return { members, guests, admin, breakGlass, syncAccount, named };
}

function planMembers(context: GenerationContext): MemberPlan[] {
  const { spec, rng, tenant } = context;
  const plans: MemberPlan[] = [
    {
      mailNickname: "admin",
      displayName: `${tenant.displayName} Admin`,
      givenName: null,
      surname: null,
      jobTitle: "IT Administrator",
      department: "IT",
      role: "admin",
    },
    {
      mailNickname: "breakglass",
      displayName: "Emergency Access Account",
      givenName: null,
      surname: null,
      jobTitle: null,
      department: null,
      role: "breakGlass",
    },
  ];
  for (const user of spec.namedUsers) {
    const [givenName = null, surname = null] = user.displayName.split(" ");
    plans.push({
      mailNickname: user.mailNickname,
      displayName: user.displayName,
      givenName,
      surname,
      jobTitle: user.jobTitle ?? null,
      department: "IT",
      role: "named",
    });
  }
  if (spec.onPremisesSyncedShare > 0 && plans.length < spec.users) {
    // Entra Connect's own account (Directory Synchronization Accounts role).
    const suffix = rng.chars("0123456789abcdef", 12);
    plans.push({
      mailNickname: `Sync_DC01_${suffix}`,
      displayName: "On-Premises Directory Synchronization Service Account",
      givenName: null,
      surname: null,
      jobTitle: null,
      department: null,
      role: "syncAccount",
    });
  }
  const taken = new Map<string, number>();
  for (const plan of plans) taken.set(plan.mailNickname.toLowerCase(), 1);
  while (plans.length < spec.users) {
    const givenName = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const base = `${givenName}${surname.charAt(0)}`;
    const seen = taken.get(base.toLowerCase()) ?? 0;
    taken.set(base.toLowerCase(), seen + 1);
    const mailNickname = seen === 0 ? base : `${base}${seen + 1}`;
    const department = rng.pick(DEPARTMENTS);
    plans.push({
      mailNickname,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      jobTitle: rng.pick(JOB_TITLES),
      department,
      role: "staff",
    });
  }
  return plans;
}

interface MemberOptions {
  synced: boolean;
  builtIn: boolean;
  syncedDomainSid: string;
  onPremDomain: string;
}

function buildMember(
  context: GenerationContext,
  plan: MemberPlan,
  index: number,
  licences: LicenceSets,
  options: MemberOptions,
): GraphObject {
  const { rng, nowMs, tenant, spec } = context;
  const id = rng.guid();
  const domain = options.builtIn ? tenant.initialDomain : context.mailDomain;
  const userPrincipalName = `${plan.mailNickname}@${domain}`;
  const office: Office = rng.pick(OFFICES);
  const createdMs = rng.daysBefore(nowMs, 1, 2200);
  const accountEnabled = plan.role === "staff" ? !rng.chance(0.08) : true;
  const licenceSet = licenceSetFor(licences, index);
  const hasMailbox = licenceSet.hasExchange;
  const mail = hasMailbox ? userPrincipalName : null;
  const synced = options.synced;
  const passwordPolicies =
    plan.role === "breakGlass" || plan.role === "syncAccount"
      ? "DisablePasswordExpiration"
      : synced
        ? rng.chance(0.6)
          ? "DisablePasswordExpiration"
          : null
        : rng.weighted(CLOUD_PASSWORD_POLICIES);
  const phoneNumber = `${office.phonePrefix}${String(rng.int(100, 9999)).padStart(4, "0")}`;
  const staff = plan.role === "staff";
  return {
    id,
    deletedDateTime: null,
    accountEnabled,
    ageGroup: null,
    assignedLicenses: licenceSet.assignedLicenses,
    assignedPlans: licenceSet.assignedPlans,
    businessPhones: staff && rng.chance(0.7) ? [phoneNumber] : EMPTY,
    city: staff ? office.city : null,
    companyName: staff ? tenant.displayName : null,
    consentProvidedForMinor: null,
    country: staff ? office.country : null,
    createdDateTime: isoSeconds(createdMs),
    creationType: null,
    department: plan.department,
    displayName: plan.displayName,
    employeeHireDate: staff ? isoSeconds(createdMs - rng.int(0, 30) * DAY_MS) : null,
    employeeId: staff && rng.chance(0.5) ? String(100000 + index) : null,
    employeeLeaveDateTime: null,
    employeeOrgData: null,
    employeeType: staff ? "Employee" : null,
    externalUserState: null,
    externalUserStateChangeDateTime: null,
    faxNumber: null,
    givenName: plan.givenName,
    identities: [
      {
        signInType: "userPrincipalName",
        issuer: tenant.initialDomain,
        issuerAssignedId: userPrincipalName,
      },
    ],
    imAddresses: hasMailbox ? [userPrincipalName.toLowerCase()] : EMPTY,
    isResourceAccount: null,
    jobTitle: plan.jobTitle,
    lastPasswordChangeDateTime: isoSeconds(rng.daysBefore(nowMs, 0, 400)),
    legalAgeGroupClassification: null,
    licenseAssignmentStates: licenceSet.licenseAssignmentStates,
    mail,
    mailNickname: plan.mailNickname,
    mobilePhone: staff && rng.chance(0.5) ? phoneNumber : null,
    officeLocation: staff ? office.officeLocation : null,
    onPremisesDistinguishedName: synced
      ? `CN=${plan.displayName},OU=Users,OU=${office.city},DC=${spec.domainPrefix},DC=local`
      : null,
    onPremisesDomainName: synced ? options.onPremDomain : null,
    onPremisesExtensionAttributes: NO_EXTENSION_ATTRIBUTES,
    onPremisesImmutableId: synced ? immutableId(rng) : null,
    onPremisesLastSyncDateTime: synced ? isoSeconds(nowMs - rng.int(1, 40) * 60_000) : null,
    onPremisesProvisioningErrors: EMPTY,
    onPremisesSamAccountName: synced ? plan.mailNickname.slice(0, 20).toLowerCase() : null,
    onPremisesSecurityIdentifier: synced ? `${options.syncedDomainSid}-${1100 + index}` : null,
    onPremisesSyncEnabled: synced ? true : null,
    onPremisesUserPrincipalName: synced ? userPrincipalName : null,
    otherMails:
      staff && rng.chance(0.25) ? [`${plan.mailNickname.toLowerCase()}@outlook.com`] : EMPTY,
    passwordPolicies,
    passwordProfile: null,
    postalCode: null,
    preferredDataLocation: null,
    preferredLanguage: staff ? office.preferredLanguage : "en-US",
    provisionedPlans: licenceSet.provisionedPlans,
    proxyAddresses: hasMailbox
      ? [`SMTP:${userPrincipalName}`, `smtp:${plan.mailNickname}@${tenant.initialDomain}`]
      : EMPTY,
    securityIdentifier: cloudSecurityIdentifier(id),
    showInAddressList: null,
    signInActivity: signInActivity(context, plan.role, accountEnabled, createdMs),
    signInSessionsValidFromDateTime: isoSeconds(createdMs),
    state: staff ? office.state : null,
    streetAddress: null,
    surname: plan.surname,
    usageLocation: licenceSet.assignedLicenses.length > 0 ? office.usageLocation : null,
    userPrincipalName,
    userType: "Member",
  };
}

function buildGuest(context: GenerationContext, index: number): GraphObject {
  const { rng, nowMs, tenant } = context;
  const id = rng.guid();
  const givenName = rng.pick(GIVEN_NAMES);
  const surname = rng.pick(SURNAMES);
  const homeDomain = rng.pick(GUEST_HOME_DOMAINS);
  const local = `${givenName}.${surname}${index}`.toLowerCase();
  const email = `${local}@${homeDomain}`;
  // Invited guests: `name_domain#EXT#@tenant.onmicrosoft.com` (https://learn.microsoft.com/entra/external-id/user-properties).
  const userPrincipalName = `${local}_${homeDomain}#EXT#@${tenant.initialDomain}`;
  const createdMs = rng.daysBefore(nowMs, 1, 900);
  const accepted = rng.chance(0.85);
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    ageGroup: null,
    assignedLicenses: EMPTY,
    assignedPlans: EMPTY,
    businessPhones: EMPTY,
    city: null,
    companyName: null,
    consentProvidedForMinor: null,
    country: null,
    createdDateTime: isoSeconds(createdMs),
    creationType: "Invitation",
    department: null,
    displayName: `${givenName} ${surname}`,
    employeeHireDate: null,
    employeeId: null,
    employeeLeaveDateTime: null,
    employeeOrgData: null,
    employeeType: null,
    externalUserState: accepted ? "Accepted" : "PendingAcceptance",
    externalUserStateChangeDateTime: isoSeconds(
      createdMs + (accepted ? rng.int(1, 3) * DAY_MS : 0),
    ),
    faxNumber: null,
    givenName,
    identities: [
      {
        signInType: "federated",
        issuer:
          homeDomain.endsWith(".com") && homeDomain !== "gmail.com" && homeDomain !== "outlook.com"
            ? "ExternalAzureAD"
            : "mail",
        issuerAssignedId: null,
      },
    ],
    imAddresses: EMPTY,
    isResourceAccount: null,
    jobTitle: null,
    lastPasswordChangeDateTime: null,
    legalAgeGroupClassification: null,
    licenseAssignmentStates: EMPTY,
    mail: email,
    mailNickname: userPrincipalName.split("@")[0] ?? local,
    mobilePhone: null,
    officeLocation: null,
    onPremisesDistinguishedName: null,
    onPremisesDomainName: null,
    onPremisesExtensionAttributes: NO_EXTENSION_ATTRIBUTES,
    onPremisesImmutableId: null,
    onPremisesLastSyncDateTime: null,
    onPremisesProvisioningErrors: EMPTY,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    onPremisesUserPrincipalName: null,
    otherMails: [email],
    passwordPolicies: null,
    passwordProfile: null,
    postalCode: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    provisionedPlans: EMPTY,
    proxyAddresses: [`SMTP:${email}`],
    securityIdentifier: cloudSecurityIdentifier(id),
    showInAddressList: false,
    signInActivity: signInActivity(context, accepted ? "guest" : "pendingGuest", true, createdMs),
    signInSessionsValidFromDateTime: isoSeconds(createdMs),
    state: null,
    streetAddress: null,
    surname,
    usageLocation: null,
    userPrincipalName,
    userType: "Guest",
  };
}

type SignInBucket = "recent" | "month" | "stale" | "never";
const ENABLED_SIGN_IN_BUCKETS: readonly (readonly [SignInBucket, number])[] = [
  ["recent", 72],
  ["month", 12],
  ["stale", 9],
  ["never", 7],
];
/** Disabled accounts are mostly leavers: their last sign-in is old. */
const DISABLED_SIGN_IN_BUCKETS: readonly (readonly [SignInBucket, number])[] = [
  ["recent", 10],
  ["month", 12],
  ["stale", 60],
  ["never", 7],
];
const SIGN_IN_DAYS: Record<Exclude<SignInBucket, "never">, readonly [number, number]> = {
  recent: [0, 14],
  month: [15, 89],
  stale: [91, 400],
};

const CLOUD_PASSWORD_POLICIES: readonly (readonly [string | null, number])[] = [
  [null, 80],
  ["DisablePasswordExpiration", 17],
  ["DisableStrongPassword", 3],
];

/** A never-used account: Graph reports the activity object with null timestamps. */
const NEVER_SIGNED_IN = Object.freeze({
  lastSignInDateTime: null,
  lastSignInRequestId: null,
  lastNonInteractiveSignInDateTime: null,
  lastNonInteractiveSignInRequestId: null,
  lastSuccessfulSignInDateTime: null,
  lastSuccessfulSignInRequestId: null,
});

/**
 * Recent, older than 90 days (a typical "stale account" finding) or never, never before the
 * account existed. Emergency-access accounts and pending guests never sign in.
 */
function signInActivity(
  context: GenerationContext,
  role: MemberPlan["role"] | "guest" | "pendingGuest",
  accountEnabled: boolean,
  createdMs: number,
): object {
  const { rng, nowMs } = context;
  if (role === "breakGlass" || role === "pendingGuest") return NEVER_SIGNED_IN;
  const ageDays = Math.max(0, Math.floor((nowMs - createdMs) / DAY_MS));
  const bucket =
    role === "admin" || role === "named" || role === "syncAccount"
      ? "recent"
      : rng.weighted(accountEnabled ? ENABLED_SIGN_IN_BUCKETS : DISABLED_SIGN_IN_BUCKETS);
  if (bucket === "never") return NEVER_SIGNED_IN;
  const [minDays, maxDays] = SIGN_IN_DAYS[bucket];
  const daysAgo = Math.min(ageDays, rng.int(minDays, maxDays));
  const interactiveMs = nowMs - daysAgo * DAY_MS - rng.int(0, DAY_MS - 1);
  const nonInteractiveMs = Math.min(nowMs, interactiveMs + rng.int(0, 3 * DAY_MS));
  const success = rng.chance(0.95);
  return {
    lastSignInDateTime: isoSeconds(interactiveMs),
    lastSignInRequestId: rng.guid(),
    lastNonInteractiveSignInDateTime: isoSeconds(nonInteractiveMs),
    lastNonInteractiveSignInRequestId: rng.guid(),
    lastSuccessfulSignInDateTime: success
      ? isoSeconds(Math.max(interactiveMs, nonInteractiveMs))
      : isoSeconds(interactiveMs - DAY_MS),
    lastSuccessfulSignInRequestId: rng.guid(),
  };
}
