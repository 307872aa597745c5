import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/databases";
import {
  deleteCompany,
  getCompany,
  getCompanyByName,
  insertCompany,
  listCompanies,
  renameCompany,
} from "./companies";
import { deleteCredential, getCredential, insertCredential, updateCredential } from "./credentials";
import { isForeignKeyViolation, isUniqueViolation } from "./errors";
import { getMapping, listMappings, upsertMapping } from "./tenant-mappings";

const NOW = "2026-11-26T10:00:00.000Z";
const LATER = "2026-11-26T11:00:00.000Z";
const TENANT = "11111111-2222-3333-4444-555555555555";

describe.each(DIALECTS)("companies, credentials and mappings repositories on %s", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("lists companies by name, case-insensitively, and limits the list to a scope", async () => {
    const db = test.database.db;
    await insertCompany(db, { id: "c-zeta", name: "zeta Ltd", now: NOW });
    await insertCompany(db, { id: "c-alpha", name: "  Alpha GmbH ", now: NOW });
    const all = await listCompanies(db, null);
    expect(all.map((c) => c.name)).toEqual(["Alpha GmbH", "zeta Ltd"]);
    expect((await listCompanies(db, ["c-zeta"])).map((c) => c.id)).toEqual(["c-zeta"]);
    expect(await listCompanies(db, [])).toEqual([]);
  });

  it("refuses a second company with the same name in another case", async () => {
    const db = test.database.db;
    const error = await insertCompany(db, { id: "c-dup", name: "ALPHA gmbh", now: NOW }).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect((await getCompanyByName(db, "alpha GMBH"))?.id).toBe("c-alpha");
  });

  it("renames a company and moves its updatedAt", async () => {
    const db = test.database.db;
    const renamed = await renameCompany(db, "c-zeta", "Zeta Limited", LATER);
    expect(renamed).toMatchObject({
      id: "c-zeta",
      name: "Zeta Limited",
      createdAt: NOW,
      updatedAt: LATER,
    });
  });

  it("stores credential metadata and updates only the fields given", async () => {
    const db = test.database.db;
    await insertCredential(
      db,
      { id: "cred-1", name: "Partner", kind: "csp", homeTenantId: TENANT, owner: "ana" },
      NOW,
    );
    const updated = await updateCredential(db, "cred-1", { owner: null }, LATER);
    expect(updated).toEqual({
      id: "cred-1",
      name: "Partner",
      kind: "csp",
      homeTenantId: TENANT,
      owner: null,
      createdAt: NOW,
      updatedAt: LATER,
    });
  });

  it("maps a tenant to one company at a time and re-maps it on upsert", async () => {
    const db = test.database.db;
    await upsertMapping(
      db,
      { tenantId: TENANT, companyId: "c-alpha", credentialId: "cred-1" },
      NOW,
    );
    const moved = await upsertMapping(
      db,
      { tenantId: TENANT, companyId: "c-zeta", credentialId: null },
      LATER,
    );
    expect(moved).toMatchObject({
      tenantId: TENANT,
      companyId: "c-zeta",
      credentialId: null,
      createdAt: NOW,
      updatedAt: LATER,
    });
    expect(await listMappings(db, { companyId: "c-alpha", onlyCompanyIds: null })).toEqual([]);
    expect(await listMappings(db, { onlyCompanyIds: ["c-alpha"] })).toEqual([]);
    expect((await listMappings(db, { onlyCompanyIds: null })).map((m) => m.tenantId)).toEqual([
      TENANT,
    ]);
  });

  it("refuses a mapping to a company that does not exist", async () => {
    const error = await upsertMapping(
      test.database.db,
      { tenantId: "99999999-2222-3333-4444-555555555555", companyId: "nope", credentialId: null },
      NOW,
    ).catch((e: unknown) => e);
    expect(isForeignKeyViolation(error)).toBe(true);
  });

  it("clears a mapping's credential when the credential is deleted", async () => {
    const db = test.database.db;
    await upsertMapping(db, { tenantId: TENANT, companyId: "c-zeta", credentialId: "cred-1" }, NOW);
    expect(await deleteCredential(db, "cred-1")).toBe(true);
    expect(await getCredential(db, "cred-1")).toBeUndefined();
    expect((await getMapping(db, TENANT))?.credentialId).toBeNull();
  });

  it("deletes a company together with its mappings", async () => {
    const db = test.database.db;
    expect(await deleteCompany(db, "c-zeta")).toBe(true);
    expect(await deleteCompany(db, "c-zeta")).toBe(false);
    expect(await getCompany(db, "c-zeta")).toBeUndefined();
    expect(await getMapping(db, TENANT)).toBeUndefined();
  });
});
