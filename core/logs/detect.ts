import { cleanLine } from './iis-w3c.js';

/**
 * Format detection from the first lines of a file (directives when there are any, the shape of the records
 * otherwise), and compression detection by magic bytes (docs/log-formats.md 5.26: by content, not by extension).
 */

export type DetectedFormat = 'IisW3C' | 'ExchangeSmtpReceive' | 'ExchangeSmtpSend' | 'Unknown';

export interface Detection {
  readonly format: DetectedFormat;
  /** True when the lines have no `#Fields` directive: the parser then needs a schema from elsewhere. */
  readonly headerless: boolean;
  /** What decided it, for messages. */
  readonly reason: string;
}

const IIS_RECORD = /^\s*\d{4}-\d{2}-\d{2}[ \t]+\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[ \t]|$)/;
const SMTP_RECORD = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z,/;
const W3C_FIELD = /^(?:date|time|date-local|time-local|c-ip|s-ip|cs-method|cs-uri-stem|cs-uri-query|s-port|sc-status|cs\(.*\)|s-sitename|time-taken)$/i;

/** Looks at up to the first 50 non-blank lines (BOM and CR tolerated). */
export function detectFormat(firstLines: readonly string[]): Detection {
  const lines: string[] = [];
  for (const raw of firstLines) {
    const line = cleanLine(raw);
    if (line.trim() !== '') lines.push(line);
    if (lines.length >= 50) break;
  }
  let logType: string | undefined;
  let software: string | undefined;
  let fields: string | undefined;
  for (const line of lines) {
    const m = /^#([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
    if (m === null) continue;
    const name = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (name === 'log-type' && logType === undefined) logType = value;
    else if (name === 'software' && software === undefined) software = value;
    else if (name === 'fields' && fields === undefined) fields = value;
  }
  const records = lines.filter((l) => !l.trimStart().startsWith('#'));
  const headerless = fields === undefined;

  if (logType !== undefined) {
    const lower = logType.toLowerCase();
    if (lower.includes('smtp receive')) return { format: 'ExchangeSmtpReceive', headerless, reason: `#Log-type: ${logType}` };
    if (lower.includes('smtp send')) return { format: 'ExchangeSmtpSend', headerless, reason: `#Log-type: ${logType}` };
    return { format: 'Unknown', headerless, reason: `#Log-type: ${logType} is not an SMTP protocol log (no TLS version is logged there)` };
  }
  if (fields !== undefined) {
    const csv = fields.split(',').map((f) => f.trim().toLowerCase());
    if (csv.includes('connector-id') && csv.includes('session-id')) {
      return { format: smtpDirection(records), headerless, reason: `#Fields: ${fields.slice(0, 80)}` };
    }
    const w3c = fields.split(/[ \t]+/).filter((f) => f !== '');
    if (w3c.some((f) => W3C_FIELD.test(f))) return { format: 'IisW3C', headerless, reason: `#Fields: ${fields.slice(0, 80)}` };
    return { format: 'Unknown', headerless, reason: `#Fields names no W3C or Exchange column: ${fields.slice(0, 80)}` };
  }
  if (software !== undefined && /internet information services/i.test(software)) {
    return { format: 'IisW3C', headerless, reason: `#Software: ${software}` };
  }
  const first = records[0];
  if (first !== undefined && SMTP_RECORD.test(first)) {
    return { format: smtpDirection(records), headerless, reason: 'records start with an ISO date-time and a comma (Exchange protocol log without directives)' };
  }
  if (first !== undefined && IIS_RECORD.test(first)) {
    return { format: 'IisW3C', headerless, reason: 'records start with a date and a time separated by spaces (W3C log without directives)' };
  }
  return { format: 'Unknown', headerless, reason: lines.length === 0 ? 'no non-blank line' : 'neither W3C nor Exchange protocol-log directives or records' };
}

/**
 * Receive or send, from the rows: a TLS row's role (`_SERVER` receive, `_CLIENT` send), else who sends EHLO
 * (`<,EHLO` the remote client: receive; `>,EHLO` this server: send). Receive when nothing tells.
 */
function smtpDirection(records: readonly string[]): 'ExchangeSmtpReceive' | 'ExchangeSmtpSend' {
  for (const r of records) {
    const m = /SP_PROT[-_][A-Z0-9_]+?[-_](SERVER|CLIENT)\b/.exec(r);
    if (m !== null) return m[1] === 'CLIENT' ? 'ExchangeSmtpSend' : 'ExchangeSmtpReceive';
  }
  for (const r of records) {
    if (/,>,(?:EHLO|HELO)\s/i.test(r)) return 'ExchangeSmtpSend';
    if (/,<,(?:EHLO|HELO)\s/i.test(r)) return 'ExchangeSmtpReceive';
  }
  return 'ExchangeSmtpReceive';
}

export type Compression = 'gzip' | 'zip' | 'none';

/** `1F 8B` gzip, `50 4B 03 04` zip (also `50 4B 05 06`, an empty zip); anything else is plain. */
export function sniffCompression(bytes: Uint8Array): Compression {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
  return 'none';
}
