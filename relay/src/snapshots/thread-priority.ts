import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers the scheduling priority of the calling thread only (not the process), where the OS
 * allows it: on Linux a thread is a task with its own id, found through /proc/thread-self, and
 * setpriority() accepts that id. Elsewhere nothing changes. Returns whether it took effect.
 */
export function lowerThisThreadsPriority(niceness: number): boolean {
  try {
    const taskId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(taskId) || taskId <= 0) return false;
    setPriority(taskId, niceness);
    return true;
  } catch {
    return false;
  }
}
