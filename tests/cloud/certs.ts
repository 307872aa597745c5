import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";
import { GRAPH_HOST, LOGIN_HOST, MANAGEMENT_HOST, PORTAL_HOST } from "./hosts";

/**
 * TLS material for the emulator, generated at every start and never committed: a throwaway CA and
 * one leaf certificate naming every Microsoft host the emulator answers for. Chromium trusts the
 * leaf through `--ignore-certificate-errors-spki-list=<spkiHash>`; Node clients trust the CA file.
 */
const EMULATED_HOSTNAMES = [
  LOGIN_HOST,
  GRAPH_HOST,
  PORTAL_HOST,
  MANAGEMENT_HOST,
  "localhost",
] as const;

export interface EmulatorCertificates {
  caCertPem: string;
  /** The CA written to a temp file, for `curl --cacert` and `NODE_EXTRA_CA_CERTS`. */
  caCertPath: string;
  leafCertPem: string;
  leafKeyPem: string;
  /** base64(sha256(SubjectPublicKeyInfo of the leaf)), the form Chromium's SPKI allow-list takes. */
  spkiHash: string;
  /** Removes the temp directory holding the CA file. */
  dispose(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** RSA keys come from Node's native generator (forge's pure-JS one takes seconds). */
function generateRsaKeys(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
} {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function randomSerial(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString("hex");
}

function createCaCertificate(nowMs: number) {
  const keys = generateRsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(nowMs - DAY_MS);
  cert.validity.notAfter = new Date(nowMs + 30 * DAY_MS);
  const subject = [
    { name: "commonName", value: "tenantlens Microsoft cloud emulator CA" },
    { name: "organizationName", value: "tenantlens tests" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, keys };
}

function createLeafCertificate(
  nowMs: number,
  ca: ReturnType<typeof createCaCertificate>,
): { cert: forge.pki.Certificate; privateKey: forge.pki.rsa.PrivateKey } {
  const keys = generateRsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(nowMs - DAY_MS);
  // Chromium rejects leaf certificates valid for more than 398 days.
  cert.validity.notAfter = new Date(nowMs + 30 * DAY_MS);
  cert.setSubject([{ name: "commonName", value: "login.microsoftonline.com" }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: [
        ...EMULATED_HOSTNAMES.map((value) => ({ type: 2, value })),
        { type: 7, ip: "127.0.0.1" },
      ],
    },
  ]);
  cert.sign(ca.keys.privateKey, forge.md.sha256.create());
  return { cert, privateKey: keys.privateKey };
}

export function spkiSha256Base64(certPem: string): string {
  const spki = createPublicKey(certPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("base64");
}

export function generateEmulatorCertificates(nowMs: number = Date.now()): EmulatorCertificates {
  const ca = createCaCertificate(nowMs);
  const leaf = createLeafCertificate(nowMs, ca);
  const caCertPem = forge.pki.certificateToPem(ca.cert);
  const leafCertPem = forge.pki.certificateToPem(leaf.cert);
  const dir = mkdtempSync(join(tmpdir(), "tenantlens-cloud-"));
  const caCertPath = join(dir, "emulator-ca.pem");
  writeFileSync(caCertPath, caCertPem);
  return {
    caCertPem,
    caCertPath,
    leafCertPem,
    leafKeyPem: forge.pki.privateKeyToPem(leaf.privateKey),
    spkiHash: spkiSha256Base64(leafCertPem),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
