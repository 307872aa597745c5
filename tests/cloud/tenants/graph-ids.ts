/**
 * Identifier and timestamp formats as Microsoft Graph spells them, so that clients which parse or
 * compare them (or tests that copy them from samples) see the real shapes.
 */

export const DAY_MS = 86_400_000;

/** `2024-03-13T19:15:41Z`: most directory timestamps carry whole seconds. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** `2018-01-09T21:20:02.7215374Z`: audit and report timestamps carry 100-ns ticks. */
export function isoTicks(epochMs: number, extraTicks: number): string {
  const base = new Date(epochMs).toISOString(); // 2018-01-09T21:20:02.721Z
  const ticks = String(extraTicks % 10_000).padStart(4, "0");
  return `${base.slice(0, 23)}${ticks}Z`;
}

/** `2019-03-19`: the date part secure scores are keyed by. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The 16 bytes of a GUID in .NET's order (first three groups little-endian). */
function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, "");
  const bytes = Buffer.from(hex, "hex");
  if (bytes.length !== 16) throw new Error(`Not a GUID: ${guid}`);
  const out = Buffer.alloc(16);
  out[0] = bytes[3] as number;
  out[1] = bytes[2] as number;
  out[2] = bytes[1] as number;
  out[3] = bytes[0] as number;
  out[4] = bytes[5] as number;
  out[5] = bytes[4] as number;
  out[6] = bytes[7] as number;
  out[7] = bytes[6] as number;
  bytes.copy(out, 8, 8, 16);
  return out;
}

/**
 * Role assignment ids concatenate the role definition and principal GUIDs (base64url) and a
 * `-1` suffix: `lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1` in the roleAssignments sample is
 * Global Administrator (62e90394-…) assigned to ace08ec9-….
 */
export function roleAssignmentId(roleDefinitionId: string, principalId: string): string {
  return `${Buffer.concat([guidBytes(roleDefinitionId), guidBytes(principalId)]).toString("base64url")}-1`;
}

/**
 * oauth2PermissionGrant ids are base64url(clientId ‖ resourceId [‖ principalId]), e.g.
 * `AVs6JuUDjkCFV7q2gd8QTPimBBgj5iBFj0C6GwwRxC0` for client 263a5b01-… and resource 1804a6f8-….
 */
export function permissionGrantId(
  clientSpId: string,
  resourceSpId: string,
  principalId: string | null,
): string {
  const parts = [guidBytes(clientSpId), guidBytes(resourceSpId)];
  if (principalId) parts.push(guidBytes(principalId));
  return Buffer.concat(parts).toString("base64url");
}
