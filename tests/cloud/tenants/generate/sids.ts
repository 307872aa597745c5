import type { SeededRandom } from "../random";

/**
 * Cloud-only directory objects carry `securityIdentifier` `S-1-12-1-a-b-c-d`, where a..d are the
 * object id's 16 bytes read as four little-endian 32-bit numbers (how Entra ID maps object ids to
 * SIDs for Windows).
 */
export function cloudSecurityIdentifier(objectId: string): string {
  // .NET stores the first three GUID groups little-endian, the last eight bytes as written.
  const a = Number.parseInt(objectId.slice(0, 8), 16);
  const b = Number.parseInt(objectId.slice(14, 18) + objectId.slice(9, 13), 16);
  const c = swapBytes(Number.parseInt(objectId.slice(19, 23) + objectId.slice(24, 28), 16));
  const d = swapBytes(Number.parseInt(objectId.slice(28, 36), 16));
  return `S-1-12-1-${a}-${b}-${c}-${d}`;
}

function swapBytes(word: number): number {
  return (
    (((word & 0xff) << 24) | ((word & 0xff00) << 8) | ((word >>> 8) & 0xff00) | (word >>> 24)) >>> 0
  );
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
