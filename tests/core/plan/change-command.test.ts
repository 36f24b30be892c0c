import { strict as assert } from 'node:assert';
import { changeCommand } from '../../../core/plan/change-command.js';

const SCH = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
const WOW = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

describe('core/plan/change-command.ts: a fix as a command an admin can paste (issue 17, item 2)', () => {
  it('writes reg.exe lines for plain keys, in the 64-bit view (/reg:64), DWORDs in hex', () => {
    assert.equal(changeCommand({ op: 'set-dword', key: SCH, name: 'Enabled', data: 1 }),
      `reg add "${SCH}" /v "Enabled" /t REG_DWORD /d 0x00000001 /f /reg:64`);
    assert.equal(changeCommand({ op: 'set-dword', key: WOW, name: 'DefaultSecureProtocols', data: 0xa80 }),
      `reg add "${WOW}" /v "DefaultSecureProtocols" /t REG_DWORD /d 0x00000a80 /f /reg:64`);
    assert.equal(changeCommand({ op: 'set-dword', key: SCH, name: 'Enabled', data: 0xffffffff }),
      `reg add "${SCH}" /v "Enabled" /t REG_DWORD /d 0xffffffff /f /reg:64`);
    assert.equal(changeCommand({ op: 'delete-value', key: SCH, name: 'DisabledByDefault' }),
      `reg delete "${SCH}" /v "DisabledByDefault" /f /reg:64`);
    assert.equal(changeCommand({ op: 'set-string', key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002', name: 'Functions', data: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' }),
      'reg add "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002" /v "Functions" /t REG_SZ /d "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" /f /reg:64');
  });

  it('falls back to PowerShell with single-quoted ASCII literals when cmd or PowerShell would read a character (", %, $, backtick, non-ASCII, a trailing backslash)', () => {
    for (const data of ['a"b', '%PATH%', '$env:x', 'a`b', 'suite\u00e9', 'x\\']) {
      const cmd = changeCommand({ op: 'set-string', key: SCH, name: 'Functions', data });
      assert.ok(cmd.startsWith(`New-Item -Path 'Registry::${SCH}' -Force | Out-Null; New-ItemProperty -LiteralPath 'Registry::${SCH}' -Name 'Functions' -PropertyType String -Value `), cmd);
      assert.match(cmd, /^[\x20-\x7e]+$/, 'printable ASCII only');
      assert.ok(!cmd.startsWith('reg '), cmd);
    }
    assert.match(changeCommand({ op: 'set-string', key: SCH, name: 'F', data: "it's \"x\"" }), /-Value 'it''s "x"' -Force/);
    assert.match(changeCommand({ op: 'set-string', key: SCH, name: 'F', data: "it's" }), /\/d "it's" \/f/, 'a single quote is plain text for reg.exe');
    assert.match(changeCommand({ op: 'set-string', key: SCH, name: 'F', data: 'caf\u00e9' }), /-Value \('caf' \+ \[char\]0x00E9\) -Force/);
    assert.equal(changeCommand({ op: 'set-dword', key: `${SCH}\\$x`, name: 'Enabled', data: 0xffffffff }),
      `New-Item -Path 'Registry::${SCH}\\$x' -Force | Out-Null; New-ItemProperty -LiteralPath 'Registry::${SCH}\\$x' -Name 'Enabled' -PropertyType DWord -Value 0xffffffff -Force | Out-Null  # 64-bit PowerShell`);
    assert.equal(changeCommand({ op: 'delete-value', key: SCH, name: '' }),
      `Remove-ItemProperty -LiteralPath 'Registry::${SCH}' -Name '' -ErrorAction SilentlyContinue  # 64-bit PowerShell`);
  });
});
