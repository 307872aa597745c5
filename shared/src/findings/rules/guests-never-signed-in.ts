import { isUnavailable } from "../../datasets/cells";
import { partialCaveat, requireDatasets } from "../dataset-access";
import { daysSince } from "../dates";
import { userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const guestsNeverSignedIn: Finding = {
  id: "guests-never-signed-in",
  title: "Guests who never signed in",
  severity: "low",
  whyItMatters:
    "An invitation that was never redeemed (or redeemed and never used) leaves a live way into the tenant for whoever controls that mailbox, with nobody expecting it.",
  howToFix:
    "Delete guest accounts that never signed in more than a month after being invited, or re-send the invitation if the collaboration is still wanted.",
  references: {},
  requires: ["users"],
  thresholds: ["guestInvitationGraceDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const guests = data.rows.users.filter((user) => user.userType === "Guest");
    const judged = guests.filter((guest) => !isUnavailable(guest.lastSignIn));
    const [blind] = guests.filter((guest) => isUnavailable(guest.lastSignIn));
    if (blind !== undefined && judged.length === 0) {
      const why = isUnavailable(blind.lastSignIn) ? blind.lastSignIn.reason : "unavailable";
      return notEvaluated(this.id, `last sign-in not available: ${why}`);
    }
    const evidence = judged
      .filter((guest) => guest.lastSignIn === null)
      .flatMap((guest) => {
        const age = guest.createdOn === null ? null : daysSince(guest.createdOn, now);
        if (age !== null && age < thresholds.guestInvitationGraceDays) return [];
        const when = age === null ? "invitation date unknown" : `invited ${age} days ago`;
        return [userEvidence(guest, `Never signed in; ${when}`)];
      });
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
