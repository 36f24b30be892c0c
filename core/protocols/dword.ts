import { fail, ok, type Result } from '../model/result.js';

export interface DwordError {
  readonly code: 'InvalidValue';
  readonly message: string;
}

const HEX = /^0x([0-9a-f]{1,8})$/i;
const DEC = /^-?[0-9]{1,10}$/;
const REG_DWORD = /^dword:([0-9a-f]{8})$/i;

/**
 * Reads a REG_DWORD as an admin may type or pipe it: a number (PowerShell's `0xFFFFFFFF` literal is the
 * Int32 -1, so negative Int32 values are taken as their two's complement), `0xA80`, `2688`, or regedit's
 * `dword:00000a80`. Anything else, or a value outside 0..0xFFFFFFFF, is an `InvalidValue` naming the input.
 */
export function parseDword(input: unknown): Result<number, DwordError> {
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= -0x80000000 && input <= 0xffffffff) return ok(input >>> 0);
    return fail({ code: 'InvalidValue', message: `${String(input)} is not a 32-bit registry DWORD (0 to 0xFFFFFFFF)` });
  }
  if (typeof input === 'string') {
    const text = input.trim();
    const hex = HEX.exec(text) ?? REG_DWORD.exec(text);
    if (hex?.[1] !== undefined) return ok(parseInt(hex[1], 16) >>> 0);
    if (DEC.test(text)) {
      const n = Number(text);
      if (n >= -0x80000000 && n <= 0xffffffff) return ok(n >>> 0);
    }
    const shown = JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}...` : input);
    return fail({ code: 'InvalidValue', message: `${shown} is not a DWORD: use a number such as 2688, 0xA80 or dword:00000a80` });
  }
  return fail({ code: 'InvalidValue', message: `a ${input === null ? 'null' : typeof input} is not a DWORD` });
}

/** `0x00000A80`: eight upper-case hex digits, the form regedit and Microsoft's tables use. */
export function formatHex(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}
