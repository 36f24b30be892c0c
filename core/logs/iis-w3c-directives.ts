import { buildSchema, keyOf, splitFields } from './iis-w3c-fields.js';
import type { ParseState } from './iis-w3c-state.js';
import { cleanLine } from './lines.js';
import { clockSeconds, isDate, normalizeClock } from './time.js';

/**
 * Directive handling of the IIS W3C parser (iis-w3c.ts): `#Fields` sets the schema in force (a schema seen
 * earlier in the file is reused), `#Date` / `#Start-Date` the date of records without a date column.
 */

export function directive(p: ParseState, text: string): void {
  p.counts.directives += 1;
  const { name, value } = splitDirective(text);
  if (name === 'fields') setFields(p, value);
  else if (name === 'date' || name === 'start-date') setDate(p, value);
}

function setFields(p: ParseState, value: string): void {
  const names = splitFields(value);
  const key = keyOf(names);
  if (!p.fieldsSeen.includes(key)) p.fieldsSeen.push(key);
  if (p.schema !== undefined && p.schema.key === key) return;
  const known = p.schemas.find((s) => s.key === key);
  if (known !== undefined) {
    p.schema = known;
    return;
  }
  p.schema = buildSchema(p.mapped, names);
  p.schemas.push(p.schema);
}

function setDate(p: ParseState, value: string): void {
  const date = value.slice(0, 10);
  if (!isDate(date)) return;
  p.baseDate = date;
  p.dayOffset = 0;
  p.dateSet = true;
  const clock = normalizeClock(value.slice(10).trim());
  p.lastClock = clock === undefined ? undefined : clockSeconds(clock);
}

function splitDirective(text: string): { name: string; value: string } {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text.slice(1) : text.slice(1, colon)).trim().toLowerCase();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  return { name, value };
}

/** Where the text of a line starts after spaces and tabs (the line's length: a blank line). */
export function firstNonBlank(text: string): number {
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first += 1;
  return first;
}

/**
 * The schema key of a `#Fields` directive line exactly as the parser reads it (BOMs, leading blanks and a
 * trailing CR allowed, directive name case-insensitive), or undefined for any other line.
 */
export function fieldsDirectiveKey(line: string): string | undefined {
  const text = cleanLine(line);
  const first = firstNonBlank(text);
  if (text.charCodeAt(first) !== 35) return undefined;
  const d = splitDirective(first === 0 ? text : text.slice(first));
  return d.name === 'fields' ? keyOf(splitFields(d.value)) : undefined;
}
