import type { RegChange } from '../readiness/model.js';
import { psLiteral } from './ps-literal.js';

/**
 * One registry change as a command an admin can paste (issue 17, item 2), in cmd.exe or PowerShell alike:
 * `reg add "<key>" /v <name> /t REG_DWORD /d 0x00000a00 /f /reg:64` (or `reg delete ... /v <name> /f /reg:64`).
 * `/reg:64` writes the 64-bit view from a 32-bit host too, so a `WOW6432Node` path means exactly that key.
 * reg.exe is used only where every part is plain text that both shells take literally inside double quotes:
 * printable ASCII without `"`, `%` (cmd expands `%VAR%`), `$` or a backtick (PowerShell expands them), and
 * without a trailing backslash (it would escape the closing quote). Anything else gets PowerShell lines with
 * ASCII-only single-quoted literals (psLiteral), which take every character as written; they address the key
 * through the `Registry::` provider path, the view of the host that runs them (say so: 64-bit PowerShell).
 * A DWORD is written in hex in both forms (PowerShell reads 0xFFFFFFFF as the Int32 -1, which is that DWORD).
 */
const REG_SAFE = /^[\x20-\x7e]*$/;
const REG_UNSAFE = /["%$`]/;
const regSafe = (s: string): boolean => REG_SAFE.test(s) && !REG_UNSAFE.test(s) && !s.endsWith('\\');

export function changeCommand(c: RegChange): string {
  const parts = c.op === 'set-string' ? [c.key, c.name, c.data] : [c.key, c.name];
  if (parts.every(regSafe) && c.name !== '') {
    switch (c.op) {
      case 'set-dword':
        return `reg add "${c.key}" /v "${c.name}" /t REG_DWORD /d 0x${c.data.toString(16).padStart(8, '0')} /f /reg:64`;
      case 'set-string':
        return `reg add "${c.key}" /v "${c.name}" /t REG_SZ /d "${c.data}" /f /reg:64`;
      case 'delete-value':
        return `reg delete "${c.key}" /v "${c.name}" /f /reg:64`;
    }
  }
  const path = psLiteral(`Registry::${c.key}`);
  switch (c.op) {
    case 'set-dword':
      return `New-Item -Path ${path} -Force | Out-Null; New-ItemProperty -LiteralPath ${path} -Name ${psLiteral(c.name)} -PropertyType DWord -Value 0x${c.data.toString(16).padStart(8, '0')} -Force | Out-Null  # 64-bit PowerShell`;
    case 'set-string':
      return `New-Item -Path ${path} -Force | Out-Null; New-ItemProperty -LiteralPath ${path} -Name ${psLiteral(c.name)} -PropertyType String -Value ${psLiteral(c.data)} -Force | Out-Null  # 64-bit PowerShell`;
    case 'delete-value':
      return `Remove-ItemProperty -LiteralPath ${path} -Name ${psLiteral(c.name)} -ErrorAction SilentlyContinue  # 64-bit PowerShell`;
  }
}
