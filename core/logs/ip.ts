/**
 * IP address helpers for grouping log clients (docs/log-formats.md 5.14 and 5.20). Pure string work; nothing resolves.
 */

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const PORT = /^\d{1,5}$/;

/**
 * The form to group by: IPv4 unchanged; IPv6 without brackets and zone id (`fe80::1%12` -> `fe80::1`), in
 * RFC 5952 form (lower case, longest zero run compressed), IPv4-mapped addresses as IPv4
 * (`::ffff:192.0.2.1` -> `192.0.2.1`). Anything else is returned trimmed of brackets/zone, lower-cased.
 * Keep the raw token next to it: the zone can matter to the admin.
 */
export function normalizeIp(raw: string): string {
  if (raw.indexOf(':') < 0 && raw.indexOf('[') < 0) return raw;
  let s = raw;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    s = end > 0 ? s.slice(1, end) : s.slice(1);
  }
  s = stripZone(s);
  const groups = parseIpv6(s);
  if (groups === undefined) return s.toLowerCase();
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return formatIpv6(groups);
}

function stripZone(s: string): string {
  const pct = s.indexOf('%');
  return pct >= 0 ? s.slice(0, pct) : s;
}

/** The eight 16-bit groups of an IPv6 address (zone already removed), or undefined. */
export function parseIpv6(s: string): number[] | undefined {
  if (s.length < 2 || s.length > 45) return undefined;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return undefined;
  if (dbl < 0) {
    const all = parseGroups(s, true);
    return all !== undefined && all.length === 8 ? all : undefined;
  }
  const head = s.slice(0, dbl);
  const tail = s.slice(dbl + 2);
  const h = head === '' ? [] : parseGroups(head, false);
  const t = tail === '' ? [] : parseGroups(tail, true);
  if (h === undefined || t === undefined) return undefined;
  const fill = 8 - h.length - t.length;
  if (fill < 1) return undefined;
  const zeros: number[] = [];
  for (let i = 0; i < fill; i += 1) zeros.push(0);
  return [...h, ...zeros, ...t];
}

function parseGroups(part: string, allowV4Tail: boolean): number[] | undefined {
  const parts = part.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i] ?? '';
    if (i === parts.length - 1 && allowV4Tail && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (v4 === undefined) return undefined;
      out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      continue;
    }
    if (!HEX_GROUP.test(p)) return undefined;
    out.push(parseInt(p, 16));
  }
  return out;
}

function parseIpv4(s: string): number[] | undefined {
  if (!IPV4.test(s)) return undefined;
  const octets = s.split('.').map((o) => Number(o));
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i += 1; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** True for an IPv4 dotted quad or a parseable IPv6 address (brackets and zone allowed). */
export function looksLikeIp(text: string): boolean {
  if (IPV4.test(text)) return parseIpv4(text) !== undefined;
  if (text.indexOf(':') < 0) return false;
  let s = text;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  return parseIpv6(stripZone(s)) !== undefined;
}

export interface Endpoint {
  readonly address: string;
  readonly port?: number;
}

/**
 * Splits `ip:port` as Exchange logs endpoints: `1.2.3.4:25`, `[2001:db8::1]:25`, and a bare
 * `2001:db8::1:25` split on the last colon (docs/log-formats.md 2.3, docs/domain-facts.md 9.3) when what is left is still an IPv6
 * address. Text without a port comes back whole.
 */
export function splitEndpoint(text: string): Endpoint {
  const s = text.trim();
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end > 0) {
      const address = s.slice(1, end);
      const rest = s.slice(end + 1);
      if (rest.startsWith(':') && PORT.test(rest.slice(1))) return { address, port: Number(rest.slice(1)) };
      return { address };
    }
  }
  const last = s.lastIndexOf(':');
  if (last < 0) return { address: s };
  const portText = s.slice(last + 1);
  if (!PORT.test(portText)) return { address: s };
  const address = s.slice(0, last);
  if (s.indexOf(':') === last) return { address, port: Number(portText) };
  if (parseIpv6(stripZone(address)) !== undefined) return { address, port: Number(portText) };
  return { address: s };
}

/**
 * The client behind a load balancer or proxy, from an X-Forwarded-For style value (`X-Forwarded-For`,
 * `OriginalIP`, `OriginalClientIP`). IIS writes `203.0.113.5,+10.0.0.9` (`+` for the space): `+` becomes a
 * space and the list is split on commas; its first element is the originating client, the others the proxies
 * it went through (`<client>, <proxy1>, <proxy2>`, the de-facto syntax MDN documents; docs/log-formats.md 1.5,
 * 5.20, T7). A port and brackets are dropped and the address normalised (`normalizeIp`). When the first element
 * is not an address (`unknown`, an obfuscated name) but a later one is, the request still came through a proxy:
 * `unknown` is returned. A value naming no address at all (`-`, `unknown`, text) gives undefined: no proxy seen.
 * This is never the TLS peer: the crypt-* fields describe IIS's TLS session with the TCP peer, `c-ip`.
 */
export function forwardedClient(raw: string): string | undefined {
  let first: string | undefined;
  let named = false;
  for (const part of raw.split(',')) {
    const text = part.replace(/\+/g, ' ').trim();
    if (text === '' || text === '-') continue;
    const address = splitEndpoint(text).address;
    const ip = looksLikeIp(address);
    if (first === undefined) first = ip ? normalizeIp(address) : 'unknown';
    if (ip) {
      named = true;
      break;
    }
  }
  return named ? first : undefined;
}

/** `::1` and 127.0.0.0/8 after normalisation (docs/log-formats.md 5.21). */
export function isLoopback(normalized: string): boolean {
  return normalized === '::1' || normalized.startsWith('127.');
}
