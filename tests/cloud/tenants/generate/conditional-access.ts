import { ROLE_TEMPLATES } from "../catalog/role-templates";
import { DAY_MS, isoTicks } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";
import { ADMIN_MFA_CONTROL, DROP_SCORES_AGO, latestScoreMs } from "./score-timeline";

type PolicyState = "enabled" | "enabledForReportingButNotEnforced" | "disabled";

interface PolicyTemplate {
  displayName: string;
  /** Secure Score control an enabled policy achieves, if any. */
  controlName: string | null;
  requires: "entraIdP1" | "entraIdP2" | "intune";
  conditions: (exclude: readonly string[]) => object;
  grantControls: object | null;
  sessionControls: object | null;
}

/**
 * The 14 roles Microsoft's "Require multifactor authentication for admins" template targets
 * (https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-admin-mfa).
 */
const ADMIN_ROLE_IDS = [
  ROLE_TEMPLATES.globalAdministrator,
  ROLE_TEMPLATES.applicationAdministrator,
  ROLE_TEMPLATES.authenticationAdministrator,
  ROLE_TEMPLATES.billingAdministrator,
  ROLE_TEMPLATES.cloudApplicationAdministrator,
  ROLE_TEMPLATES.conditionalAccessAdministrator,
  ROLE_TEMPLATES.exchangeAdministrator,
  ROLE_TEMPLATES.helpdeskAdministrator,
  ROLE_TEMPLATES.passwordAdministrator,
  ROLE_TEMPLATES.privilegedAuthenticationAdministrator,
  ROLE_TEMPLATES.privilegedRoleAdministrator,
  ROLE_TEMPLATES.securityAdministrator,
  ROLE_TEMPLATES.sharePointAdministrator,
  ROLE_TEMPLATES.userAdministrator,
].map((template) => template.templateId);

const ALL_APPS = Object.freeze({
  includeApplications: ["All"],
  excludeApplications: EMPTY,
  includeUserActions: EMPTY,
});

function users(
  include: { users?: string[]; roles?: string[] },
  exclude: readonly string[],
): object {
  return {
    includeUsers: include.users ?? EMPTY,
    excludeUsers: exclude,
    includeGroups: EMPTY,
    excludeGroups: EMPTY,
    includeRoles: include.roles ?? EMPTY,
    excludeRoles: EMPTY,
  };
}

function conditions(fields: {
  users: object;
  clientAppTypes?: string[];
  signInRiskLevels?: string[];
  userRiskLevels?: string[];
}): object {
  return {
    userRiskLevels: fields.userRiskLevels ?? EMPTY,
    signInRiskLevels: fields.signInRiskLevels ?? EMPTY,
    clientAppTypes: fields.clientAppTypes ?? ["all"],
    platforms: null,
    locations: null,
    applications: ALL_APPS,
    users: fields.users,
  };
}

const grant = (operator: "OR" | "AND", builtInControls: string[]) => ({
  operator,
  builtInControls,
  customAuthenticationFactors: EMPTY,
  termsOfUse: EMPTY,
});

/** The policies Microsoft's Conditional Access templates create, as MSPs usually roll them out. */
const TEMPLATES: readonly PolicyTemplate[] = [
  {
    displayName: "Require multifactor authentication for admins",
    controlName: ADMIN_MFA_CONTROL,
    requires: "entraIdP1",
    conditions: (exclude) => conditions({ users: users({ roles: ADMIN_ROLE_IDS }, exclude) }),
    grantControls: grant("OR", ["mfa"]),
    sessionControls: null,
  },
  {
    displayName: "Block legacy authentication",
    controlName: "BlockLegacyAuthentication",
    requires: "entraIdP1",
    conditions: (exclude) =>
      conditions({
        users: users({ users: ["All"] }, exclude),
        clientAppTypes: ["exchangeActiveSync", "other"],
      }),
    grantControls: grant("OR", ["block"]),
    sessionControls: null,
  },
  {
    displayName: "Require multifactor authentication for all users",
    controlName: null,
    requires: "entraIdP1",
    conditions: (exclude) => conditions({ users: users({ users: ["All"] }, exclude) }),
    grantControls: grant("OR", ["mfa"]),
    sessionControls: null,
  },
  {
    displayName: "Sign-in frequency and no persistent browser for admins",
    controlName: "aad_sign_in_freq_session_timeout",
    requires: "entraIdP1",
    conditions: (exclude) => conditions({ users: users({ roles: ADMIN_ROLE_IDS }, exclude) }),
    grantControls: null,
    sessionControls: {
      applicationEnforcedRestrictions: null,
      persistentBrowser: { mode: "never", isEnabled: true },
      cloudAppSecurity: null,
      signInFrequency: { value: 4, type: "hours", isEnabled: true },
    },
  },
  {
    displayName: "Require compliant or hybrid joined device",
    controlName: null,
    requires: "intune",
    conditions: (exclude) => conditions({ users: users({ users: ["All"] }, exclude) }),
    grantControls: grant("OR", ["compliantDevice", "domainJoinedDevice"]),
    sessionControls: null,
  },
  {
    displayName: "Require multifactor authentication for risky sign-ins",
    controlName: "SigninRiskPolicy",
    requires: "entraIdP2",
    conditions: (exclude) =>
      conditions({
        users: users({ users: ["All"] }, exclude),
        signInRiskLevels: ["high", "medium"],
      }),
    grantControls: grant("OR", ["mfa"]),
    sessionControls: null,
  },
  {
    displayName: "Require password change for high-risk users",
    controlName: "UserRiskPolicy",
    requires: "entraIdP2",
    conditions: (exclude) =>
      conditions({ users: users({ users: ["All"] }, exclude), userRiskLevels: ["high"] }),
    grantControls: grant("AND", ["mfa", "passwordChange"]),
    sessionControls: null,
  },
];

const STATES: readonly (readonly [PolicyState | "absent", number])[] = [
  ["enabled", 60],
  ["enabledForReportingButNotEnforced", 20],
  ["disabled", 5],
  ["absent", 15],
];

/**
 * Conditional Access policies for tenants that can have them (Entra ID P1, security defaults
 * off), every one excluding the emergency-access account as Microsoft recommends. Returns the
 * Secure Score posture they imply: an enabled policy achieves its control, report-only does not.
 * With `secureScoreDrop`, the admin MFA policy was switched off three days ago.
 */
export function generateConditionalAccess(
  context: GenerationContext,
  userIndex: UserIndex,
): Map<string, number> {
  const { tenant, rng, nowMs, spec } = context;
  const posture = new Map<string, number>();
  if (!tenant.licensing.entraIdP1 || tenant.securityDefaultsEnabled) return posture;
  const exclude = Object.freeze([userIndex.breakGlass.id]);
  for (const template of TEMPLATES) {
    if (template.requires === "entraIdP2" && !tenant.licensing.entraIdP2) continue;
    if (template.requires === "intune" && !tenant.licensing.intune) continue;
    const dropped = spec.secureScoreDrop && template.controlName === ADMIN_MFA_CONTROL;
    const state = dropped ? "disabled" : rng.weighted(STATES);
    if (state === "absent") {
      // No policy, no points.
      if (template.controlName) posture.set(template.controlName, 0);
      continue;
    }
    const createdMs = rng.daysBefore(nowMs, 30, 700);
    // Switched off between the daily scores before and after the drop, which is why it fell.
    const modifiedMs = dropped
      ? latestScoreMs(nowMs) - DROP_SCORES_AGO * DAY_MS + rng.int(60_000, DAY_MS - 60_000)
      : Math.min(nowMs, createdMs + rng.int(0, 20) * DAY_MS);
    const policy: GraphObject = {
      id: rng.guid(),
      templateId: null,
      displayName: template.displayName,
      description: null,
      createdDateTime: isoTicks(createdMs, rng.int(0, 9999)),
      modifiedDateTime: isoTicks(modifiedMs, rng.int(0, 9999)),
      state,
      conditions: template.conditions(exclude),
      grantControls: template.grantControls,
      sessionControls: template.sessionControls,
    };
    seedObject(tenant, "conditionalAccessPolicies", policy);
    if (template.controlName) posture.set(template.controlName, state === "enabled" ? 1 : 0);
  }
  return posture;
}
