import type { RelayDatabase } from "../db/connect";
import { type NewIntake, queueIntake } from "../db/push-intake";

/** Writes accepted pushes' intake rows; see `queueIntake` for what the answer means. */
export interface IntakeWriter {
  queue(intake: NewIntake): Promise<boolean>;
}

/**
 * How intake rows are committed. On SQLite every commit waits for an fsync, and better-sqlite3
 * waits on the event loop, so 50 pushes accepted at once would queue 50 fsyncs behind each other
 * with nothing else running. Rows that arrive while the event loop is busy are committed together
 * instead: one transaction, one fsync, every request answered after it. PostgreSQL commits
 * without blocking the event loop (and groups concurrent commits itself), so rows go straight in.
 */
export function intakeWriterFor(database: RelayDatabase): IntakeWriter {
  if (database.dialect === "postgres") {
    return { queue: (intake) => queueIntake(database.db, intake) };
  }
  return groupCommittingWriter(database);
}

interface Pending {
  intake: NewIntake;
  resolve(queued: boolean): void;
  reject(error: unknown): void;
}

function groupCommittingWriter(database: RelayDatabase): IntakeWriter {
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    const outcomes: (boolean | { error: unknown })[] = [];
    try {
      await database.db.transaction().execute(async (trx) => {
        for (const { intake } of batch) {
          // SQLite undoes only the failing statement (a company deleted meanwhile): the rest of
          // the batch still commits.
          outcomes.push(await queueIntake(trx, intake).catch((error: unknown) => ({ error })));
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (typeof outcome === "boolean") item.resolve(outcome);
      else item.reject(outcome?.error);
    });
  };

  return {
    queue: (intake) =>
      new Promise<boolean>((resolve, reject) => {
        pending.push({ intake, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the I/O callbacks already waiting: their rows join this commit.
          setImmediate(() => void flush());
        }
      }),
  };
}
