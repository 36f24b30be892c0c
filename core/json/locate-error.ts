/**
 * Finds where JSON text first stops being valid, as a 1-based line and column, so an error can name the line
 * of a malformed snapshot file (JSON.parse's messages do not always carry a position). Validation only: the
 * caller still parses with JSON.parse. Returns null when the text is valid JSON.
 *
 * Nesting is bounded (MAX_JSON_DEPTH objects and arrays inside one another) so that a hostile file cannot
 * exhaust the stack of this recursive reader; deeper text is a `depth` failure at the bracket that goes one
 * level too deep, told apart from a `syntax` failure so the message can say which it is.
 */
export interface JsonErrorLocation {
  readonly kind: 'syntax' | 'depth';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Most objects and arrays inside one another that locateJsonError reads (a TLS365 snapshot has 7). */
export const MAX_JSON_DEPTH = 512;

export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  let failure: { at: number; kind: JsonErrorLocation['kind']; message: string } | null = null;
  const fail = (message: string, kind: JsonErrorLocation['kind'] = 'syntax'): false => {
    if (failure === null) failure = { at: i, kind, message };
    return false;
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const literal = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return fail(`unexpected ${JSON.stringify(text.slice(i, i + 10))}`);
  };
  const string = (): boolean => {
    i += 1; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return true;
      }
      if (c < 0x20) return fail('control character in a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail('bad escape in a string');
        i += 2;
        continue;
      }
      i += 1;
    }
    return fail('unterminated string');
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (m === null) return fail('bad number');
    i += m[0].length;
    return true;
  };
  /** One value; `depth` is the number of objects and arrays it sits in. */
  const value = (depth: number): boolean => {
    ws();
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH) return fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, 'depth');
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return true;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') return fail('expected a property name in double quotes');
        if (!string()) return false;
        ws();
        if (text[i] !== ':') return fail("expected ':'");
        i += 1;
        if (!value(depth + 1)) return false;
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return true;
        }
        return fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return true;
      }
      for (;;) {
        if (!value(depth + 1)) return false;
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return true;
        }
        return fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return fail(c === undefined ? 'unexpected end of the text' : `unexpected ${JSON.stringify(c)}`);
  };
  if (value(0)) {
    ws();
    if (i < text.length) fail('text after the JSON value');
  }
  const found = failure as { at: number; kind: JsonErrorLocation['kind']; message: string } | null;
  if (found === null) return null;
  const before = text.slice(0, found.at);
  const line = before.split('\n').length;
  const column = found.at - before.lastIndexOf('\n');
  return { kind: found.kind, line, column, message: found.message };
}
