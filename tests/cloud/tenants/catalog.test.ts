import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
} from "./catalog/graph-permissions";
import { ALL_ROLE_TEMPLATES, ROLE_TEMPLATES } from "./catalog/role-templates";
import { SECURE_SCORE_CONTROLS } from "./catalog/secure-score-controls";
import { SKU_CATALOG } from "./catalog/skus";

const SHARED = new URL("../../../../shared/", import.meta.url);
const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`graph/samples/${name}`, SHARED), "utf8"));

/** Rows of Microsoft's licensing CSV: [product, String_Id, GUID, plan name, plan id, plan friendly name]. */
function licensingRows(): string[][] {
  const text = readFileSync(
    new URL("licensing/product-names-service-plans.csv", SHARED),
    "utf8",
  ).replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(","));
}

describe("SKU catalogue", () => {
  const rows = licensingRows();

  it("uses skuPartNumber/skuId pairs and service plans exactly as Microsoft's licensing CSV lists them", () => {
    for (const sku of SKU_CATALOG) {
      const skuRows = rows.filter((row) => row[1] === sku.skuPartNumber);
      expect(skuRows.length, sku.skuPartNumber).toBeGreaterThan(0);
      expect(
        skuRows.every((row) => row[2] === sku.skuId),
        sku.skuPartNumber,
      ).toBe(true);
      expect(sku.servicePlans, sku.skuPartNumber).toEqual(skuRows.map((row) => [row[3], row[4]]));
    }
  });

  it("includes the SKUs MSP customers commonly hold", () => {
    const parts = SKU_CATALOG.map((sku) => sku.skuPartNumber);
    for (const part of [
      "SPB",
      "SPE_E3",
      "SPE_E5",
      "O365_BUSINESS_PREMIUM",
      "ENTERPRISEPACK",
      "AAD_PREMIUM",
      "EMS",
      "EXCHANGESTANDARD",
      "FLOW_FREE",
      "POWER_BI_STANDARD",
    ]) {
      expect(parts).toContain(part);
    }
  });
});

describe("role templates", () => {
  it("carries Microsoft's template ids for the core administrator roles", () => {
    expect(ROLE_TEMPLATES.globalAdministrator.templateId).toBe(
      "62e90394-69f5-4237-9190-012177145e10",
    );
    expect(ROLE_TEMPLATES.userAdministrator.templateId).toBe(
      "fe930be7-5e62-47db-91af-98c3a49a38b1",
    );
  });

  it("agrees with the roles Microsoft's samples name (roleDefinitions, directoryRoles, GDAP relationships)", () => {
    const byId = new Map(ALL_ROLE_TEMPLATES.map((template) => [template.templateId, template]));
    for (const definition of sample("roledefinitions-list.json").value) {
      expect(byId.get(definition.templateId)?.displayName).toBe(definition.displayName);
    }
    for (const role of sample("directoryroles-list.json").value) {
      expect(byId.has(role.roleTemplateId), role.displayName).toBe(true);
    }
    // dd4db9a0-… (the first GDAP sample relationship) is not in Microsoft's published role table.
    const unpublished = new Set(["dd4db9a0-cc4a-4213-9f9f-70242232d97e"]);
    for (const relationship of sample("delegatedadminrelationships-list.json").value) {
      for (const { roleDefinitionId } of relationship.accessDetails.unifiedRoles) {
        if (!unpublished.has(roleDefinitionId))
          expect(byId.has(roleDefinitionId), roleDefinitionId).toBe(true);
      }
    }
  });

  it("has at least 25 distinct built-in roles", () => {
    expect(
      new Set(ALL_ROLE_TEMPLATES.map((template) => template.templateId)).size,
    ).toBeGreaterThanOrEqual(25);
  });
});

describe("Microsoft Graph permissions", () => {
  it("uses the permission ids Microsoft's service-principal samples show", () => {
    const roles = sample("serviceprincipals-list-filter-appid.json").value[0].appRoles;
    for (const role of roles) {
      expect(
        GRAPH_APPLICATION_PERMISSIONS.find((permission) => permission.value === role.value)?.id,
      ).toBe(role.id);
    }
    const scopes = sample("serviceprincipals-list-filter-displayname-scopes.json").value[0]
      .oauth2PermissionScopes;
    for (const scope of scopes) {
      expect(
        GRAPH_DELEGATED_PERMISSIONS.find((permission) => permission.value === scope.value)?.id,
      ).toBe(scope.id);
    }
  });

  it("publishes only read permissions besides the OpenID scopes", () => {
    for (const permission of [...GRAPH_DELEGATED_PERMISSIONS, ...GRAPH_APPLICATION_PERMISSIONS]) {
      // resource.operation[.constraint]: the operation part must be a read.
      const operations = permission.value.split(".").slice(1);
      expect(
        operations.some((part) => /^(ReadWrite|Write|Manage)/.test(part)),
        permission.value,
      ).toBe(false);
    }
  });
});

describe("Secure Score controls", () => {
  it("names each control once and gives it a positive max score", () => {
    expect(new Set(SECURE_SCORE_CONTROLS.map((control) => control.controlName)).size).toBe(
      SECURE_SCORE_CONTROLS.length,
    );
    for (const control of SECURE_SCORE_CONTROLS) expect(control.maxScore).toBeGreaterThan(0);
  });
});
