import { visible } from '../model/visible.js';
import { BAD_BYTES_ADVICE, type RegFileParseResult } from '../regfile/index.js';

/**
 * Whether an image file may be written back: Set-Tls365Protocols and Undo-Tls365Change refuse an image whose
 * rewrite would change more than the values they change.
 *
 * The writer never patches bytes: it renders the whole image again as regedit "Version 5.00" UTF-16LE
 * (renderRegFile, encodeUtf16le), so a UTF-8 or ANSI image changes encoding and its comments and layout are
 * written anew. What must survive is what the file says: every key, value name and data the change does not
 * touch. It survives exactly when the decoding lost nothing, and decodeRegBytes is lossless but for one case,
 * which it reports (`BadEncoding`): bytes that are not valid in the encoding the file declares (a stray 0xFF in
 * a file with a UTF-8 BOM, an odd last byte of a UTF-16 file) were read as U+FFFD, and writing the image would
 * store U+FFFD in their place for good. That diagnostic is the test, rather than comparing bytes: a byte
 * comparison fails for every UTF-8 or ANSI image (the writer writes UTF-16LE), and one limited to the untouched
 * parts would need to know which value each byte belongs to, which the image model does not keep. The refusal
 * is therefore conservative: bad bytes inside a value the plan replaces, or in a comment, refuse too. Re-exporting
 * the image (or fixing the bytes) serves every case.
 */
export interface RewriteRefusal {
  /** 1-based line of the first bad byte. */
  readonly line: number;
  /** `file:line: what`, why the image is left alone and what to do; control characters as \xHH. */
  readonly message: string;
}

/** Why the parsed image cannot be written back without changing bytes outside the changed values, or null when it can. */
export function rewriteRefusal(parsed: RegFileParseResult): RewriteRefusal | null {
  const bad = parsed.warnings.find((w) => w.code === 'BadEncoding');
  if (bad === undefined) return null;
  return {
    line: bad.line,
    message: visible(
      `${bad.file}:${bad.line}: ${bad.message}. TLS365 writes a changed image whole, as regedit does (UTF-16LE), so U+FFFD would ` +
      `replace those bytes for good; the image was left unchanged, byte for byte: ${BAD_BYTES_ADVICE}, then run the command again.`,
    ),
  };
}
