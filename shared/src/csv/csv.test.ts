import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  CSV_EXPORTS,
  csvExportString,
  datasetCsvString,
  isFormulaLike,
  neutraliseFormula,
} from ".";
import {
  exampleAuditLog,
  exampleComputer,
  exampleGroup,
  exampleLicence,
  exampleRole,
  exampleSecureScore,
  exampleUser,
} from "./testing/example-rows";

/** Parses with csv-parse into header → cell objects. */
function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe("formula neutralising", () => {
  it.each(["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1+1", "\n@x"])(
    "prefixes %j with a quote",
    (text) => {
      expect(isFormulaLike(text)).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(["Adele", "a=b", "", " plain", "'=already text", "1-2"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("users CSV", () => {
  it("starts with the columns technicians know, in their order", () => {
    const headers = CSV_EXPORTS.users.table.columns.map((column) => column.header);
    expect(headers.slice(0, 7)).toEqual([
      "User Principal Name",
      "Display Name",
      "Assigned Roles",
      "MFA Enabled",
      "Other Mails",
      "Password Policies",
      "Created On",
    ]);
  });

  it("formats lists, MFA with its source, unavailable cells, booleans and dates", () => {
    const row = only(parseCsv(datasetCsvString("users", [exampleUser])));
    expect(row["Assigned Roles"]).toBe("Global Administrator; Exchange Administrator");
    expect(row["MFA Enabled"]).toBe("Unknown — needs Entra ID P1 (no data)");
    expect(row["MFA Source"]).toBe("no data");
    expect(row["Last Sign-In"]).toBe("Needs Entra ID P1 (signInActivity)");
    expect(row["Account Enabled"]).toBe("Yes");
    expect(row["On-Premises Synced"]).toBe("");
    expect(row["Created On"]).toBe("2024-03-01T09:30:00Z");
    expect(row["Other Mails"]).toBe('adele@fabrikam.com; =HYPERLINK("http://x")');
  });

  it("says where a Yes or No came from", () => {
    const registered = {
      ...exampleUser,
      mfa: { ...exampleUser.mfa, state: "yes" as const, source: "registrationDetails" as const },
    };
    const notRegistered = {
      ...exampleUser,
      id: "u2",
      mfa: { ...exampleUser.mfa, state: "no" as const, source: "authenticationMethods" as const },
    };
    const rows = parseCsv(datasetCsvString("users", [registered, notRegistered]));
    expect(rows.map((row) => row["MFA Enabled"])).toEqual([
      "Yes (registration report)",
      "No (authentication methods)",
    ]);
  });

  it("neutralises a formula in a text cell", () => {
    const user = { ...exampleUser, displayName: "=cmd|' /C calc'!A0" };
    expect(only(parseCsv(datasetCsvString("users", [user])))["Display Name"]).toBe(
      "'=cmd|' /C calc'!A0",
    );
  });
});

describe("the other datasets' CSVs", () => {
  it("computers: the reason instead of an invented value, Intune as Yes/No", () => {
    const row = only(parseCsv(datasetCsvString("computers", [exampleComputer])));
    expect(Object.keys(row).slice(0, 6)).toEqual([
      "Asset Name",
      "Host Name/IP",
      "OS",
      "OS Version",
      "Distinguished Name",
      "Intune Managed",
    ]);
    expect(row["Distinguished Name"]).toMatch(/^Not available from Microsoft Graph/);
    expect(row["Intune Managed"]).toBe("Yes");
    expect(row.Compliant).toBe("No");
  });

  it("groups: the documented columns, proxy addresses joined", () => {
    const row = only(parseCsv(datasetCsvString("groups", [exampleGroup])));
    expect(Object.keys(row).slice(0, 8)).toEqual([
      "Display Name",
      "Mail",
      "Group Types",
      "Mail Enabled",
      "Proxy Addresses",
      "Resource Behavior Options",
      "Security Enabled",
      "Security Identifier",
    ]);
    expect(row["Proxy Addresses"]).toBe(
      "SMTP:hrtaskforce@contoso.com; smtp:hrtaskforce@contoso.onmicrosoft.com",
    );
    expect(row.Description).toBe("Everyone in HR, plus, contractors");
  });

  it("licences: numbers stay numbers, a negative one included", () => {
    const row = only(parseCsv(datasetCsvString("licences", [exampleLicence])));
    expect(Object.keys(row).slice(0, 6)).toEqual([
      "Friendly Name",
      "SKU Part Number",
      "Active Units",
      "Consumed Units",
      "Warning Units",
      "Suspended Units",
    ]);
    expect(row["Unused Units"]).toBe("-2");
  });

  it("roles: user count and the members with how they hold the role", () => {
    const row = only(parseCsv(datasetCsvString("roles", [exampleRole])));
    expect(Object.keys(row).slice(0, 4)).toEqual([
      "Display Name",
      "User Count",
      "Description",
      "Role Template ID",
    ]);
    expect(row.Members).toBe(
      "Adele Vance <adele@contoso.com>; Alex Wilber <alex@contoso.com> via Tier 0 Admins",
    );
  });

  it("audit logs: the documented columns and the time", () => {
    const row = only(parseCsv(datasetCsvString("auditLogs", [exampleAuditLog])));
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining([
        "Activity",
        "Category",
        "Result",
        "Result Reason",
        "Logged By Service",
        "Correlation ID",
        "Initiated By",
        "Initiated From IP",
      ]),
    );
    expect(row["Date (UTC)"]).toBe("2026-11-25T21:20:02.7215374Z");
    expect(row["Initiated From IP"]).toBe("203.0.113.7");
  });

  it("secure score: controls with their improvement actions, and the history, as separate CSVs", () => {
    const controls = parseCsv(datasetCsvString("secureScore", [exampleSecureScore]));
    expect(controls.map((row) => row.Control)).toEqual(["AdminMFAV2", "MFARegistrationV2"]);
    expect(controls[0]).toMatchObject({
      "Improvement Action": "Require MFA for administrative roles",
      Status: "To address",
      Score: "0",
      "Max Score": "10",
      Rank: "1",
      Remediation: "'=cmd|' /C calc'!A0",
    });
    const history = parseCsv(csvExportString("secureScoreHistory", [exampleSecureScore]));
    expect(history).toEqual([
      { Date: "2026-11-24", "Current Score": "39", "Max Score": "83" },
      { Date: "2026-11-25", "Current Score": "41.5", "Max Score": "83" },
    ]);
    const summary = only(parseCsv(csvExportString("secureScoreSummary", [exampleSecureScore])));
    expect(summary).toMatchObject({
      "Current Score": "41.5",
      Percentage: "50",
      "All Tenants Average": "38.2",
      "Similar Seats Average": "44.1",
    });
  });
});

describe("CSV format", () => {
  it("ends records with CRLF and quotes only the fields that need it", () => {
    const text = datasetCsvString("groups", [exampleGroup]);
    expect(text.split("\r\n")).toHaveLength(3);
    expect(text).toContain(',"Everyone in HR, plus, contractors",');
    expect(text).toContain("\r\nHR Taskforce,hrtaskforce@contoso.com,");
  });

  it("writes a UTF-8 byte order mark only when asked", () => {
    expect(datasetCsvString("licences", [], { bom: true }).startsWith("\uFEFFFriendly Name,")).toBe(
      true,
    );
    expect(datasetCsvString("licences", []).startsWith("Friendly Name,")).toBe(true);
  });
});

describe("CSV coverage of the row schemas", () => {
  /** The top-level row fields a CSV export reads, found by watching property access. */
  function fieldsRead(exportIds: (keyof typeof CSV_EXPORTS)[], row: object): Set<string> {
    const read = new Set<string>();
    const watched = new Proxy(row, {
      get(target, key, receiver) {
        if (typeof key === "string") read.add(key);
        return Reflect.get(target, key, receiver);
      },
    });
    for (const exportId of exportIds) csvExportString(exportId, [watched as never]);
    return read;
  }

  it.each([
    [["users"], exampleUser],
    [["computers"], exampleComputer],
    [["groups"], exampleGroup],
    [["licences"], exampleLicence],
    [["roles"], exampleRole],
    [["auditLogs"], exampleAuditLog],
    [["secureScoreControls", "secureScoreHistory", "secureScoreSummary"], exampleSecureScore],
  ] as [(keyof typeof CSV_EXPORTS)[], object][])(
    "%j exports every field of the row",
    (exportIds, row) => {
      const read = fieldsRead(exportIds, row);
      expect(Object.keys(row).filter((field) => !read.has(field))).toEqual([]);
    },
  );
});
