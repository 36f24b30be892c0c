/**
 * PowerShell string literals for generated scripts. PowerShell's tokenizer treats five characters as single
 * quotes: ' and the look-alikes U+2018, U+2019, U+201A, U+201B; inside a single-quoted string any of them is
 * escaped by doubling it, and nothing else is special there (no $, no backtick, no subexpression).
 *
 * psQuote doubles all five (PowerShell's own CodeGeneration.EscapeSingleQuotedStringContent does the same).
 * psLiteral goes further for the scripts TLS365 writes: it keeps the script pure ASCII, so that Windows
 * PowerShell 5.1, which reads a BOM-less script in the ANSI code page, sees exactly the characters meant.
 * Printable ASCII runs become single-quoted literals; every other character (the quote look-alikes, any
 * non-ASCII letter, a tab) becomes `[char]0xHHHH`, joined with `+` inside parentheses, starting with a string
 * so that `+` concatenates. NUL and line breaks are refused earlier (validatePlan): they never get here.
 */
const QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** The text as the body of a single-quoted literal, every quote character doubled. */
export function psQuote(text: string): string {
  return `'${text.replace(QUOTES, '$&$&')}'`;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

/** An ASCII-only PowerShell expression whose value is exactly `text`. */
export function psLiteral(text: string): string {
  const parts: string[] = [];
  let run = '';
  let runOpen = false;
  for (const ch of text) {
    for (let i = 0; i < ch.length; i += 1) {
      const unit = ch.charAt(i);
      if (PRINTABLE_ASCII.test(unit)) {
        run += unit;
        runOpen = true;
        continue;
      }
      if (runOpen) parts.push(psQuote(run));
      run = '';
      runOpen = false;
      parts.push(`[char]0x${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  if (runOpen || parts.length === 0) parts.push(psQuote(run));
  // A lone [char] is a System.Char, not a string: every expression starts with a string literal.
  if ((parts[0] as string).startsWith('[char]')) parts.unshift("''");
  if (parts.length === 1) return parts[0] as string;
  return `(${parts.join(' + ')})`;
}
