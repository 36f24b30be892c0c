/**
 * Text read from an input (a `.reg` image, a snapshot, a file that failed to parse) made safe to print.
 *
 * Such text can hold terminal control sequences: `\x1B]0;title\x07` retitles the window, `\x1B[2J` clears the
 * screen, 0x9B is an 8-bit CSI, and a CR or LF in a machine name forges a line of output. Whatever the core
 * reports (machine and OS names, finding messages and fixes, component reasons, diagnostics) therefore goes
 * through `visible`: each C0 control (U+0000-U+001F, tab, CR and LF included), DEL (U+007F) and C1 control
 * (U+0080-U+009F) becomes `\x` and two upper-case hex digits, so ESC reads `\x1B` and the machine can still be
 * told apart and found. Everything else, backslashes included (registry paths are full of them), is kept: a
 * name spelled with a literal `\x1B` looks the same, which is acceptable for display. Raw data (snapshots
 * returned as such, registry values written back to an image) is never passed through here.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** `text` with every C0 control, DEL and C1 control written as `\xHH`; the same string when there is none. */
export function visible(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, hex) : text;
}
