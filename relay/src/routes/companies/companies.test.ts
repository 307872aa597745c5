import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/databases";
import { createTestRelay, errorCode, type TestRelay } from "../../../test/test-relay";

interface CompanyBody {
  company: { id: string; name: string };
}

describe.each(DIALECTS)("company, credential and mapping routes on %s", (dialect) => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await createTestRelay(dialect);
  });
  afterAll(async () => {
    await relay?.close();
  });

  const create = async (name: string) =>
    (
      (await (
        await relay.request("POST", "/v1/companies", { json: { name } })
      ).json()) as CompanyBody
    ).company;

  it("names a malformed id in the path with a snake-case 400 code", async () => {
    const company = await create(`Ids ${dialect}`);
    const cases: [string, string][] = [
      ["/v1/companies/not%20an%20id", "invalid_company_id"],
      ["/v1/credentials/not%20an%20id", "invalid_credential_id"],
      ["/v1/mappings/not-a-guid", "invalid_tenant_id"],
      [`/v1/companies/${company.id}/snapshots/not-a-guid`, "invalid_snapshot_id"],
      [`/v1/companies/${company.id}/pushes/not-a-guid`, "invalid_snapshot_id"],
    ];
    for (const [path, code] of cases) {
      const response = await relay.request("GET", path);
      expect([path, response.status, await errorCode(response)]).toEqual([path, 400, code]);
    }
  });

  it("creates, renames and lists companies, refusing a duplicate name with 409", async () => {
    const contoso = await create("Contoso");
    const duplicate = await relay.request("POST", "/v1/companies", { json: { name: " contoso " } });
    expect([duplicate.status, await errorCode(duplicate)]).toEqual([409, "company_name_taken"]);
    const renamed = await relay.request("PATCH", `/v1/companies/${contoso.id}`, {
      json: { name: "Contoso Ltd" },
    });
    expect(((await renamed.json()) as CompanyBody).company.name).toBe("Contoso Ltd");
    const list = (await (await relay.request("GET", "/v1/companies")).json()) as {
      companies: { name: string }[];
    };
    expect(list.companies.map((c) => c.name)).toContain("Contoso Ltd");
  });

  it("refuses an empty or oversized name with 422 and a non-JSON body with 415", async () => {
    const empty = await relay.request("POST", "/v1/companies", { json: { name: "   " } });
    expect([empty.status, await errorCode(empty)]).toEqual([422, "invalid_request"]);
    const long = await relay.request("POST", "/v1/companies", { json: { name: "x".repeat(201) } });
    expect(long.status).toBe(422);
    const extra = await relay.request("POST", "/v1/companies", {
      json: { name: "A", id: "chosen" },
    });
    expect(extra.status).toBe(422);
    const text = await relay.request("POST", "/v1/companies", {
      body: "name=A",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const broken = await relay.request("POST", "/v1/companies", {
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect([broken.status, await errorCode(broken)]).toEqual([400, "invalid_json"]);
  });

  it("imports companies in bulk, skipping names that exist and mapping the given tenants", async () => {
    const existing = await create("Northwind");
    const tenantId = randomUUID();
    const response = await relay.request("POST", "/v1/companies/import", {
      json: {
        companies: [
          { name: "northwind" },
          { name: "Tailspin", tenantIds: [tenantId] },
          { name: "Tailspin" },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      created: { name: string; id: string }[];
      existing: { id: string }[];
    };
    expect(body.created.map((c) => c.name)).toEqual(["Tailspin"]);
    expect(body.existing.map((c) => c.id)).toEqual([existing.id, body.created[0]?.id]);
    const mapping = await relay.request("GET", `/v1/mappings/${tenantId}`);
    expect(((await mapping.json()) as { mapping: { companyId: string } }).mapping.companyId).toBe(
      body.created[0]?.id,
    );
  });

  it("keeps a tenant's credential through an import, and audits a tenant it moves", async () => {
    const home = await create(`Home ${dialect}`);
    const credential = (await (
      await relay.request("POST", "/v1/credentials", {
        json: { name: "GDAP", kind: "csp", homeTenantId: null, owner: null },
      })
    ).json()) as { credential: { id: string } };
    const tenantId = randomUUID();
    const mappingOf = async () =>
      (
        (await (await relay.request("GET", `/v1/mappings/${tenantId}`)).json()) as {
          mapping: { companyId: string; credentialId: string | null };
        }
      ).mapping;
    await relay.request("PUT", `/v1/mappings/${tenantId}`, {
      json: { companyId: home.id, credentialId: credential.credential.id },
    });

    // Re-importing the list it came from changes nothing.
    await relay.request("POST", "/v1/companies/import", {
      json: { companies: [{ name: home.name, tenantIds: [tenantId.toUpperCase()] }] },
    });
    expect(await mappingOf()).toMatchObject({
      companyId: home.id,
      credentialId: credential.credential.id,
    });

    // Moved by an import: to the new company, still reached by the same credential, audited.
    const moved = await relay.request("POST", "/v1/companies/import", {
      json: { companies: [{ name: `Moved ${dialect}`, tenantIds: [tenantId] }] },
    });
    const newCompany = ((await moved.json()) as { created: { id: string }[] }).created[0];
    expect(await mappingOf()).toEqual(
      expect.objectContaining({
        companyId: newCompany?.id,
        credentialId: credential.credential.id,
      }),
    );
    const audit = (await (await relay.request("GET", "/v1/audit?limit=10")).json()) as {
      events: { action: string; targetId: string | null; detail: Record<string, unknown> }[];
    };
    expect(audit.events).toContainEqual(
      expect.objectContaining({
        action: "mapping.update",
        targetId: tenantId,
        detail: expect.objectContaining({ companyId: newCompany?.id, previousCompanyId: home.id }),
      }),
    );
    expect(audit.events.filter((event) => event.targetId === tenantId)).toHaveLength(2);
  });

  it("rolls back a whole import when one entry is invalid", async () => {
    const before = (await (await relay.request("GET", "/v1/companies")).json()) as {
      companies: unknown[];
    };
    const response = await relay.request("POST", "/v1/companies/import", {
      json: { companies: [{ name: "Fine" }, { name: "Bad tenant", tenantIds: ["not-a-guid"] }] },
    });
    expect(response.status).toBe(422);
    const after = (await (await relay.request("GET", "/v1/companies")).json()) as {
      companies: unknown[];
    };
    expect(after.companies).toHaveLength(before.companies.length);
  });

  it("stores credential metadata only and refuses a body carrying a secret", async () => {
    const leaking = await relay.request("POST", "/v1/credentials", {
      json: { name: "GDAP", kind: "csp", homeTenantId: null, owner: null, refreshToken: "0.AAA" },
    });
    expect(leaking.status).toBe(422);
    const created = await relay.request("POST", "/v1/credentials", {
      json: {
        name: "GDAP",
        kind: "csp",
        homeTenantId: "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
        owner: "ana",
      },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { credential: { homeTenantId: string } };
    expect(body.credential.homeTenantId).toBe("72f988bf-86f1-41af-91ab-2d7cd011db47");
  });

  it("maps a tenant to a company and credential, refusing unknown ones with 422", async () => {
    const company = await create("Wingtip");
    const tenantId = randomUUID();
    const unknownCompany = await relay.request("PUT", `/v1/mappings/${tenantId}`, {
      json: { companyId: "nope", credentialId: null },
    });
    expect([unknownCompany.status, await errorCode(unknownCompany)]).toEqual([
      422,
      "unknown_company",
    ]);
    const unknownCredential = await relay.request("PUT", `/v1/mappings/${tenantId}`, {
      json: { companyId: company.id, credentialId: "nope" },
    });
    expect(await errorCode(unknownCredential)).toBe("unknown_credential");
    const mapped = await relay.request("PUT", `/v1/mappings/${tenantId.toUpperCase()}`, {
      json: { companyId: company.id, credentialId: null },
    });
    expect(mapped.status).toBe(200);
    const list = (await (
      await relay.request("GET", `/v1/mappings?companyId=${company.id}`)
    ).json()) as { mappings: { tenantId: string }[] };
    expect(list.mappings.map((m) => m.tenantId)).toEqual([tenantId]);
  });

  it("keeps a company-limited technician inside its company", async () => {
    const own = await create("Own company");
    const other = await create("Other company");
    const tenantOfOther = randomUUID();
    await relay.request("PUT", `/v1/mappings/${tenantOfOther}`, {
      json: { companyId: other.id, credentialId: null },
    });
    const scoped = (await relay.issue("technician", { companyScope: [own.id] })).secret;
    const list = (await (
      await relay.request("GET", "/v1/companies", { token: scoped })
    ).json()) as { companies: { id: string }[] };
    expect(list.companies.map((c) => c.id)).toEqual([own.id]);
    // Cannot steal another company's tenant by re-mapping it to its own company.
    const steal = await relay.request("PUT", `/v1/mappings/${tenantOfOther}`, {
      token: scoped,
      json: { companyId: own.id, credentialId: null },
    });
    expect([steal.status, await errorCode(steal)]).toEqual([403, "company_forbidden"]);
    const mappings = (await (
      await relay.request("GET", "/v1/mappings", { token: scoped })
    ).json()) as { mappings: unknown[] };
    expect(mappings.mappings).toEqual([]);
  });

  it("shows a company-limited technician only its companies' credentials, and lets it change none", async () => {
    const own = await create("Credential owner company");
    const other = await create("Credential other company");
    const credentialFor = async (name: string, companyId: string) => {
      const created = (await (
        await relay.request("POST", "/v1/credentials", {
          json: { name, kind: "csp", homeTenantId: null, owner: null },
        })
      ).json()) as { credential: { id: string } };
      await relay.request("PUT", `/v1/mappings/${randomUUID()}`, {
        json: { companyId, credentialId: created.credential.id },
      });
      return created.credential.id;
    };
    const ownCredential = await credentialFor("Own GDAP", own.id);
    const otherCredential = await credentialFor("Other GDAP", other.id);
    const scoped = (await relay.issue("technician", { companyScope: [own.id] })).secret;

    const listed = (await (
      await relay.request("GET", "/v1/credentials", { token: scoped })
    ).json()) as { credentials: { id: string }[] };
    expect(listed.credentials.map((credential) => credential.id)).toEqual([ownCredential]);
    const hidden = await relay.request("GET", `/v1/credentials/${otherCredential}`, {
      token: scoped,
    });
    expect([hidden.status, await errorCode(hidden)]).toEqual([404, "not_found"]);
    const change = await relay.request("PATCH", `/v1/credentials/${ownCredential}`, {
      token: scoped,
      json: { owner: "mallory" },
    });
    expect([change.status, await errorCode(change)]).toEqual([403, "company_forbidden"]);
    // An unscoped technician still sees both.
    const all = (await (
      await relay.request("GET", "/v1/credentials", { token: relay.secrets.technician })
    ).json()) as {
      credentials: { id: string }[];
    };
    expect(all.credentials.map((credential) => credential.id)).toEqual(
      expect.arrayContaining([ownCredential, otherCredential]),
    );
  });

  it("deletes a company with its snapshots and mappings and records who did it", async () => {
    const doomed = await create("Doomed");
    const tenantId = randomUUID();
    await relay.request("PUT", `/v1/mappings/${tenantId}`, {
      json: { companyId: doomed.id, credentialId: null },
    });
    expect((await relay.request("DELETE", `/v1/companies/${doomed.id}`)).status).toBe(204);
    expect((await relay.request("GET", `/v1/companies/${doomed.id}`)).status).toBe(404);
    expect((await relay.request("GET", `/v1/mappings/${tenantId}`)).status).toBe(404);
    expect((await relay.request("DELETE", `/v1/companies/${doomed.id}`)).status).toBe(404);
    const trail = (await (await relay.request("GET", "/v1/audit")).json()) as {
      events: { action: string; targetId: string; actorName: string }[];
    };
    expect(
      trail.events.find((e) => e.targetId === doomed.id && e.action === "company.delete")
        ?.actorName,
    ).toBe("test admin");
  });
});
