import { describe, expect, it } from "vitest";
import { datasetStatusFromError, datasetStatusSchema } from ".";

describe("datasetStatusFromError", () => {
  it("records the troubleshooting id as reason code and Microsoft's code and message as detail", () => {
    const status = datasetStatusFromError("unavailable", {
      status: 403,
      body: {
        error: {
          code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
          message: "Neither tenant is B2C or tenant doesn't have premium license",
        },
      },
    });
    expect(status).toEqual({
      state: "unavailable",
      reasonCode: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      detail:
        "Authentication_RequestFromNonPremiumTenantOrB2CTenant: Neither tenant is B2C or tenant doesn't have premium license",
    });
    expect(datasetStatusSchema.safeParse(status).success).toBe(true);
  });

  it("keeps the detail within the schema's limit", () => {
    const status = datasetStatusFromError("partial", `AADSTS65001: ${"x".repeat(5000)}`);
    expect(status.reasonCode).toBe("AADSTS65001");
    expect(status.detail?.length).toBe(2000);
    expect(datasetStatusSchema.safeParse(status).success).toBe(true);
  });

  it("falls back to the Unknown entry without a detail when nothing is recognisable", () => {
    expect(datasetStatusFromError("unavailable", null)).toEqual({
      state: "unavailable",
      reasonCode: "Unknown",
    });
  });
});
