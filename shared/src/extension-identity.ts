/**
 * The extension's identity. The manifest pins a public `key`, so Chromium derives the same
 * extension id on every machine, and the Entra app's single-page-application redirect URI
 * (`https://<id>.chromiumapp.org/`, the one `chrome.identity.launchWebAuthFlow` uses) stays valid.
 */
export const EXTENSION_MANIFEST_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk6dNLhlD0mzP7hDH+cZjFGPs3n/MNy32rId6QWnH7H3Yd8Ip8hiwGkuiWk+pqXD2tL8I4VsTDd+dExkAcSFukTmwGXiRuTBgNgZHsDnhL4q/XHn5LMbAFYWJnA3fQcU3zzmOvXSFl6QHxS4bPirvDSMKHS0x34kstBZyTn5FDphcdJ/pYCr0HwoMNtSCp5BLKJNz99rvZzgRM6bvzpd5PjPMrHkeaj0vgvrl/T+happMKYDS0UwvTOhDT1SgmYHGLTQdvQVzLbR3GGQkrUbMkb/8g98ACUJV0UIaMMBbyZPo/SSF/x9ff/OhBBiFQNcpcUpZcM+mxy38qiK6L//tIwIDAQAB";

/** First 32 hex digits of sha256(public key), spelled with the letters a–p, as Chromium does. */
export const EXTENSION_ID = "lopdgfmgcibcaekiojgpdhmihgfmpikm";

export const EXTENSION_REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;
