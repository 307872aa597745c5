import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from "./errors";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("database error classification", () => {
  it.each([
    withCode("ECONNREFUSED"),
    withCode("57P01", "terminating connection due to administrator command"),
    withCode("08006"),
    withCode("SQLITE_BUSY"),
    new Error("Connection terminated unexpectedly"),
    new AggregateError([withCode("ECONNREFUSED")]),
  ])("treats %o as the database being unavailable", (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([withCode("23505"), withCode("42P01"), new Error("syntax error"), "text", null])(
    "does not treat %o as unavailability",
    (error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );

  it("recognises unique and foreign-key violations of both drivers", () => {
    expect(isUniqueViolation(withCode("23505"))).toBe(true);
    expect(isUniqueViolation(withCode("SQLITE_CONSTRAINT_PRIMARYKEY"))).toBe(true);
    expect(isForeignKeyViolation(withCode("23503"))).toBe(true);
    expect(isForeignKeyViolation(withCode("SQLITE_CONSTRAINT_FOREIGNKEY"))).toBe(true);
    expect(isUniqueViolation(withCode("23503"))).toBe(false);
  });
});
