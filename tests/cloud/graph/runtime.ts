import type { EmulatedTenant } from "../tenants/model";
import { type GraphFaults, noFaults, seededRandom } from "./faults";
import type { MemberChange } from "./membership";
import { createThrottleState, type ThrottleState } from "./throttling/throttler";

/**
 * The Graph host's own mutable state inside a `CloudContext` (`ctx.graph`): throttle buckets,
 * fault settings and the seeded randomness faults draw from.
 */
export interface GraphRuntime {
  throttling: ThrottleState;
  faults: GraphFaults;
  random: () => number;
  /** Membership changes made through `setMembers` (membership.ts), per tenant. */
  memberChanges: WeakMap<EmulatedTenant, MemberChange[]>;
}

export function createGraphRuntime(seed: number): GraphRuntime {
  return {
    throttling: createThrottleState(),
    faults: noFaults(),
    random: seededRandom(seed),
    memberChanges: new WeakMap(),
  };
}
