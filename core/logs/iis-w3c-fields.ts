/**
 * Field mapping of the IIS W3C parser (iis-w3c.ts): the logical fields TLS365 reads, the column names that
 * mean them, and a `#Fields` schema resolved to column positions.
 */

/** The logical fields TLS365 reads; `fieldMap` maps any of them to the column name an admin chose. */
export const IIS_FIELDS = [
  'date', 'time', 'clientIp', 'serverIp', 'serverPort', 'method', 'uri', 'username', 'userAgent', 'site',
  'status', 'win32Status', 'protocol', 'cipher', 'hash', 'keyExchange', 'forwardedFor',
] as const;
export type IisField = (typeof IIS_FIELDS)[number];

/**
 * Column names recognised without a mapping. Names are compared case-insensitively with `_` read as `-`,
 * so `crypt-protocol`, `Crypt-Protocol`, `crypt_protocol` and the server-variable name `CRYPT_PROTOCOL` are
 * one name (docs/log-formats.md 1.5 and 5.19; docs/domain-facts.md 9.1). `date-local`/`time-local` are IIS Advanced Logging's.
 * The forwarded-for names are those docs/log-formats.md 1.5 reports seen in the field.
 */
export const IIS_DEFAULT_NAMES: { readonly [F in IisField]: readonly string[] } = {
  date: ['date', 'date-local'],
  time: ['time', 'time-local'],
  clientIp: ['c-ip'],
  serverIp: ['s-ip'],
  serverPort: ['s-port'],
  method: ['cs-method'],
  uri: ['cs-uri-stem'],
  username: ['cs-username'],
  userAgent: ['cs(user-agent)'],
  site: ['s-sitename'],
  status: ['sc-status'],
  win32Status: ['sc-win32-status'],
  protocol: ['crypt-protocol'],
  cipher: ['crypt-cipher', 'crypt-cipher-alg-id'],
  hash: ['crypt-hash', 'crypt-hash-alg-id'],
  keyExchange: ['crypt-keyexchange', 'crypt-keyexchange-alg-id'],
  forwardedFor: ['x-forwarded-for', 'cs(x-forwarded-for)', 'originalip', 'originalclientip'],
};

export type FieldIndex = { [F in IisField]: number };

export interface Schema {
  readonly key: string;
  readonly count: number;
  readonly idx: FieldIndex;
  /** The time column is `time-local`: event times carry no `Z`. */
  readonly local: boolean;
}

export const normName = (name: string): string => name.toLowerCase().replace(/_/g, '-');

export function splitFields(value: string): string[] {
  return value.split(/[ \t]+/).filter((n) => n !== '');
}

/** Schemas are keys: the column names, normalised (`normName`), joined by one space. */
export const keyOf = (names: readonly string[]): string => names.map(normName).join(' ');
export const namesOf = (key: string): string[] => (key === '' ? [] : key.split(' '));

/** The option's column names, normalised, for the fields it maps. */
export function mappedNames(fieldMap: Partial<Record<IisField, string>> | undefined): Partial<Record<IisField, string>> {
  const mapped: Partial<Record<IisField, string>> = {};
  for (const f of IIS_FIELDS) {
    const name = fieldMap?.[f];
    if (name !== undefined && name.trim() !== '') mapped[f] = normName(name.trim());
  }
  return mapped;
}

/** The position of every field in `names`: the mapped column first, then the default names; -1 when absent. */
export function buildSchema(mapped: Partial<Record<IisField, string>>, names: readonly string[]): Schema {
  const lower = names.map(normName);
  const idx = {} as FieldIndex;
  for (const f of IIS_FIELDS) {
    const want = mapped[f];
    let at = want === undefined ? -1 : lower.indexOf(want);
    for (const candidate of IIS_DEFAULT_NAMES[f]) {
      if (at >= 0) break;
      at = lower.indexOf(candidate);
    }
    idx[f] = at;
  }
  const timeName = idx.time >= 0 ? lower[idx.time] ?? '' : '';
  return { key: lower.join(' '), count: names.length, idx, local: timeName.endsWith('-local') };
}
