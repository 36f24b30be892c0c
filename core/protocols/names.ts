/**
 * The fixed protocol vocabulary of TLS365, oldest first. Every cmdlet, rule and report uses exactly these
 * names; the order here is the order in which protocols are always listed.
 */
export const PROTOCOLS = ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13'] as const;

export type Protocol = (typeof PROTOCOLS)[number];

const BY_LOWER = new Map<string, Protocol>(PROTOCOLS.map((p) => [p.toLowerCase(), p]));

/** Case-insensitive lookup of a vocabulary name (`tls12` -> `Tls12`); undefined for anything else. */
export function protocolFromName(name: string): Protocol | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/** Human label used in messages: `Tls12` -> `TLS 1.2`. */
export function protocolLabel(p: Protocol): string {
  switch (p) {
    case 'Ssl2': return 'SSL 2.0';
    case 'Ssl3': return 'SSL 3.0';
    case 'Tls10': return 'TLS 1.0';
    case 'Tls11': return 'TLS 1.1';
    case 'Tls12': return 'TLS 1.2';
    case 'Tls13': return 'TLS 1.3';
  }
}
