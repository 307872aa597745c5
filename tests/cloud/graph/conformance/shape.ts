/**
 * Compares two JSON documents by shape: the same property names with the same JSON types,
 * values aside. Arrays match as sets of element shapes, so a sample's items may come back in any
 * order or number, but every kind of item in the sample must appear, and nothing of a kind the
 * sample lacks. `allowedExtra` names properties the answer may add (where the doc shortened its
 * sample: `id`, `@odata.context`, …).
 */
export function shapeDifferences(
  sample: unknown,
  actual: unknown,
  allowedExtra: ReadonlySet<string> = new Set(),
  path = "$",
): string[] {
  const expectedType = jsonType(sample);
  const actualType = jsonType(actual);
  if (expectedType !== actualType) return [`${path}: expected ${expectedType}, got ${actualType}`];
  if (expectedType === "array")
    return arrayDifferences(sample as unknown[], actual as unknown[], allowedExtra, path);
  if (expectedType !== "object") return [];
  const expected = sample as Record<string, unknown>;
  const answer = actual as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(expected)) {
    if (!(key in answer)) differences.push(`${path}.${key}: missing`);
    else
      differences.push(
        ...shapeDifferences(expected[key], answer[key], allowedExtra, `${path}.${key}`),
      );
  }
  for (const key of Object.keys(answer)) {
    if (!(key in expected) && !allowedExtra.has(key))
      differences.push(`${path}.${key}: not in the sample`);
  }
  return differences;
}

function arrayDifferences(
  sample: unknown[],
  actual: unknown[],
  allowedExtra: ReadonlySet<string>,
  path: string,
): string[] {
  if (sample.length === 0) return [];
  const differences: string[] = [];
  sample.forEach((element, index) => {
    if (
      !actual.some((candidate) => shapeDifferences(element, candidate, allowedExtra).length === 0)
    ) {
      const nearest = actual[index] ?? actual[0];
      const detail =
        nearest === undefined
          ? "the answer is empty"
          : shapeDifferences(element, nearest, allowedExtra, `${path}[${index}]`).join("; ");
      differences.push(`${path}[${index}]: no answer item has this shape (${detail})`);
    }
  });
  actual.forEach((candidate, index) => {
    if (
      !sample.some((element) => shapeDifferences(element, candidate, allowedExtra).length === 0)
    ) {
      differences.push(`${path}[answer ${index}]: an item of a shape the sample does not have`);
    }
  });
  return differences;
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
