import type { FilterNode, Literal } from "./filter";

/** Evaluates a parsed `$filter` against one stored Graph object. */
export function matchesFilter(node: FilterNode, object: Record<string, unknown>): boolean {
  return evaluate(node, object, new Map());
}

function evaluate(
  node: FilterNode,
  object: Record<string, unknown>,
  scope: Map<string, unknown>,
): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, object, scope) && evaluate(node.right, object, scope);
    case "or":
      return evaluate(node.left, object, scope) || evaluate(node.right, object, scope);
    case "not":
      return !evaluate(node.operand, object, scope);
    case "compare": {
      const value = resolve(node.path, object, scope);
      const order = compare(value, node.value);
      switch (node.operator) {
        case "eq":
          return order === 0;
        case "ne":
          return order !== 0;
        case "gt":
          return order !== null && order > 0;
        case "ge":
          return order !== null && order >= 0;
        case "lt":
          return order !== null && order < 0;
        case "le":
          return order !== null && order <= 0;
      }
      return false;
    }
    case "in": {
      const value = resolve(node.path, object, scope);
      return node.values.some((candidate) => compare(value, candidate) === 0);
    }
    case "call": {
      const value = resolve(node.path, object, scope);
      if (typeof value !== "string") return false;
      const haystack = value.toLowerCase();
      const needle = node.value.toLowerCase();
      return node.fn === "startswith" ? haystack.startsWith(needle) : haystack.endsWith(needle);
    }
    case "any": {
      const collection = resolve(node.path, object, scope);
      if (!Array.isArray(collection)) return false;
      if (node.body === null) return collection.length > 0;
      const body = node.body;
      return collection.some((item) => {
        const inner = new Map(scope);
        inner.set(node.variable, item);
        return evaluate(body, object, inner);
      });
    }
  }
}

function resolve(
  path: string[],
  object: Record<string, unknown>,
  scope: Map<string, unknown>,
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  let current: unknown = scope.has(head) ? scope.get(head) : propertyOf(object, head);
  for (const segment of rest) {
    if (current === null || typeof current !== "object") return undefined;
    current = propertyOf(current as Record<string, unknown>, segment);
  }
  return current;
}

/** Property names are case-insensitive in OData URLs. */
function propertyOf(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const lowered = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lowered) return object[key];
  return undefined;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Compares a stored value with a literal: null only equals null; strings compare
 * case-insensitively (directory string matching is case-insensitive); date-times by instant.
 */
function compare(value: unknown, literal: Literal): number | null {
  if (literal === null || value === null || value === undefined) {
    return (value ?? null) === literal ? 0 : null;
  }
  if (typeof literal === "boolean" || typeof value === "boolean") {
    return value === literal ? 0 : null;
  }
  if (typeof literal === "number" && typeof value === "number") return Math.sign(value - literal);
  if (typeof value === "string" && typeof literal === "string") {
    if (DATE_LIKE.test(value) && DATE_LIKE.test(literal)) {
      return Math.sign(Date.parse(value) - Date.parse(literal));
    }
    const left = value.toLowerCase();
    const right = literal.toLowerCase();
    return left === right ? 0 : left < right ? -1 : 1;
  }
  return null;
}
