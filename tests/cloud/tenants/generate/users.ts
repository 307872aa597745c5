import {
  DEPARTMENTS,
  GIVEN_NAMES,
  JOB_TITLES,
  OFFICES,
  type Office,
  SURNAMES,
} from "../catalog/people";
import { DEMO_PASSWORD } from "../demo-constants";
import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, NO_EXTENSION_ATTRIBUTES, seedObject } from "./context";
import { buildGuest } from "./guests";
import type { GeneratedSku } from "./licences";
import { cloudSecurityIdentifier, domainSid, immutableId } from "./sids";
import { signInActivity } from "./sign-in-activity";
import { assignLicences, type LicenceSets, licenceSetFor } from "./user-licences";

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
    signInActivity: signInActivity(
      context,
      plan.role === "breakGlass" ? "never" : plan.role === "staff" ? "typical" : "active",
      accountEnabled,
      createdMs,
    ),
    signInSessionsValidFromDateTime: isoSeconds(createdMs),
    state: staff ? office.state : null,
    streetAddress: null,
    surname: plan.surname,
    usageLocation: licenceSet.assignedLicenses.length > 0 ? office.usageLocation : null,
    userPrincipalName,
    userType: "Member",
  };
}

const CLOUD_PASSWORD_POLICIES: readonly (readonly [string | null, number])[] = [
  [null, 80],
  ["DisablePasswordExpiration", 17],
  ["DisableStrongPassword", 3],
];
