import { afterEach, describe, expect, it, vi } from "vitest";
import { checkTenantAccess } from "./check-tenant-access";
import { GraphRequestError, graphGet } from "./graph-get";

const TENANT = "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8";

function graphResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

const EXPIRED = graphResponse(401, {
  error: {
    code: "InvalidAuthenticationToken",
    message: "Lifetime validation failed, the token is expired.",
  },
});

/** Hands out numbered tokens and records whether each was forced. */
function tokenSource() {
  const requests: Array<{ tenantId: string; forceRefresh: boolean }> = [];
  const source = async (tenantId: string, forceRefresh: boolean): Promise<string> => {
    requests.push({ tenantId, forceRefresh });
    return `token-${requests.length}`;
  };
  return { source, requests };
}

function authorizationOf(call: unknown[] | undefined): string | undefined {
  const init = call?.[1] as RequestInit | undefined;
  return (init?.headers as Record<string, string> | undefined)?.Authorization;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("graphGet", () => {
  it("uses the cached token when Graph accepts it", async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      graphResponse(200, { value: [] }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const tokens = tokenSource();
    const result = await graphGet("/users", TENANT, tokens.source, new AbortController().signal);
    expect(result).toEqual({ body: { value: [] }, renewedToken: false });
    expect(tokens.requests).toEqual([{ tenantId: TENANT, forceRefresh: false }]);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("https://graph.microsoft.com/v1.0/users");
    expect(authorizationOf(fetchMock.mock.calls[0])).toBe("Bearer token-1");
  });

  it("renews the token once and repeats the request when Graph answers 401", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(EXPIRED)
      .mockResolvedValueOnce(graphResponse(200, { id: "x" }));
    vi.stubGlobal("fetch", fetchMock);
    const tokens = tokenSource();
    const result = await graphGet(
      "/organization",
      TENANT,
      tokens.source,
      new AbortController().signal,
    );
    expect(result).toEqual({ body: { id: "x" }, renewedToken: true });
    expect(tokens.requests.map((request) => request.forceRefresh)).toEqual([false, true]);
    expect(authorizationOf(fetchMock.mock.calls[1])).toBe("Bearer token-2");
  });

  it("gives up after one renewal, with Graph's error code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => EXPIRED.clone()),
    );
    const tokens = tokenSource();
    const failure = graphGet("/organization", TENANT, tokens.source, new AbortController().signal);
    await expect(failure).rejects.toBeInstanceOf(GraphRequestError);
    await expect(failure).rejects.toMatchObject({
      status: 401,
      code: "InvalidAuthenticationToken",
    });
    expect(tokens.requests).toHaveLength(2);
  });

  it("reports a non-JSON error by its status", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>bad gateway</html>", { status: 502 })),
    );
    const failure = graphGet("/users", TENANT, tokenSource().source, new AbortController().signal);
    await expect(failure).rejects.toMatchObject({ status: 502, code: "HTTP502" });
  });
});

describe("checkTenantAccess", () => {
  it("returns the organization Graph served for the tenant", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        graphResponse(200, { value: [{ id: TENANT, displayName: "Contoso Retail" }] }),
      ),
    );
    const check = await checkTenantAccess(
      TENANT,
      tokenSource().source,
      new AbortController().signal,
    );
    expect(check).toEqual({
      tenantId: TENANT,
      organizationId: TENANT,
      displayName: "Contoso Retail",
      renewedToken: false,
    });
  });

  it("fails clearly when Graph returns no organization", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => graphResponse(200, { value: [] })),
    );
    await expect(
      checkTenantAccess(TENANT, tokenSource().source, new AbortController().signal),
    ).rejects.toThrow("Graph returned no organization.");
  });
});
