import type { Protocol } from '../protocols/names.js';
import { directive, firstNonBlank } from './iis-w3c-directives.js';
import { buildSchema, mappedNames, namesOf, splitFields, type IisField, type Schema } from './iis-w3c-fields.js';
import { malformed, newRecordBase, newTokenView, record, skipCodesFor, skipsRecord } from './iis-w3c-records.js';
import { beginFile, savedState, stateUse, type IisParserState, type IisStateUse, type ParseState } from './iis-w3c-state.js';
import { cleanLine, longLineMessage, MAX_LOG_LINE, type LongLine } from './lines.js';
import { isDate } from './time.js';
import type { LogEvent, LogParser, ParserStats } from './types.js';

/**
 * Incremental parser for IIS W3C extended logs (docs/log-formats.md section 1; docs/domain-facts.md 9.1). The caller decodes bytes
 * (UTF-8, code page, gzip) and feeds one line at a time; the parser keeps only the current schema, the
 * schemas seen earlier in the same file and a few counters, so memory does not grow with the file.
 * Its parts: field mapping (iis-w3c-fields.ts), directive handling (iis-w3c-directives.ts), record decoding
 * (iis-w3c-records.ts) and its state between lines (iis-w3c-state.ts), all plain functions over one state.
 */

export { IIS_DEFAULT_NAMES, IIS_FIELDS, normName, splitFields, type IisField } from './iis-w3c-fields.js';
export { fieldsDirectiveKey } from './iis-w3c-directives.js';
export {
  iisCarriedAfter, iisFileStartState, iisStateAfter, iisStateFits, type IisParserState, type IisStateUse,
} from './iis-w3c-state.js';
export { cleanLine } from './lines.js';

export interface IisParserOptions {
  /** Names the file in events (a path or `archive.zip!u_ex240501.log`). */
  readonly source: string;
  /** Column names for fields, tried before the defaults (docs/log-formats.md 5.19). */
  readonly fieldMap?: Partial<Record<IisField, string>>;
  /**
   * The `#Fields` value to use for a file that starts without directives (a cut or continuation file,
   * docs/log-formats.md 5.7), for example the last schema seen in the same directory. Without it such records are
   * `malformed` with reason `no-schema`.
   */
  readonly fields?: string;
  /** `YYYY-MM-DD` for records of a file with no `date` column and no `#Date` directive. */
  readonly date?: string;
  /** Server ports that mean HTTPS for `no-tls-field` events; default 443 and 444 (Exchange back end). */
  readonly httpsPorts?: readonly number[];
  /**
   * Speed: when given, a plain record (single-space separated, the schema's field count, no quotes) whose
   * crypt-protocol field is the code of a known protocol NOT in this list is left unparsed and counted in
   * `stats().skipped`. Selected, unknown and odd lines are parsed as usual, so nothing the caller asked for
   * is lost; only the per-protocol totals of unselected protocols are no longer counted.
   */
  readonly onlyProtocols?: readonly Protocol[];
  /**
   * Start inside a file rather than at its beginning, from the state another parser reported there with
   * `state()`: for a reader that splits one large file into line-aligned byte ranges and parses them apart.
   * `stateUse()` then tells which parts of this starting state the lines actually read (`iisStateFits`).
   */
  readonly state?: IisParserState;
}

/** The IIS parser: a LogParser whose position inside a file can be saved and checked (see `state`). */
export interface IisParser extends LogParser {
  /** The state after the last line pushed, for the parser of the next range of the same file. */
  state(): IisParserState;
  stateUse(): IisStateUse;
}

export function createIisParser(options: IisParserOptions): IisParser {
  const p = newParseState(options);
  return {
    pushLine: (line: string | LongLine, lineNo: number): LogEvent[] => pushLine(p, line, lineNo),
    end(): LogEvent[] {
      return [];
    },
    beginFile: (next: string): void => beginFile(p, next),
    stats: (): ParserStats => ({ ...p.counts }),
    state: (): IisParserState => savedState(p),
    stateUse: (): IisStateUse => stateUse(p),
  };
}

function newParseState(options: IisParserOptions): ParseState {
  const mapped = mappedNames(options.fieldMap);
  const optionDate = options.date !== undefined && isDate(options.date) ? options.date : undefined;
  const p: ParseState = {
    mapped,
    httpsPorts: new Set<number>(options.httpsPorts ?? [443, 444]),
    optionDate,
    skipCodes: skipCodesFor(options.onlyProtocols),
    view: newTokenView(),
    base: newRecordBase(),
    counts: { lines: 0, blank: 0, directives: 0, records: 0, hits: 0, plain: 0, noTlsField: 0, malformed: 0, recovered: 0, skipped: 0 },
    source: options.source,
    schema: undefined,
    schemas: [],
    carried: options.fields === undefined ? undefined : buildSchema(mapped, splitFields(options.fields)),
    baseDate: optionDate,
    lastClock: undefined,
    dayOffset: 0,
    usedCarried: false,
    usedSchemas: false,
    usedDate: false,
    dateSet: false,
    fieldsSeen: [],
  };
  if (options.state !== undefined) restore(p, options.state);
  return p;
}

/** Starts inside a file, from the state another parser reported there (`IisParserOptions.state`). */
function restore(p: ParseState, st: IisParserState): void {
  const schemaOf = (key: string): Schema => buildSchema(p.mapped, namesOf(key));
  p.schemas = st.schemas.map(schemaOf);
  if (st.fields !== undefined) {
    const key = st.fields;
    p.schema = p.schemas.find((s) => s.key === key);
    if (p.schema === undefined) {
      p.schema = schemaOf(key);
      p.schemas.push(p.schema);
    }
  }
  p.carried = st.carried === undefined ? undefined : schemaOf(st.carried);
  p.baseDate = st.baseDate;
  p.lastClock = st.lastClock;
  p.dayOffset = st.dayOffset;
}

function pushLine(p: ParseState, line: string | LongLine, lineNo: number): LogEvent[] {
  p.counts.lines += 1;
  if (typeof line !== 'string') {
    p.counts.records += 1;
    return [malformed(p, lineNo, line.head, { reason: 'too-long', message: longLineMessage(p.source, lineNo, line), expected: MAX_LOG_LINE, actual: line.length })];
  }
  const text = cleanLine(line);
  const first = firstNonBlank(text);
  if (first === text.length) {
    p.counts.blank += 1;
    return [];
  }
  if (text.charCodeAt(first) === 35) {
    directive(p, first === 0 ? text : text.slice(first));
    return [];
  }
  p.counts.records += 1;
  const schema = p.schema;
  if (p.skipCodes !== null && schema !== undefined && schema.idx.protocol >= 0) {
    if (skipsRecord(p, schema, text)) {
      p.counts.skipped += 1;
      return [];
    }
    return record(p, text, lineNo, true);
  }
  return record(p, text, lineNo, false);
}

/** For display only: IIS writes `+` for every space in user agents and other header values (docs/log-formats.md 5.11). */
export function plusToSpace(text: string): string {
  return text.replace(/\+/g, ' ');
}
