import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636: `code_challenge = BASE64URL(SHA256(code_verifier))` for method S256. */
export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

export function verifyPkce(
  challenge: string,
  method: string | undefined,
  verifier: string,
): boolean {
  const expected = method === "plain" ? verifier : s256Challenge(verifier);
  const a = Buffer.from(expected);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
