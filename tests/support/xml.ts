import { fail, ok, type Result } from '../../core/model/result.js';

/**
 * A small strict XML 1.0 parser for the tests (https://www.w3.org/TR/xml/): elements, attributes, text,
 * CDATA, comments and processing instructions; the five predefined entities and character references are
 * decoded; anything not well-formed is an error with its offset: a second root, text outside the root, an
 * unclosed or mismatched tag, a duplicate attribute, an unquoted value, `<` in a value, an unknown or
 * unterminated entity, `]]>` in text, `--` in a comment, a character XML 1.0 does not allow, a misplaced XML
 * declaration. A DOCTYPE is refused (no test input has one, and entity declarations are out of scope).
 * Attribute values are normalised as XML 1.0 section 3.3.3 says for CDATA attributes: a literal tab, CR or LF
 * becomes a space, a character reference keeps its character.
 */
export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  /** In document order. */
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
  readonly children: readonly XmlNode[];
  /** Offset of the `<` that opens the element. */
  readonly at: number;
}
export interface XmlText { readonly kind: 'text'; readonly text: string }
export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  readonly declaration: { readonly version: string; readonly encoding: string | null; readonly standalone: string | null } | null;
  readonly root: XmlElement;
}

export interface XmlError { readonly at: number; readonly message: string }

const NAME_START = /[A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd]/;
const NAME_CHAR = /[-.0-9\u00b7\u0300-\u036f\u203f\u2040A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd]/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const legalCode = (c: number): boolean => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** Thrown inside the parser only; parseXml turns it into a failed Result. */
type Stop = Error & { readonly xmlAt: number };
const stop = (at: number, message: string): Stop => Object.assign(new Error(message), { xmlAt: at });
const isStop = (x: unknown): x is Stop => x instanceof Error && 'xmlAt' in x && typeof x.xmlAt === 'number';

export function parseXml(input: string): Result<XmlDocument, XmlError> {
  try {
    return ok(parseDocument(input));
  } catch (e) {
    if (isStop(e)) return fail({ at: e.xmlAt, message: e.message });
    throw e;
  }
}

function parseDocument(s: string): XmlDocument {
  // Every character must be legal (surrogate pairs are checked as code points).
  for (let i = 0; i < s.length; i += 1) {
    const cp = s.codePointAt(i) ?? 0;
    if (!legalCode(cp) || (cp >= 0xd800 && cp <= 0xdfff)) throw stop(i, `character U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`);
    if (cp > 0xffff) i += 1;
  }
  let pos = s.startsWith('\ufeff') ? 1 : 0;
  let declaration: XmlDocument['declaration'] = null;
  if (s.startsWith('<?xml', pos) && /[\s?]/.test(s[pos + 5] ?? '')) {
    const end = s.indexOf('?>', pos);
    if (end < 0) throw stop(pos, 'unterminated XML declaration');
    declaration = parseDeclaration(s.slice(pos + 5, end), pos);
    pos = end + 2;
  }
  const misc = (): void => {
    for (;;) {
      const ws = /^[ \t\r\n]*/.exec(s.slice(pos))?.[0] ?? '';
      pos += ws.length;
      if (s.startsWith('<!--', pos)) pos = comment(s, pos);
      else if (s.startsWith('<?', pos)) pos = pi(s, pos);
      else return;
    }
  };
  misc();
  if (s.startsWith('<!DOCTYPE', pos)) throw stop(pos, 'a DOCTYPE is not supported');
  if (s[pos] !== '<') throw stop(pos, pos >= s.length ? 'no root element' : 'text before the root element');
  const [root, after] = element(s, pos);
  pos = after;
  misc();
  if (pos < s.length) throw stop(pos, s[pos] === '<' ? 'a second root element or markup after the root' : 'text after the root element');
  return { declaration, root };
}

function parseDeclaration(body: string, at: number): NonNullable<XmlDocument['declaration']> {
  const m = /^\s+version\s*=\s*(["'])(1\.[0-9]+)\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.exec(body);
  if (m === null) throw stop(at, 'malformed XML declaration');
  return { version: m[2] ?? '', encoding: m[4] ?? null, standalone: m[6] ?? null };
}

function comment(s: string, at: number): number {
  const end = s.indexOf('-->', at + 4);
  if (end < 0) throw stop(at, 'unterminated comment');
  const body = s.slice(at + 4, end);
  if (body.includes('--') || body.endsWith('-')) throw stop(at, '"--" inside a comment');
  return end + 3;
}

function pi(s: string, at: number): number {
  const end = s.indexOf('?>', at + 2);
  if (end < 0) throw stop(at, 'unterminated processing instruction');
  const target = /^[^\s?]+/.exec(s.slice(at + 2))?.[0] ?? '';
  if (!isName(target)) throw stop(at, 'processing instruction without a target name');
  if (target.toLowerCase() === 'xml') throw stop(at, 'the XML declaration is only allowed at the very start');
  return end + 2;
}

function isName(n: string): boolean {
  if (n.length === 0 || !NAME_START.test(n[0] ?? '')) return false;
  for (const c of n.slice(1)) if (!NAME_CHAR.test(c)) return false;
  return true;
}

function readName(s: string, pos: number): string {
  let end = pos;
  if (!NAME_START.test(s[end] ?? '')) throw stop(pos, 'a name was expected');
  end += 1;
  while (end < s.length && NAME_CHAR.test(s[end] ?? '')) end += 1;
  return s.slice(pos, end);
}

/** Decodes references in text or an attribute value; `attr` applies attribute-value normalisation. */
function decode(raw: string, at: number, attr: boolean): string {
  let out = '';
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i] ?? '';
    if (c === '&') {
      const semi = raw.indexOf(';', i);
      if (semi < 0) throw stop(at + i, 'unterminated entity reference');
      const ref = raw.slice(i + 1, semi);
      let text: string | undefined;
      if (/^#[0-9]+$/.test(ref) || /^#x[0-9A-Fa-f]+$/.test(ref)) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!legalCode(code) || (code >= 0xd800 && code <= 0xdfff)) throw stop(at + i, `&${ref}; is not a legal character`);
        text = String.fromCodePoint(code);
      } else {
        text = PREDEFINED[ref];
      }
      if (text === undefined) throw stop(at + i, `unknown entity &${ref};`);
      out += text;
      i = semi;
    } else if (attr && (c === '\t' || c === '\n' || c === '\r')) {
      // A CR LF pair is one line end (2.11), then one space (3.3.3).
      if (c === '\r' && raw[i + 1] === '\n') i += 1;
      out += ' ';
    } else if (attr && c === '<') {
      throw stop(at + i, '"<" in an attribute value');
    } else if (!attr && c === '\r') {
      if (raw[i + 1] === '\n') i += 1;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

function element(s: string, at: number): [XmlElement, number] {
  let pos = at + 1;
  const name = readName(s, pos);
  pos += name.length;
  const attributes: { name: string; value: string }[] = [];
  for (;;) {
    const ws = /^[ \t\r\n]*/.exec(s.slice(pos))?.[0] ?? '';
    pos += ws.length;
    if (s.startsWith('/>', pos)) return [{ kind: 'element', name, attributes, children: [], at }, pos + 2];
    if (s[pos] === '>') { pos += 1; break; }
    if (pos >= s.length) throw stop(at, `unclosed start tag <${name}`);
    if (ws.length === 0) throw stop(pos, `whitespace expected before an attribute in <${name}>`);
    const an = readName(s, pos);
    pos += an.length;
    pos += (/^[ \t\r\n]*/.exec(s.slice(pos))?.[0] ?? '').length;
    if (s[pos] !== '=') throw stop(pos, `"=" expected after ${an}`);
    pos += 1;
    pos += (/^[ \t\r\n]*/.exec(s.slice(pos))?.[0] ?? '').length;
    const q = s[pos];
    if (q !== '"' && q !== "'") throw stop(pos, `the value of ${an} is not quoted`);
    const end = s.indexOf(q, pos + 1);
    if (end < 0) throw stop(pos, `unterminated value of ${an}`);
    if (attributes.some((a) => a.name === an)) throw stop(pos, `duplicate attribute ${an} in <${name}>`);
    attributes.push({ name: an, value: decode(s.slice(pos + 1, end), pos + 1, true) });
    pos = end + 1;
  }
  const children: XmlNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text.length > 0) children.push({ kind: 'text', text });
    text = '';
  };
  for (;;) {
    if (pos >= s.length) throw stop(at, `<${name}> is never closed`);
    const lt = s.indexOf('<', pos);
    const chunkEnd = lt < 0 ? s.length : lt;
    if (chunkEnd > pos) {
      const raw = s.slice(pos, chunkEnd);
      if (raw.includes(']]>')) throw stop(pos + raw.indexOf(']]>'), '"]]>" in text');
      text += decode(raw, pos, false);
      pos = chunkEnd;
      continue;
    }
    if (s.startsWith('</', pos)) {
      const en = readName(s, pos + 2);
      if (en !== name) throw stop(pos, `</${en}> closes <${name}>`);
      let p = pos + 2 + en.length;
      p += (/^[ \t\r\n]*/.exec(s.slice(p))?.[0] ?? '').length;
      if (s[p] !== '>') throw stop(p, `malformed end tag </${en}`);
      flush();
      return [{ kind: 'element', name, attributes, children, at }, p + 1];
    }
    if (s.startsWith('<!--', pos)) { flush(); pos = comment(s, pos); continue; }
    if (s.startsWith('<![CDATA[', pos)) {
      const end = s.indexOf(']]>', pos + 9);
      if (end < 0) throw stop(pos, 'unterminated CDATA section');
      text += s.slice(pos + 9, end).replace(/\r\n?/g, '\n');
      pos = end + 3;
      continue;
    }
    if (s.startsWith('<?', pos)) { flush(); pos = pi(s, pos); continue; }
    if (s.startsWith('<!', pos)) throw stop(pos, 'a declaration is not allowed inside an element');
    flush();
    const [child, after] = element(s, pos);
    children.push(child);
    pos = after;
  }
}

// -------------------------------------------------------------------------------------------- helpers

export const childElements = (e: XmlElement, name?: string): XmlElement[] =>
  e.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));

export const attribute = (e: XmlElement, name: string): string | undefined => e.attributes.find((a) => a.name === name)?.value;

export const textOf = (e: XmlElement): string => e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');
