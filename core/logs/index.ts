/**
 * Finding TLS 1.0/1.1 clients in server logs (Find-Tls365LegacyClient): pure parsers for IIS W3C and
 * Exchange SMTP protocol logs, format detection, and the per-client aggregator. The caller reads files,
 * decompresses and decodes them, and feeds lines; nothing here does I/O.
 */
export type {
  AlgId, HitEvent, IisHitEvent, InternalReason, LogEvent, LogFormat, LogParser, LogProtocol, MalformedEvent,
  MalformedReason, NoTlsFieldEvent, ParserStats, PlainEvent, ProtocolCode, SmtpHitEvent,
} from './types.js';
export { LOG_FORMATS } from './types.js';
export {
  cleanLine, createIisParser, fieldsDirectiveKey, IIS_DEFAULT_NAMES, IIS_FIELDS, iisCarriedAfter, iisFileStartState, iisStateAfter,
  iisStateFits, plusToSpace, type IisField, type IisParser, type IisParserOptions, type IisParserState, type IisStateUse,
} from './iis-w3c.js';
export { createExchangeSmtpParser, SMTP_DEFAULT_FIELDS, type SmtpParserOptions } from './exchange-smtp.js';
export {
  createAggregator, DISC_RULES, type AggregateOptionError, type AggregateResult, type AggregateState, type AggregateTotals, type Aggregator,
  type AggregatorOptions, type ClientRecord, type ForwardedCount, type MalformedSample, type NoTlsFieldRow, type SummaryRow,
} from './aggregate.js';
export { LOG_RULES, type LogRule } from './rules/index.js';
export { detectFormat, sniffCompression, type Compression, type DetectedFormat, type Detection } from './detect.js';
export { createLineSplitter, LONG_LINE_HEAD, longLineMessage, MAX_LOG_LINE, type LineSplitter, type LongLine, type SplitLine } from './lines.js';
export {
  ALG_ID_SOURCES, ALG_IDS, algIdFromConstant, CRYPT_PROTOCOL_SOURCES, decodeAlgId, decodeCryptProtocol, isLegacyProtocol,
  LEGACY_PROTOCOLS, SMTP_PROTOCOL_SOURCES,
} from './codes.js';
export { forwardedClient, looksLikeIp, normalizeIp, splitEndpoint, type Endpoint } from './ip.js';
export { parseInstant } from './time.js';
export { parseCsvLine, tokenizeW3c } from './tokenize.js';
export { createIisByteFilter, filteredLineText, filterFieldsKey, type FilteredLine, type IisByteFilter, type IisByteFilterStart } from './byte-filter.js';
