/**
 * Identifier and timestamp formats as Microsoft Graph spells them, so that clients which parse or
 * compare them (or tests that copy them from samples) see the real shapes.
 */

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DDT` per day number: generated tenants reuse a few thousand days, formatted once. */
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

const STAMP = Buffer.alloc(20);
const ZERO = 48;

function writeTwoDigits(offset: number, value: number): void {
  STAMP[offset] = ZERO + Math.floor(value / 10);
  STAMP[offset + 1] = ZERO + (value % 10);
}

/**
 * `2024-03-13T19:15:41Z`: most directory timestamps carry whole seconds. Formatted by hand into
 * one flat string (the date part cached) because a 100,000-user tenant formats about a million.
 */
export function isoSeconds(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const day = Math.floor(seconds / 86_400);
  const inDay = seconds - day * 86_400;
  STAMP.write(dayPrefix(day), 0, 11, "latin1");
  writeTwoDigits(11, Math.floor(inDay / 3600));
  STAMP[13] = 58; // ":"
  writeTwoDigits(14, Math.floor((inDay % 3600) / 60));
  STAMP[16] = 58;
  writeTwoDigits(17, inDay % 60);
  STAMP[19] = 90; // "Z"
  return STAMP.toString("latin1", 0, 20);
}

/** `2018-01-09T21:20:02.7215374Z`: audit and report timestamps carry 100-ns ticks. */
export function isoTicks(epochMs: number, extraTicks: number): string {
  const millis = String(Math.floor(epochMs) % 1000).padStart(3, "0");
  const ticks = String(extraTicks % 10_000).padStart(4, "0");
  return `${isoSeconds(epochMs).slice(0, 19)}.${millis}${ticks}Z`;
}

/** `2019-03-19`: the date part secure scores are keyed by. */
export function isoDate(epochMs: number): string {
  return dayPrefix(Math.floor(epochMs / DAY_MS)).slice(0, 10);
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
 * appRoleAssignment ids start with the principal's GUID bytes (base64url), followed by 16 more
 * bytes: `47nZsM8O_UuNq5Jz3QValC…` in approleassignedto-list.json is principal b0d9b9e3-….
 */
export function appRoleAssignmentId(
  principalId: string,
  words: readonly [number, number, number, number],
): string {
  const tail = Buffer.alloc(16);
  words.forEach((word, i) => {
    tail.writeUInt32LE(word >>> 0, i * 4);
  });
  return Buffer.concat([guidBytes(principalId), tail]).toString("base64url");
}
