/** UTF-16LE code units of `text` as bytes, no BOM (the payload of hex(1), hex(2) and hex(7) values). */
export function utf16leBytes(text: string): number[] {
  const out = new Array<number>(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    const u = text.charCodeAt(i);
    out[2 * i] = u & 0xff;
    out[2 * i + 1] = u >> 8;
  }
  return out;
}

/**
 * The bytes of a .reg file as regedit writes it: BOM FF FE, then UTF-16LE. Code units are copied as they
 * are, so a lone surrogate survives the trip (the registry stores UTF-16 code units, not Unicode text).
 */
export function encodeUtf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0, o = 2; i < text.length; i += 1, o += 2) {
    const u = text.charCodeAt(i);
    out[o] = u & 0xff;
    out[o + 1] = u >> 8;
  }
  return out;
}
