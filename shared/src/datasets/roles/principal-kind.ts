import type { RoleMember } from "../roles";

const KIND_BY_ODATA_TYPE: Readonly<Record<string, RoleMember["kind"]>> = {
  "#microsoft.graph.user": "user",
  "#microsoft.graph.group": "group",
  "#microsoft.graph.servicePrincipal": "servicePrincipal",
};

interface PrincipalLike {
  "@odata.type"?: string | undefined;
  userPrincipalName?: string | null | undefined;
  appId?: string | null | undefined;
  [property: string]: unknown;
}

/**
 * The kind of a directory object in a polymorphic collection. Graph marks each item with
 * `@odata.type`; where a payload leaves it out (the published directoryRole members example does)
 * the properties only one kind has decide: users have a UPN, service principals an appId, groups
 * `securityEnabled`/`groupTypes`. Anything else is "unknown", never guessed to be a user.
 */
export function principalKind(principal: PrincipalLike): RoleMember["kind"] {
  const odataType = principal["@odata.type"];
  if (odataType !== undefined) return KIND_BY_ODATA_TYPE[odataType] ?? "unknown";
  if (typeof principal.userPrincipalName === "string") return "user";
  if (typeof principal.appId === "string") return "servicePrincipal";
  if ("securityEnabled" in principal || "groupTypes" in principal) return "group";
  return "unknown";
}
