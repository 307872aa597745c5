import { sql } from "kysely";
import type { Db, PushIntakeState, PushIntakeTable } from "./schema";

/** What the status resource and the accept path need to know about one asynchronous push. */
export interface IntakeRecord {
  snapshotId: string;
  companyId: string;
  receivedAt: string;
  bodySha256: string;
  state: PushIntakeState;
  attempts: number;
  leaseUntil: string | null;
  finishedAt: string | null;
  error: { status: number; code: string; message: string } | null;
}

/** A claimed push, with where its body is, for the processor. */
export interface ClaimedIntake {
  snapshotId: string;
  companyId: string;
  tokenId: string;
  actorName: string;
  receivedAt: string;
  /** The body, when kept in the database. */
  bodyColumn: Buffer | null;
  /** The body's file, when kept in a spool folder (relay/src/intake/intake-bodies.ts). */
  bodyFile: string | null;
  bodySha256: string;
  attempts: number;
}

export interface NewIntake {
  snapshotId: string;
  companyId: string;
  tokenId: string;
  actorName: string;
  receivedAt: string;
  bodyColumn: Buffer | null;
  bodyFile: string | null;
  bodyBytes: number;
  bodySha256: string;
}

export type IntakeVerdict =
  | { state: "stored" | "unchanged" }
  | { state: "rejected"; status: number; code: string; message: string };

function toRecord(
  row: Pick<
    PushIntakeTable,
    | "snapshot_id"
    | "company_id"
    | "received_at"
    | "body_sha256"
    | "state"
    | "attempts"
    | "lease_until"
    | "finished_at"
    | "error_status"
    | "error_code"
    | "error_message"
  >,
): IntakeRecord {
  return {
    snapshotId: row.snapshot_id,
    companyId: row.company_id,
    receivedAt: row.received_at,
    bodySha256: row.body_sha256,
    state: row.state,
    attempts: Number(row.attempts),
    leaseUntil: row.lease_until,
    finishedAt: row.finished_at,
    error:
      row.error_code === null
        ? null
        : {
            status: Number(row.error_status ?? 422),
            code: row.error_code,
            message: row.error_message ?? "",
          },
  };
}

/** What accepting a push needs to know, read in one round trip (push-async.ts). */
export interface PushAcceptState {
  companyExists: boolean;
  /** The company of a snapshot already stored under the id, if any. */
  storedCompanyId: string | null;
  intake: IntakeRecord | undefined;
  queuedBytes: number;
}

export async function getPushAcceptState(
  db: Db,
  companyId: string,
  snapshotId: string,
): Promise<PushAcceptState> {
  const result = await sql<
    Omit<PushIntakeTable, "body" | "body_file" | "token_id" | "actor_name" | "lease_owner"> & {
      company_exists: number | string | null;
      stored_company_id: string | null;
      queued_bytes: number | string | null;
    }
  >`
    select
      (select count(*) from companies where id = ${companyId}) as company_exists,
      (select company_id from snapshots where id = ${snapshotId}) as stored_company_id,
      (select coalesce(sum(body_bytes), 0) from push_intake where state = 'queued') as queued_bytes,
      i.snapshot_id, i.company_id, i.received_at, i.body_sha256, i.state, i.attempts,
      i.lease_until, i.finished_at, i.error_status, i.error_code, i.error_message
    from (select 1 as one) as here
    left join push_intake i on i.snapshot_id = ${snapshotId}`.execute(db);
  const row = result.rows[0];
  if (row === undefined) throw new Error("The push state query returned no row");
  return {
    companyExists: Number(row.company_exists ?? 0) > 0,
    storedCompanyId: row.stored_company_id,
    intake: row.snapshot_id === null ? undefined : toRecord(row),
    queuedBytes: Number(row.queued_bytes ?? 0),
  };
}

/** The intake row of a snapshot id, without its body. */
export async function getIntake(db: Db, snapshotId: string): Promise<IntakeRecord | undefined> {
  const row = await db
    .selectFrom("push_intake")
    .select([
      "snapshot_id",
      "company_id",
      "received_at",
      "body_sha256",
      "state",
      "attempts",
      "lease_until",
      "finished_at",
      "error_status",
      "error_code",
      "error_message",
    ])
    .where("snapshot_id", "=", snapshotId)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/**
 * Queues a push: inserts it, or replaces a finished one of the same id (a client may push again
 * after a rejection). Returns false, writing nothing, when a push of that id is still queued: the
 * caller re-reads it, since it may have been queued a moment ago by another request or instance.
 */
export async function queueIntake(db: Db, intake: NewIntake): Promise<boolean> {
  const values = {
    company_id: intake.companyId,
    token_id: intake.tokenId,
    actor_name: intake.actorName,
    received_at: intake.receivedAt,
    body: intake.bodyColumn,
    body_file: intake.bodyFile,
    body_bytes: intake.bodyBytes,
    body_sha256: intake.bodySha256,
    state: "queued" as const,
    attempts: 0,
    lease_owner: null,
    lease_until: null,
    finished_at: null,
    error_status: null,
    error_code: null,
    error_message: null,
  };
  const result = await db
    .insertInto("push_intake")
    .values({ snapshot_id: intake.snapshotId, ...values })
    .onConflict((oc) =>
      oc
        .column("snapshot_id")
        .doUpdateSet(values)
        .where("push_intake.state", "<>", "queued")
        // Never moves a snapshot id from one company to another.
        .where("push_intake.company_id", "=", intake.companyId),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Of the given spool files, those whose queued push still waits for its body to be copied into
 * the row (PostgreSQL with a spool folder), oldest first.
 */
export async function pushesAwaitingBody(
  db: Db,
  files: readonly string[],
): Promise<{ snapshotId: string; bodyFile: string }[]> {
  if (files.length === 0) return [];
  const rows = await db
    .selectFrom("push_intake")
    .select(["snapshot_id", "body_file"])
    .where("state", "=", "queued")
    .where("body", "is", null)
    .where("body_file", "in", [...files])
    .orderBy("received_at")
    .execute();
  return rows.flatMap((row) =>
    row.body_file === null ? [] : [{ snapshotId: row.snapshot_id, bodyFile: row.body_file }],
  );
}

/**
 * Copies a spooled body into its queued row, which makes the push claimable by any instance;
 * false if the row no longer waits for it (copied by another instance sharing the folder, or
 * the company was deleted). The caller removes the file after this commits.
 */
export async function attachIntakeBody(
  db: Db,
  snapshotId: string,
  bodyFile: string,
  body: Buffer,
): Promise<boolean> {
  const result = await db
    .updateTable("push_intake")
    .set({ body, body_file: null })
    .where("snapshot_id", "=", snapshotId)
    .where("body_file", "=", bodyFile)
    .where("state", "=", "queued")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The spool files queued pushes refer to (the rest may be swept). */
export async function queuedBodyFiles(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom("push_intake")
    .select("body_file")
    .where("state", "=", "queued")
    .where("body_file", "is not", null)
    .execute();
  return new Set(rows.flatMap((row) => (row.body_file === null ? [] : [row.body_file])));
}

/**
 * Claims the oldest queued push nobody holds (or whose holder's lease ran out: it crashed), for
 * `leaseMs`. The conditions are repeated on the outer UPDATE so that, of two instances racing for
 * the same row, PostgreSQL's re-check after the first commit lets only one have it.
 */
export async function claimNextIntake(
  db: Db,
  options: {
    owner: string;
    now: Date;
    leaseMs: number;
    /**
     * PostgreSQL: only pushes whose body is in the row. A body still in the accepting
     * instance's spool folder waits until that instance copies it in (`attachIntakeBody`), so
     * whichever instance claims a push can read it, and a claim left by a killed instance can be
     * finished by another.
     */
    bodyInRowOnly: boolean;
  },
): Promise<ClaimedIntake | undefined> {
  const now = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const row = await db
    .updateTable("push_intake")
    .set({
      lease_owner: options.owner,
      lease_until: until,
      attempts: sql<number>`attempts + 1`,
    })
    .where("state", "=", "queued")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .where("snapshot_id", "=", (eb) =>
      eb
        .selectFrom("push_intake")
        .select("snapshot_id")
        .where("state", "=", "queued")
        .where((inner) =>
          inner.or([inner("lease_until", "is", null), inner("lease_until", "<", now)]),
        )
        .$if(options.bodyInRowOnly, (query) => query.where("body", "is not", null))
        .orderBy("received_at")
        .orderBy("snapshot_id")
        .limit(1),
    )
    .returning([
      "snapshot_id",
      "company_id",
      "token_id",
      "actor_name",
      "received_at",
      "body",
      "body_file",
      "body_sha256",
      "attempts",
    ])
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    snapshotId: row.snapshot_id,
    companyId: row.company_id,
    tokenId: row.token_id,
    actorName: row.actor_name,
    receivedAt: row.received_at,
    bodyColumn: row.body === null ? null : Buffer.from(row.body),
    bodyFile: row.body_file,
    bodySha256: row.body_sha256,
    attempts: Number(row.attempts),
  };
}

/**
 * Records the outcome and drops the body. Only the push that was claimed is finished: a client
 * may have replaced a rejected push meanwhile, and that one is left queued. Called inside the
 * transaction that stores the snapshot, so "stored" and the snapshot commit together.
 */
export async function finishIntake(
  db: Db,
  claimed: Pick<ClaimedIntake, "snapshotId" | "bodySha256">,
  verdict: IntakeVerdict,
  now: Date,
): Promise<void> {
  await db
    .updateTable("push_intake")
    .set({
      state: verdict.state,
      body: null,
      body_file: null,
      lease_owner: null,
      lease_until: null,
      finished_at: now.toISOString(),
      error_status: verdict.state === "rejected" ? verdict.status : null,
      error_code: verdict.state === "rejected" ? verdict.code : null,
      error_message: verdict.state === "rejected" ? verdict.message : null,
    })
    .where("snapshot_id", "=", claimed.snapshotId)
    .where("body_sha256", "=", claimed.bodySha256)
    .where("state", "=", "queued")
    .execute();
}

/**
 * Extends a claim still held by `owner` until `until`; false if it is not held any more (it ran
 * out and another instance took the push over, or a verdict was recorded).
 */
export async function renewIntakeLease(
  db: Db,
  snapshotId: string,
  owner: string,
  until: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("push_intake")
    .set({ lease_until: until.toISOString() })
    .where("snapshot_id", "=", snapshotId)
    .where("lease_owner", "=", owner)
    .where("state", "=", "queued")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives a claim back (the database failed mid-way, or the relay is stopping) for a retry. */
export async function releaseIntake(db: Db, snapshotId: string, owner: string): Promise<void> {
  await db
    .updateTable("push_intake")
    .set({ lease_owner: null, lease_until: null })
    .where("snapshot_id", "=", snapshotId)
    .where("lease_owner", "=", owner)
    .where("state", "=", "queued")
    .execute();
}

/**
 * Frees every claim. Only for a SQLite store at start: one relay process owns a SQLite file, so
 * a claim found there belongs to a process that has died (PostgreSQL instances wait for leases to
 * run out instead).
 */
export async function releaseAllIntakeClaims(db: Db): Promise<void> {
  await db
    .updateTable("push_intake")
    .set({ lease_owner: null, lease_until: null })
    .where("state", "=", "queued")
    .where("lease_owner", "is not", null)
    .execute();
}

/**
 * PostgreSQL: rejects queued pushes received before `before` whose body never left the
 * accepting instance's spool folder (its disk was lost, or it never came back), so their clients
 * push them again. Returns how many.
 */
export async function rejectPushesWithLostBodies(db: Db, before: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable("push_intake")
    .set({
      state: "rejected",
      body_file: null,
      finished_at: now.toISOString(),
      error_status: 503,
      error_code: "push_lost",
      error_message:
        "The relay instance that accepted this push did not hand its body on before it went away; push the snapshot again",
    })
    .where("state", "=", "queued")
    .where("body", "is", null)
    .where("received_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes finished pushes older than `before` (their outcome is no longer asked for). */
export async function pruneFinishedIntake(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("push_intake")
    .where("state", "<>", "queued")
    .where("finished_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
