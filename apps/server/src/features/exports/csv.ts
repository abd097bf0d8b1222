/**
 * CSV for spreadsheets: RFC 4180 quoting, a UTF-8 BOM so Excel reads Chinese text, CRLF rows, and
 * cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) prefixed with a quote —
 * an exported remark must never execute on the reader's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
