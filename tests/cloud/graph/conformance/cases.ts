import type { ConformanceCase } from "./case";
import { APP_AND_POLICY_CASES } from "./cases-apps";
import { DEVICE_AND_GROUP_CASES } from "./cases-devices-groups";
import { DIRECTORY_CASES } from "./cases-directory";
import { ENVELOPE_CASES } from "./cases-envelopes";
import { USER_CASES } from "./cases-users";

/** Every sample file and how the conformance test asks the emulator for the same answer. */
export const CASES: ConformanceCase[] = [
  ...USER_CASES,
  ...DEVICE_AND_GROUP_CASES,
  ...DIRECTORY_CASES,
  ...APP_AND_POLICY_CASES,
  ...ENVELOPE_CASES,
];
