import type { IisField, Schema } from './iis-w3c-fields.js';
import type { RecordBase, TokenView } from './iis-w3c-records.js';
import type { ParserStats } from './types.js';

/**
 * Where an IIS parser stands between two lines (iis-w3c.ts): the public, plain-data form that a reader of
 * byte ranges passes between threads (`IisParserState`, `IisStateUse`), and the parser's own mutable state.
 */

/**
 * Where an IIS parser stands between two lines of a file, as plain data (it can be posted to a worker
 * thread). Schemas are keys: the column names, normalised (`normName`), joined by one space.
 */
export interface IisParserState {
  /** The `#Fields` in force; absent before the file's first `#Fields`. */
  readonly fields?: string;
  /** Every distinct `#Fields` of the file so far, first seen first (for records of an earlier schema). */
  readonly schemas: readonly string[];
  /** The schema of records before the file's first `#Fields` (the option, or the previous file's last one). */
  readonly carried?: string;
  /** Date bookkeeping for schemas without a `date` column (docs/log-formats.md 5.18): last `#Date`, last clock, days since. */
  readonly baseDate?: string;
  readonly lastClock?: number;
  readonly dayOffset: number;
}

/**
 * What the lines read since the parser was created took from its starting state, besides `fields` (which
 * almost every record reads), and what they changed. A range parsed from an assumed state gives exactly the
 * events of a single pass when the parts it read were right (`iisStateFits`).
 */
export interface IisStateUse {
  /** A record came before any `#Fields` and was read with (or refused for lack of) the carried schema. */
  readonly carried: boolean;
  /** A record's value count did not match, and the earlier schemas of the file were searched. */
  readonly schemas: boolean;
  /** A record without a date column took its date from the starting date bookkeeping. */
  readonly date: boolean;
  /** The `#Fields` keys set since the start, first seen first. */
  readonly fieldsSeen: readonly string[];
  /** A `#Date` directive reset the date bookkeeping since the start. */
  readonly dateSet: boolean;
}

/** The state at the start of a file (what `beginFile` leaves), with the schema carried from the file before. */
export function iisFileStartState(carried: string | undefined, date?: string): IisParserState {
  return { schemas: [], dayOffset: 0, ...(carried === undefined ? {} : { carried }), ...(date === undefined ? {} : { baseDate: date }) };
}

/** The schema a file leaves to the next one (the last `#Fields`, else what it was itself given). */
export function iisCarriedAfter(state: IisParserState): string | undefined {
  return state.fields ?? state.carried;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether lines parsed from `assumed` gave exactly what they give from `actual` (the state a single pass
 * has at that line): the schema in force must be the same, and so must every other part the lines read.
 */
export function iisStateFits(assumed: IisParserState, actual: IisParserState, use: IisStateUse): boolean {
  if (assumed.fields !== actual.fields) return false;
  if (use.carried && assumed.carried !== actual.carried) return false;
  if (use.schemas && !sameList(assumed.schemas, actual.schemas)) return false;
  if (use.date && (assumed.baseDate !== actual.baseDate || assumed.lastClock !== actual.lastClock || assumed.dayOffset !== actual.dayOffset)) return false;
  return true;
}

/**
 * The state after a range, from the true state before it (`before`) and what the range's parser reported
 * (`after`, `use`), when the range fitted (`iisStateFits`): the range's own changes on top of `before`.
 */
export function iisStateAfter(before: IisParserState, after: IisParserState, use: IisStateUse): IisParserState {
  const schemas = [...before.schemas];
  for (const k of use.fieldsSeen) if (!schemas.includes(k)) schemas.push(k);
  const fields = use.fieldsSeen.length > 0 ? after.fields : before.fields;
  const date = use.dateSet || use.date ? after : before;
  return {
    schemas, dayOffset: date.dayOffset,
    ...(fields === undefined ? {} : { fields }),
    ...(before.carried === undefined ? {} : { carried: before.carried }),
    ...(date.baseDate === undefined ? {} : { baseDate: date.baseDate }),
    ...(date.lastClock === undefined ? {} : { lastClock: date.lastClock }),
  };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The mutable state of one IIS parser; the functions of iis-w3c-*.ts take it as their first argument. */
export interface ParseState {
  /** Options, read once. */
  readonly mapped: Partial<Record<IisField, string>>;
  readonly httpsPorts: ReadonlySet<number>;
  readonly optionDate: string | undefined;
  /** crypt-protocol codes of unselected known protocols (`onlyProtocols`); null: parse every record. */
  readonly skipCodes: ReadonlySet<string> | null;
  /** Scratch, rewritten for every record. */
  readonly view: TokenView;
  readonly base: RecordBase;
  readonly counts: Writable<ParserStats>;
  source: string;
  /** Schema in force, and every distinct schema of the current file (for stale-schema records). */
  schema: Schema | undefined;
  schemas: Schema[];
  /** Schema for records before any `#Fields` of the file: the option, then the previous file's last one. */
  carried: Schema | undefined;
  baseDate: string | undefined;
  lastClock: number | undefined;
  dayOffset: number;
  /** What the lines read of the starting state (see IisStateUse). */
  usedCarried: boolean;
  usedSchemas: boolean;
  usedDate: boolean;
  dateSet: boolean;
  readonly fieldsSeen: string[];
}

export function savedState(p: ParseState): IisParserState {
  return {
    schemas: p.schemas.map((x) => x.key), dayOffset: p.dayOffset,
    ...(p.schema === undefined ? {} : { fields: p.schema.key }),
    ...(p.carried === undefined ? {} : { carried: p.carried.key }),
    ...(p.baseDate === undefined ? {} : { baseDate: p.baseDate }),
    ...(p.lastClock === undefined ? {} : { lastClock: p.lastClock }),
  };
}

export function stateUse(p: ParseState): IisStateUse {
  return { carried: p.usedCarried, schemas: p.usedSchemas, date: p.usedDate, fieldsSeen: [...p.fieldsSeen], dateSet: p.dateSet };
}

/** The next file of the same directory: directives and schemas reset, the last schema carried. */
export function beginFile(p: ParseState, next: string): void {
  p.carried = p.schema ?? p.carried;
  p.schema = undefined;
  p.schemas = [];
  p.baseDate = p.optionDate;
  p.lastClock = undefined;
  p.dayOffset = 0;
  p.source = next;
}
