import { badRequest } from "../errors";

/**
 * The subset of OData `$filter` that Microsoft Graph's directory supports and the product uses:
 * comparisons (`eq ne gt ge lt le`), `in`, `startswith`/`endswith`, `and`/`or`/`not`,
 * parentheses, property paths (`signInActivity/lastSignInDateTime`) and `any` lambdas
 * (`assignedLicenses/any(x:x/skuId eq …)`). Literals: 'strings', numbers, true/false/null, and
 * the unquoted GUIDs and date-times Graph accepts.
 */
export type Literal = string | number | boolean | null;
export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; operator: ComparisonOperator; path: string[]; value: Literal }
  | { kind: "in"; path: string[]; values: Literal[] }
  | { kind: "call"; fn: "startswith" | "endswith"; path: string[]; value: string }
  | { kind: "any"; path: string[]; variable: string; body: FilterNode | null };

type Token =
  | { type: "string"; value: string }
  | { type: "word"; value: string }
  | { type: "punct"; value: "(" | ")" | "," | ":" };

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  const parser = new Parser(tokens, text);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    if (/\s/.test(char)) {
      index++;
    } else if (char === "'") {
      let value = "";
      index++;
      for (;;) {
        if (index >= text.length) throw invalidFilter(text);
        const next = text[index] ?? "";
        if (next === "'") {
          // OData escapes a quote inside a string by doubling it.
          if (text[index + 1] === "'") {
            value += "'";
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += next;
        index++;
      }
      tokens.push({ type: "string", value });
    } else if (char === "(" || char === ")" || char === "," || char === ":") {
      tokens.push({ type: "punct", value: char });
      index++;
    } else {
      // A DateTimeOffset literal holds colons, which otherwise separate a lambda's variable.
      const match =
        /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?/.exec(text.slice(index)) ??
        /^[^\s(),':]+/.exec(text.slice(index));
      if (!match) throw invalidFilter(text);
      tokens.push({ type: "word", value: match[0] });
      index += match[0].length;
    }
  }
  return tokens;
}

function invalidFilter(text: string) {
  return badRequest(`Invalid filter clause: syntax error in '${text}'.`);
}

class Parser {
  private position = 0;
  private readonly lambdaVariables: string[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  expectEnd(): void {
    if (this.position !== this.tokens.length) throw invalidFilter(this.text);
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.peekWord("or")) {
      this.position++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.peekWord("and")) {
      this.position++;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.peekWord("not")) {
      this.position++;
      return { kind: "not", operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.next();
    if (token.type === "punct" && token.value === "(") {
      const inner = this.parseOr();
      this.expectPunct(")");
      return inner;
    }
    if (token.type !== "word") throw invalidFilter(this.text);
    const lowered = token.value.toLowerCase();
    if ((lowered === "startswith" || lowered === "endswith") && this.peekPunct("(")) {
      this.position++;
      const path = this.parsePath(this.expectWord());
      this.expectPunct(",");
      const value = this.next();
      if (value.type !== "string") throw invalidFilter(this.text);
      this.expectPunct(")");
      return { kind: "call", fn: lowered, path, value: value.value };
    }
    const path = this.parsePath(token.value);
    const last = path[path.length - 1]?.toLowerCase();
    if ((last === "any" || last === "all") && this.peekPunct("(")) {
      if (last === "all")
        throw badRequest("Unsupported query filter clause: all.", "Request_UnsupportedQuery");
      this.position++;
      const collection = path.slice(0, -1);
      if (this.peekPunct(")")) {
        this.position++;
        return { kind: "any", path: collection, variable: "", body: null };
      }
      const variable = this.expectWord();
      this.expectPunct(":");
      this.lambdaVariables.push(variable);
      const body = this.parseOr();
      this.lambdaVariables.pop();
      this.expectPunct(")");
      return { kind: "any", path: collection, variable, body };
    }
    const operator = this.expectWord().toLowerCase();
    if (operator === "in") {
      this.expectPunct("(");
      const values: Literal[] = [this.parseLiteral()];
      while (this.peekPunct(",")) {
        this.position++;
        values.push(this.parseLiteral());
      }
      this.expectPunct(")");
      return { kind: "in", path, values };
    }
    if (!COMPARISONS.has(operator)) throw invalidFilter(this.text);
    return {
      kind: "compare",
      operator: operator as ComparisonOperator,
      path,
      value: this.parseLiteral(),
    };
  }

  private parsePath(raw: string): string[] {
    return raw.split("/").filter((part) => part.length > 0);
  }

  private parseLiteral(): Literal {
    const token = this.next();
    if (token.type === "string") return token.value;
    if (token.type !== "word") throw invalidFilter(this.text);
    const lowered = token.value.toLowerCase();
    if (lowered === "true") return true;
    if (lowered === "false") return false;
    if (lowered === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(token.value)) return Number(token.value);
    // Unquoted GUIDs and DateTimeOffsets are literals in OData.
    return token.value;
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw invalidFilter(this.text);
    this.position++;
    return token;
  }

  private expectWord(): string {
    const token = this.next();
    if (token.type !== "word") throw invalidFilter(this.text);
    return token.value;
  }

  private expectPunct(value: string): void {
    const token = this.next();
    if (token.type !== "punct" || token.value !== value) throw invalidFilter(this.text);
  }

  private peekWord(value: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === "word" && token.value.toLowerCase() === value;
  }

  private peekPunct(value: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === "punct" && token.value === value;
  }
}

/** Top-level property names a filter reads (for validation against the entity type). */
export function filterProperties(node: FilterNode, lambdaVariable = ""): string[] {
  switch (node.kind) {
    case "and":
    case "or":
      return [
        ...filterProperties(node.left, lambdaVariable),
        ...filterProperties(node.right, lambdaVariable),
      ];
    case "not":
      return filterProperties(node.operand, lambdaVariable);
    case "any":
      return rootOf(node.path, lambdaVariable);
    default:
      return rootOf(node.path, lambdaVariable);
  }
}

function rootOf(path: string[], lambdaVariable: string): string[] {
  const root = path[0];
  if (root === undefined || (lambdaVariable !== "" && root === lambdaVariable)) return [];
  return [root];
}

/**
 * Whether the filter needs Graph's advanced query capabilities (aad-advanced-queries.md):
 * `ne`, `not` and `endswith` only work with `ConsistencyLevel: eventual` and `$count=true`.
 */
export function needsAdvancedQuery(node: FilterNode): boolean {
  switch (node.kind) {
    case "and":
    case "or":
      return needsAdvancedQuery(node.left) || needsAdvancedQuery(node.right);
    case "not":
      return true;
    case "compare":
      return node.operator === "ne";
    case "call":
      return node.fn === "endswith";
    case "in":
      return false;
    case "any":
      return node.body !== null && needsAdvancedQuery(node.body);
  }
}

export function advancedOperatorName(node: FilterNode): string {
  switch (node.kind) {
    case "and":
    case "or":
      return needsAdvancedQuery(node.left)
        ? advancedOperatorName(node.left)
        : advancedOperatorName(node.right);
    case "not":
      return "Not";
    case "compare":
      return "NotEqualsMatch";
    case "call":
      return "EndsWith";
    default:
      return "Unknown";
  }
}
