import { mulberry32 } from "../../support/mulberry32";
import type { EmulatedTenant } from "../tenants/model";
import { type GraphFaults, noFaults } from "./faults";
import type { MemberChange } from "./membership";
import { createThrottleState, type ThrottleState } from "./throttling/throttler";

/**
 * The Graph host's own mutable state inside a `CloudContext` (`ctx.graph`): throttle buckets,
 * fault settings and the seeded randomness faults draw from (the shared mulberry32 generator,
 * uniform in [0, 1)).
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
    random: mulberry32(seed),
    memberChanges: new WeakMap(),
  };
}
