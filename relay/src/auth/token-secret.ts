import { createHash, randomBytes } from "node:crypto";

/** Prefix that makes relay tokens recognisable (e.g. to secret scanners) and easy to tell apart. */
export const TOKEN_PREFIX = "tl_";

/** 32 random bytes = 256 bits, base64url: unguessable, safe in a header, shown once. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * The relay stores only this hash. A fast hash is right here (unlike for passwords): the secret
 * has 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What a list shows so that people can tell their tokens apart: prefix plus four characters. */
export function displayPrefixOf(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 4);
}

const SECRET_PATTERN = /^tl_[A-Za-z0-9_-]{43}$/;

export function looksLikeTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
