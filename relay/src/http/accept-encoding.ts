/** The content codings the relay produces itself for cached bodies. */
export type ContentCoding = "gzip" | "identity";

/**
 * Whether a request's Accept-Encoding admits gzip (RFC 9110 §12.5.3): listed with q > 0 (or as
 * x-gzip, its alias), or not listed while `*` has q > 0. No header means identity, as hono's
 * compress() has always answered such clients.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let gzipQ: number | undefined;
  let wildcardQ: number | undefined;
  for (const item of header.split(",")) {
    const [name = "", ...params] = item.split(";").map((part) => part.trim());
    const coding = name.toLowerCase();
    if (coding === "") continue;
    const q = qualityOf(params);
    if (coding === "gzip" || coding === "x-gzip") gzipQ = Math.max(gzipQ ?? 0, q);
    else if (coding === "*") wildcardQ = q;
  }
  return (gzipQ ?? wildcardQ ?? 0) > 0;
}

function qualityOf(params: readonly string[]): number {
  for (const param of params) {
    const match = /^q\s*=\s*([0-9.]+)$/i.exec(param);
    if (match?.[1] !== undefined) {
      const q = Number(match[1]);
      return Number.isFinite(q) ? q : 0;
    }
  }
  return 1;
}

/** The coding to answer with: gzip when the client takes it, else the bytes as they are. */
export function negotiateCoding(header: string | undefined): ContentCoding {
  return acceptsGzip(header) ? "gzip" : "identity";
}
