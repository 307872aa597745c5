import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RelayHttpError } from "./errors";
import { precheckGzipBody } from "./gzip-precheck";

/** Split into chunks of `chunkSize` bytes, as a socket delivers a body. */
const failure = (body: Uint8Array, limit = 1_000_000, chunkSize = 64 * 1024) => {
  const bytes = Buffer.from(body);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.byteLength; at += chunkSize) {
    chunks.push(bytes.subarray(at, at + chunkSize));
  }
  try {
    precheckGzipBody({ chunks, byteLength: bytes.byteLength }, limit);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(RelayHttpError);
    return error as RelayHttpError;
  }
};

describe("the checks an asynchronous push gets before its 202", () => {
  it("passes well-formed gzip within the limit", () => {
    expect(failure(gzipSync('{"a":1}'))).toBeUndefined();
    expect(failure(gzipSync(Buffer.alloc(1000)), 1000)).toBeUndefined();
  });

  it.each([
    ["empty", new Uint8Array(0)],
    ["plain JSON", new TextEncoder().encode('{"snapshot": "not gzip at all, but long enough"}')],
    ["a truncated header", new Uint8Array([0x1f, 0x8b, 8, 0, 0])],
    ["another compression method", Uint8Array.from(gzipSync("{}"), (b, i) => (i === 2 ? 7 : b))],
  ])("refuses %s with 400 invalid_gzip", (_name, body) => {
    expect(failure(body)).toMatchObject({ status: 400, code: "invalid_gzip" });
  });

  it("refuses a body whose trailer declares more than the inflated limit with 413", () => {
    expect(failure(gzipSync(Buffer.alloc(1001)), 1000)).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("reads the header and trailer across chunk boundaries", () => {
    const gzip = gzipSync(Buffer.alloc(5000));
    expect(failure(gzip, 4999, 1)).toMatchObject({ status: 413 });
    expect(failure(gzip, 5000, 1)).toBeUndefined();
    expect(failure(gzip, 5000, 3)).toBeUndefined();
    const otherMethod = Uint8Array.from(gzip, (b, i) => (i === 2 ? 7 : b));
    expect(failure(otherMethod, 5000, 2)).toMatchObject({ status: 400, code: "invalid_gzip" });
  });

  it("reads the trailer of a body that is a slice of a larger buffer", () => {
    const gzip = gzipSync(Buffer.alloc(5000));
    const padded = Buffer.concat([Buffer.from("xxxx"), gzip, Buffer.from("yyyy")]);
    const slice = padded.subarray(4, 4 + gzip.byteLength);
    expect(failure(slice, 4999)).toMatchObject({ status: 413 });
    expect(failure(slice, 5000)).toBeUndefined();
  });
});
