/**
 * Line tokenizers for the two log grammars (docs/log-formats.md 1.2 and 2.3). Neither throws; every input gives tokens.
 */

const SP = 32;
const TAB = 9;
const DQUOTE = 34;

/**
 * Splits a W3C record: tokens are separated by runs of spaces or tabs (IIS writes one space, other producers
 * runs; docs/log-formats.md 5.9). A token that starts with `"` is quoted when a closing quote followed by whitespace or
 * the end of the line exists: it may then contain spaces, and `""` inside it is one literal quote (IIS
 * Advanced Logging; docs/log-formats.md 5.12). Otherwise a quote is an ordinary character. With `quotes: false` quotes
 * are never special (the fallback for native IIS lines whose user agent happens to contain quotes).
 */
export function tokenizeW3c(line: string, quotes = true): string[] {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === SP || c === TAB) { i += 1; continue; }
    if (c === DQUOTE && quotes) {
      const quoted = readQuoted(line, i);
      if (quoted !== undefined) {
        out.push(quoted.value);
        i = quoted.next;
        continue;
      }
    }
    let j = i + 1;
    while (j < n) {
      const d = line.charCodeAt(j);
      if (d === SP || d === TAB) break;
      j += 1;
    }
    out.push(line.slice(i, j));
    i = j;
  }
  return out;
}

function readQuoted(line: string, start: number): { value: string; next: number } | undefined {
  const n = line.length;
  let value = '';
  let seg = start + 1;
  let j = seg;
  while (j < n) {
    if (line.charCodeAt(j) !== DQUOTE) { j += 1; continue; }
    if (j + 1 < n && line.charCodeAt(j + 1) === DQUOTE) {
      value += line.slice(seg, j + 1);
      j += 2;
      seg = j;
      continue;
    }
    const after = j + 1;
    if (after < n) {
      const d = line.charCodeAt(after);
      if (d !== SP && d !== TAB) return undefined;
    }
    return { value: value + line.slice(seg, j), next: after };
  }
  return undefined;
}

/**
 * Token boundaries without creating the tokens, for what IIS itself writes: single spaces between
 * tokens, no quote, no tab, no leading or trailing space. Fills `view.starts` with each token's offset
 * (plus a sentinel one past the end) and returns the token count, or -1 when the line needs the general
 * tokenizer. Only the columns a schema needs are then sliced out (docs/log-formats.md 5.28).
 */
export function scanSimple(line: string, view: { starts: Int32Array }): number {
  const n = line.length;
  if (n === 0 || line.charCodeAt(0) === SP || line.charCodeAt(n - 1) === SP) return -1;
  if (line.indexOf('"') >= 0 || line.indexOf('\t') >= 0 || line.indexOf('  ') >= 0) return -1;
  let starts = view.starts;
  starts[0] = 0;
  let count = 1;
  let at = line.indexOf(' ');
  while (at >= 0) {
    if (count + 1 >= starts.length) {
      const bigger = new Int32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
      view.starts = bigger;
    }
    starts[count] = at + 1;
    count += 1;
    at = line.indexOf(' ', at + 1);
  }
  starts[count] = n + 1;
  return count;
}

/**
 * One CSV record (RFC 4180 as Exchange writes it; docs/log-formats.md 2.3): comma separated, a field starting with `"`
 * runs to the closing quote with `""` for a literal quote; text after a closing quote up to the next comma
 * is kept; an unterminated quote takes the rest of the line. A trailing comma gives a last empty field.
 */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    if (i < n && line.charCodeAt(i) === DQUOTE) {
      let value = '';
      let j = i + 1;
      let seg = j;
      for (;;) {
        if (j >= n) {
          value += line.slice(seg);
          i = n;
          break;
        }
        if (line.charCodeAt(j) !== DQUOTE) { j += 1; continue; }
        if (j + 1 < n && line.charCodeAt(j + 1) === DQUOTE) {
          value += line.slice(seg, j + 1);
          j += 2;
          seg = j;
          continue;
        }
        value += line.slice(seg, j);
        const comma = line.indexOf(',', j + 1);
        if (comma < 0) {
          value += line.slice(j + 1);
          i = n;
        } else {
          value += line.slice(j + 1, comma);
          i = comma;
        }
        break;
      }
      out.push(value);
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        i = n;
      } else {
        out.push(line.slice(i, comma));
        i = comma;
      }
    }
    if (i >= n) break;
    i += 1;
    if (i === n) {
      out.push('');
      break;
    }
  }
  return out;
}
