import { z } from "zod";
import { GUID } from "../../http/params";

const guid = z.string().regex(GUID);

export const companyNameSchema = z
  .string()
  .trim()
  .min(1, "A company name cannot be empty")
  .max(200, "A company name is at most 200 characters");

export const createCompanyBodySchema = z.object({ name: companyNameSchema }).strict();
export const renameCompanyBodySchema = createCompanyBodySchema;

export const MAX_IMPORTED_COMPANIES = 1000;

export const importCompaniesBodySchema = z
  .object({
    companies: z
      .array(
        z
          .object({
            name: companyNameSchema,
            /** Tenants to map to this company while importing (e.g. from a PSA export). */
            tenantIds: z.array(guid).max(100).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_IMPORTED_COMPANIES),
  })
  .strict();
