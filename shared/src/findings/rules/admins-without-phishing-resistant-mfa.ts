import { partialCaveat, requireDatasets } from "../dataset-access";
import { enabledPrivilegedUsers, holderEvidence } from "../principals";
import { failed, joinReasons, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

/**
 * Phishing-resistant methods, as `userRegistrationDetails.methodsRegistered` names them or as
 * authentication method types (`#microsoft.graph.fido2AuthenticationMethod`) normalise to.
 */
const PHISHING_RESISTANT = new Set([
  "fido2",
  "windowshelloforbusiness",
  "passkeydevicebound",
  "passkeydeviceboundauthenticator",
  "passkeydeviceboundwindowshello",
  "x509certificate",
  "platformcredential",
  "macosplatformcredential",
  "macossecureenclavekey",
]);

function normaliseMethod(method: string): string {
  return method
    .replace(/^#?microsoft\.graph\./i, "")
    .replace(/AuthenticationMethod$/i, "")
    .toLowerCase();
}

export const adminsWithoutPhishingResistantMfa: Finding = {
  id: "admins-without-phishing-resistant-mfa",
  title: "Administrators without a phishing-resistant method",
  severity: "medium",
  whyItMatters:
    "Push, SMS and one-time codes can be relayed by adversary-in-the-middle phishing kits; administrators are their favourite target. FIDO2 keys, passkeys, Windows Hello and certificates cannot be relayed.",
  howToFix:
    "Register a FIDO2 key or passkey (or Windows Hello for Business) for every administrator and require phishing-resistant authentication strength for directory roles in Conditional Access.",
  references: { scuba: ["MS.AAD.3.6v1"] },
  requires: ["roles", "users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const holders = enabledPrivilegedUsers(data.rows.roles, data.rows.users);
    // Only admins whose methods are known can be judged; "no MFA at all" is admins-without-mfa.
    const judged = holders.filter((holder) => holder.user.mfa.state === "yes");
    const methodsUnknown = judged.filter((holder) => holder.user.mfa.methods.length === 0);
    const withMethods = judged.filter((holder) => holder.user.mfa.methods.length > 0);
    if (holders.length > 0 && withMethods.length === 0) {
      return notEvaluated(this.id, "no administrator has a known list of MFA methods");
    }
    const evidence = withMethods
      .filter(
        (holder) =>
          !holder.user.mfa.methods.some((method) =>
            PHISHING_RESISTANT.has(normaliseMethod(method)),
          ),
      )
      .map((holder) =>
        holderEvidence(
          holder,
          `${holder.roles.join(", ")}; methods: ${holder.user.mfa.methods.join(", ")}`,
        ),
      );
    const reason = joinReasons(
      methodsUnknown.length > 0
        ? `methods unknown for ${methodsUnknown.length} administrators`
        : undefined,
      partialCaveat(data.partial),
    );
    return evidence.length > 0 ? failed(this.id, evidence, reason) : passed(this.id, reason);
  },
};
