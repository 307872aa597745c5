/**
 * A Graph GET that survives an access token the server no longer accepts. MSAL decides a cached
 * token is fresh by the browser's clock; Graph decides by its own, and may also reject a revoked
 * token early. On 401 `InvalidAuthenticationToken` the token is renewed once (forced refresh)
 * and the request repeated.
 * https://learn.microsoft.com/graph/resolve-auth-errors#401-unauthorized-error-is-your-token-valid
 */
export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/** Gives the raw access token for a tenant; `forceRefresh` skips MSAL's access-token cache. */
export type AccessTokenSource = (tenantId: string, forceRefresh: boolean) => Promise<string>;

export class GraphRequestError extends Error {
  override readonly name = "GraphRequestError";
  readonly status: number;
  /** Graph's `error.code`, e.g. `Authorization_RequestDenied`. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export interface GraphGetResult {
  body: unknown;
  /** True when the first token was refused and a renewed one succeeded. */
  renewedToken: boolean;
}

async function readGraphError(response: Response): Promise<GraphRequestError> {
  let code = `HTTP${response.status}`;
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.error?.message === "string") message = body.error.message;
  } catch {
    // Not Graph's JSON error shape (e.g. a proxy page): the status line is all there is.
  }
  return new GraphRequestError(response.status, code, message);
}

export async function graphGet(
  path: string,
  tenantId: string,
  accessToken: AccessTokenSource,
  signal: AbortSignal,
): Promise<GraphGetResult> {
  const send = async (forceRefresh: boolean): Promise<Response> =>
    fetch(`${GRAPH_BASE_URL}${path}`, {
      headers: { Authorization: `Bearer ${await accessToken(tenantId, forceRefresh)}` },
      signal,
    });
  let response = await send(false);
  let renewedToken = false;
  if (response.status === 401) {
    response = await send(true);
    renewedToken = true;
  }
  if (!response.ok) throw await readGraphError(response);
  return { body: await response.json(), renewedToken };
}
