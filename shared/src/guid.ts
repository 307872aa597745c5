/**
 * A GUID as Entra and Graph write ids (tenant, application, object), in either case and without
 * braces: `4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4b`. Any version, since Microsoft's ids are not all
 * v4. No `g` flag, so `test` keeps no state between calls and the one pattern can be shared.
 */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
