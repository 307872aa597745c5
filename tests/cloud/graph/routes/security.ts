import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { orderedObjects } from "../collection-index";
import { SECURE_SCORE, SECURE_SCORE_CONTROL_PROFILE } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import type { QueryRules } from "../odata/query-options";
import { collectionFor, endpoint, listResponse, readListQuery, tenantOf } from "./shared";

/** security-list-securescores.md: $count, $filter, $skip, $top. */
const SCORE_RULES: QueryRules = { type: SECURE_SCORE, maxTop: 999 };
const PROFILE_RULES: QueryRules = { type: SECURE_SCORE_CONTROL_PROFILE, maxTop: 999 };

/** Secure Score keeps 90 days of daily scores. */
const HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

export function registerSecurityRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/security/secureScores", endpoint(ctx, "listSecureScores", "secureScore"), (c) => {
    const tenant = tenantOf(c);
    const query = readListQuery(c, SCORE_RULES);
    const oldest = ctx.state.clock.now() - HISTORY_MS;
    return listResponse(c, {
      query,
      type: SECURE_SCORE,
      // Newest day first, so $top=1 is today's score.
      objects: orderedObjects(tenant, "secureScores", {
        key: "createdDateTime:d",
        compare: (a, b) =>
          Date.parse(String(b.createdDateTime)) - Date.parse(String(a.createdDateTime)),
      }),
      entitySet: "security/secureScores",
      // securescores-list.json: $top=1 answers today's score with no nextLink.
      defaultPageSize: 90,
      paged: false,
      extraFilter: (score) => Date.parse(String(score.createdDateTime)) >= oldest,
    });
  });

  api.get(
    "/security/secureScoreControlProfiles",
    endpoint(ctx, "listSecureScoreControlProfiles", "secureScore"),
    (c) => {
      const query = readListQuery(c, PROFILE_RULES);
      return listResponse(c, {
        query,
        type: SECURE_SCORE_CONTROL_PROFILE,
        objects: collectionFor(tenantOf(c), "secureScoreControlProfiles", query.options),
        entitySet: "security/secureScoreControlProfiles",
        defaultPageSize: 100,
      });
    },
  );
}
