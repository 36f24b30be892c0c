/**
 * Timestamps of log events, as strings: `YYYY-MM-DDTHH:MM:SS.mmm` followed by `Z` when the log says UTC
 * (IIS `date`/`time`, Exchange `date-time`) and nothing when it is server-local (IIS Advanced Logging
 * `date-local`/`time-local`). One fixed width, so strings of the same kind compare in time order.
 * No clock is read; `Date.UTC` is used only as calendar arithmetic.
 */

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const CLOCK = /^(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?$/;
const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function isDate(text: string): boolean {
  return text.length === 10 && DATE.test(text);
}

/** `HH:MM:SS` or `HH:MM:SS.fff...` as `HH:MM:SS.mmm`; undefined for anything else. */
export function normalizeClock(text: string): string | undefined {
  if (text.length === 8 && text.charCodeAt(2) === 58 && text.charCodeAt(5) === 58 && CLOCK.test(text)) return `${text}.000`;
  const m = CLOCK.exec(text);
  if (m === null) return undefined;
  const frac = (m[4] ?? '').padEnd(3, '0').slice(0, 3);
  return `${m[1] ?? '00'}:${m[2] ?? '00'}:${m[3] ?? '00'}.${frac}`;
}

/** Seconds since midnight of a normalised clock (`HH:MM:SS.mmm`). */
export function clockSeconds(clock: string): number {
  return Number(clock.slice(0, 2)) * 3600 + Number(clock.slice(3, 5)) * 60 + Number(clock.slice(6, 8));
}

/** `2024-05-01` plus n days, by the proleptic Gregorian calendar; undefined past year 9999. */
export function addDays(date: string, days: number): string | undefined {
  if (days === 0) return date;
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const iso = d.toISOString();
  return iso.charCodeAt(4) === 45 ? iso.slice(0, 10) : undefined;
}

/** Exchange `2023-01-11T15:59:51.433Z` (any fraction length) as `2023-01-11T15:59:51.433Z`. */
export function normalizeIsoUtc(text: string): string | undefined {
  if (text.length === 24 && text.charCodeAt(10) === 84 && text.charCodeAt(19) === 46 && ISO_UTC.test(text)) return text;
  const m = ISO_UTC.exec(text);
  if (m === null) return undefined;
  return `${m[1] ?? ''}T${m[2] ?? ''}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/**
 * A `since`/`until` bound as the 23-character `YYYY-MM-DDTHH:MM:SS.mmm` prefix events are compared on.
 * Accepts a date (`2024-05-01`), a date and time with `T` or a space, optional seconds and fraction, and
 * `Z` or an offset (`+02:00`, converted to UTC). Without `Z` or offset the text is taken as written (it
 * then compares with UTC and local event times alike). Undefined when it is not such a timestamp.
 */
export function parseInstant(text: string): string | undefined {
  const m = INSTANT.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(s ?? '0');
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  if (year < 1000) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  const check = new Date(local);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return new Date(local - offsetMinutes * 60000).toISOString().slice(0, 23);
}
