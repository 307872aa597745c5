import { diagnose } from "../troubleshooting";
import type { DatasetStatus } from "./envelope";

/** `datasetStatusSchema` caps `detail` at 2000 characters. */
const MAX_DETAIL = 2000;

/**
 * The status of a dataset Microsoft did not (fully) return, from the error that stopped it: the
 * reason code is the troubleshooting catalogue id (so the UI can offer the fix), the detail is
 * Microsoft's code and first message line. Only error codes and messages are read, never headers,
 * so no token can end up in a snapshot.
 */
export function datasetStatusFromError(
  state: "partial" | "unavailable",
  error: unknown,
): DatasetStatus {
  const diagnosis = diagnose(error);
  const parts = [diagnosis.detectedCode, diagnosis.message].filter(
    (part): part is string => part !== null && part.length > 0,
  );
  const detail = [...new Set(parts)].join(": ").slice(0, MAX_DETAIL);
  return detail.length > 0
    ? { state, reasonCode: diagnosis.id, detail }
    : { state, reasonCode: diagnosis.id };
}
