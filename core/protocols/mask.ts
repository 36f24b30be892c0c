import { fail, ok, type Result } from '../model/result.js';
import { formatHex, parseDword } from './dword.js';
import { layoutDefinition, type Layout } from './layouts.js';
import { PROTOCOLS, protocolFromName, type Protocol } from './names.js';

export interface DecodedMask {
  readonly value: number;
  readonly hex: string;
  readonly layout: Layout;
  readonly protocols: readonly Protocol[];
}

export type MaskError =
  | { readonly code: 'InvalidValue'; readonly message: string }
  | {
      readonly code: 'UnknownBits';
      readonly message: string;
      readonly value: number;
      /** The bits that are not a protocol of the vocabulary in this layout, as one mask and one by one. */
      readonly unknownBits: number;
      readonly unknownHex: readonly string[];
    }
  | { readonly code: 'UnknownProtocol'; readonly message: string; readonly names: readonly string[] };

/**
 * Decodes a DWORD into the protocols it enables, oldest first. Any set bit that is not one of the layout's
 * protocol bits is an `UnknownBits` error naming each such bit (and what it is, when Microsoft defines it,
 * such as SP_PROT_PCT1_CLIENT): a mask TLS365 cannot fully explain is never reported as if it could.
 */
export function decodeMask(input: unknown, layout: Layout): Result<DecodedMask, MaskError> {
  const parsed = parseDword(input);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const def = layoutDefinition(layout);
  let known = 0;
  const protocols: Protocol[] = [];
  for (const b of def.bits) {
    known |= b.bit;
    if ((value & b.bit) !== 0) protocols.push(b.protocol);
  }
  const unknownBits = (value & ~known) >>> 0;
  if (unknownBits !== 0) {
    const unknownHex: string[] = [];
    const named: string[] = [];
    for (let i = 0; i < 32; i += 1) {
      const bit = (2 ** i) >>> 0;
      if ((unknownBits & bit) === 0) continue;
      const hex = `0x${bit.toString(16).toUpperCase()}`;
      unknownHex.push(hex);
      const foreign = def.foreign.find((f) => f.bit === bit);
      named.push(foreign === undefined ? hex : `${hex} (${foreign.name})`);
    }
    return fail({
      code: 'UnknownBits',
      message: `${formatHex(value)} has bits that are not a protocol of layout ${layout} (${def.describes}): ${named.join(', ')}`,
      value,
      unknownBits,
      unknownHex,
    });
  }
  return ok({ value, hex: formatHex(value), layout, protocols: sortProtocols(protocols) });
}

/** Encodes protocol names (vocabulary names, any case) into the layout's DWORD. Duplicates are harmless. */
export function encodeMask(names: readonly string[], layout: Layout): Result<{ value: number; hex: string }, MaskError> {
  const def = layoutDefinition(layout);
  const unknown: string[] = [];
  let value = 0;
  for (const name of names) {
    const p = protocolFromName(name);
    const b = p === undefined ? undefined : def.bits.find((x) => x.protocol === p);
    if (b === undefined) unknown.push(name);
    else value |= b.bit;
  }
  if (unknown.length > 0) {
    return fail({
      code: 'UnknownProtocol',
      message: `not a protocol name: ${unknown.map((n) => JSON.stringify(n)).join(', ')}; use ${PROTOCOLS.join(', ')}`,
      names: unknown,
    });
  }
  value >>>= 0;
  return ok({ value, hex: formatHex(value) });
}

/** Sorts into vocabulary order (oldest first), without duplicates. */
export function sortProtocols(list: readonly Protocol[]): Protocol[] {
  return PROTOCOLS.filter((p) => list.includes(p));
}
