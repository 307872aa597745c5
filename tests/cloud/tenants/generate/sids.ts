import type { SeededRandom } from "../random";

/**
 * Cloud-only directory objects carry `securityIdentifier` `S-1-12-1-a-b-c-d`, where a..d are the
 * object id's 16 bytes read as four little-endian 32-bit numbers (how Entra ID maps object ids to
 * SIDs for Windows).
 */
export function cloudSecurityIdentifier(objectId: string): string {
  const hex = objectId.replace(/-/g, "");
  // .NET stores the first three GUID groups little-endian, the last eight bytes as written.
  const reversedBytes = (h: string) =>
    Number.parseInt(h.match(/../g)?.reverse().join("") ?? "0", 16);
  const a = Number.parseInt(hex.slice(0, 8), 16);
  const b = Number.parseInt(hex.slice(12, 16) + hex.slice(8, 12), 16);
  const c = reversedBytes(hex.slice(16, 24));
  const d = reversedBytes(hex.slice(24, 32));
  return `S-1-12-1-${a}-${b}-${c}-${d}`;
}

/** An on-premises Active Directory domain SID prefix, `S-1-5-21-x-y-z`. */
export function domainSid(rng: SeededRandom): string {
  return `S-1-5-21-${rng.nextUint32()}-${rng.nextUint32()}-${rng.nextUint32()}`;
}

/** `onPremisesImmutableId`: base64 of the on-premises objectGUID, as Entra Connect writes it. */
export function immutableId(rng: SeededRandom): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 16; i += 4) bytes.writeUInt32LE(rng.nextUint32(), i);
  return bytes.toString("base64");
}
