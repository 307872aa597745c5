import { createHash, randomBytes } from "node:crypto";
import type { EmulatorFetch } from "../../node-client";

/**
 * A minimal "browser" for driving the sign-in pages from Node: keeps login.microsoftonline.com's
 * cookies, never follows redirects (tests read the `Location`), and fills the pages' forms.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly fetchImpl: EmulatorFetch) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string): Promise<Response> {
    const response = await this.fetchImpl(url, {
      redirect: "manual",
      headers: { cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const response = await this.fetchImpl(`https://login.microsoftonline.com${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(response);
    return response;
  }
}

export function flowTokenOf(html: string): string {
  const match = html.match(/name="flowToken" value="([^"]+)"/);
  if (!match?.[1]) throw new Error(`No flowToken on the page:\n${html.slice(0, 2000)}`);
  return match[1];
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Parameters of a redirect `Location`, from its fragment or its query. */
export function redirectParams(location: string | null): URLSearchParams {
  if (!location) throw new Error("Expected a redirect");
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}

export function authorizeUrl(tenant: string, params: Record<string, string>): string {
  return `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(params)}`;
}

/** Username → password → "Stay signed in?" on the emulator's pages; returns the final response. */
export async function signIn(
  browser: TestBrowser,
  firstPage: Response,
  username: string,
  password: string,
  staySignedIn = false,
): Promise<Response> {
  const usernameHtml = await firstPage.text();
  const passwordPage = await browser.post("/common/login", {
    flowToken: flowTokenOf(usernameHtml),
    step: "username",
    loginfmt: username,
  });
  const passwordHtml = await passwordPage.text();
  const kmsi = await browser.post("/common/login", {
    flowToken: flowTokenOf(passwordHtml),
    step: "password",
    passwd: password,
  });
  const kmsiHtml = await kmsi.text();
  if (!kmsiHtml.includes("Stay signed in?")) return new Response(kmsiHtml, { status: kmsi.status });
  return browser.post("/kmsi", {
    flowToken: flowTokenOf(kmsiHtml),
    LoginOptions: staySignedIn ? "1" : "3",
  });
}
