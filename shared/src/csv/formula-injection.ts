/**
 * CSV (formula) injection: a spreadsheet runs a cell beginning with `=`, `+`, `-` or `@` as a
 * formula, and tab/CR can smuggle one in. OWASP's advice is to prefix such cells with a single
 * quote, which spreadsheets display as text. Spreadsheets also skip leading whitespace before
 * evaluating, so we look past it (" =1+1" is as live as "=1+1").
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_TRIGGER = /^[\s]*[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
