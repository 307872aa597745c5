import type { GraphDevice, GraphManagedDevice } from "../../graph-types";

/** What the computers collector gathered for one tenant. */
export interface ComputersInput {
  /** Entra ID `devices`, read with DEVICE_SELECT. */
  devices: readonly GraphDevice[];
  /**
   * Intune `managedDevices`, read with MANAGED_DEVICE_SELECT; null when not collected, e.g. in a
   * tenant without Intune, where Graph answers 400 "Request not applicable to target tenant."
   */
  managedDevices: readonly GraphManagedDevice[] | null;
  /** `devices/{id}/registeredOwners` UPN by device object id, where collected. */
  registeredOwners?: ReadonlyMap<string, string>;
}
