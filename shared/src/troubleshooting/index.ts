export {
  type FixAction,
  isTroubleshootingId,
  TROUBLESHOOTING_CATALOGUE,
  type TroubleshootingEntry,
  type TroubleshootingId,
} from "./catalogue";
export { type Diagnosis, diagnose, troubleshootingEntry } from "./diagnose";
