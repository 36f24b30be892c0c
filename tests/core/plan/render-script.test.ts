import { strict as assert } from 'node:assert';
import {
  PLAN_SCHEMA, planRemediation, psLiteral, psQuote, renderScript, type Plan, type PlanChange, type ScriptKind,
} from '../../../core/plan/index.js';
import { acceptance, caseId, INJECTIONS } from './support';

/*
 * The PowerShell the plan becomes, checked without running PowerShell: a tokenizer-free whitelist. Every
 * line of a rendered script is either a line of the fixed template (identical to the same line of a
 * script rendered from a harmless plan) or a data line that matches one strict pattern, in which every
 * string is a single-quoted literal ('' inside) or [char]0xHHHH joined with +. Decoding those literals
 * gives back exactly the key, name and data that went in, so nothing was lost and nothing else can run.
 * (The same scripts were also parsed with PowerShell 7.6's own parser while this was written: no parse
 * errors, no command or subexpression in the data block; see the issue note.)
 */

const KINDS: readonly ScriptKind[] = ['apply', 'sccm-discovery', 'sccm-remediation', 'intune-detection', 'intune-remediation'];
const ROOT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\TLS365Test';

/** Characters no script can hold safely: refused, never escaped. */
const REFUSED: readonly string[] = ['\0', '\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029'];

function change(key: string, name: string, op: PlanChange['op'], d: number | string = 1): PlanChange {
  const base = { key, name, before: null, createsKey: false, owner: 'WinInet' as const, components: ['WinInet' as const], fixes: [], restart: 'apps' as const, reason: 'x' };
  if (op === 'delete-value') return { ...base, op };
  if (op === 'set-string') return { ...base, op, data: String(d) };
  return { ...base, op, data: Number(d) };
}

const planOf = (changes: PlanChange[]): Plan => ({
  schema: PLAN_SCHEMA, computerName: 't', target: { build: 17763, x64: true }, settings: { protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: ['WinInet'], roles: [] },
  changes, updates: [{ kb: 'KB3140245', ruleIds: [], components: [], text: '' }], restart: 'reboot', warnings: [], unresolved: [], components: [],
});

/** One of each operation per text, under HKLM and HKCU. */
function evilChanges(texts: readonly string[]): PlanChange[] {
  return texts.flatMap((t, i) => [
    change(`${ROOT}\\${t}\\k${i}`, t, 'set-string', t),
    change(`${ROOT}\\k${i}${t}`, `n${i}${t}`, 'set-dword', 0xffffffff),
    change(`HKEY_CURRENT_USER\\Software\\${t}${i}`, `${t}d`, 'delete-value'),
  ]);
}

function script(plan: Plan, kind: ScriptKind): string {
  const r = renderScript(plan, kind);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

// ---------------------------------------------------------------------------------------- the whitelist

const LIT = String.raw`'(?:[^']|'')*'`;
const CHR = String.raw`\[char\]0x[0-9A-F]{4}`;
const EXPR = String.raw`(?:${LIT}|\((?:${LIT})(?: \+ (?:${LIT}|${CHR}))+\))`;
const HEAD = String.raw`^    @\{ Hive = '(LocalMachine|CurrentUser)'; Key = (${EXPR}); Name = (${EXPR}); Kind = `;
const DATA_LINES: readonly RegExp[] = [
  new RegExp(`${HEAD}'DWord'; Data = ([0-9]{1,10}) \\}$`),
  new RegExp(`${HEAD}'String'; Data = (${EXPR}) \\}$`),
  new RegExp(`${HEAD}'Delete'; Data = \\$null \\}$`),
];
const UPDATES_LINE = new RegExp(String.raw`^\$updates = @\((?:${EXPR}(?:, ${EXPR})*)?\)$`);
/** The machine the plan is for: digits or $null, $true/$false/$null, nothing else (issue 15). */
const TARGET_LINE = /^\$planTarget = @\{ Build = (?:[0-9]{1,6}|\$null); X64 = (?:\$true|\$false|\$null) \}$/;

/** The value of a whitelisted expression, decoded the way PowerShell reads it. */
function decode(expr: string): string {
  let out = '';
  const token = new RegExp(`${LIT}|${CHR}| \\+ |[()]`, 'gy');
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = token.exec(expr)) !== null) {
    const t = m[0];
    seen += t.length;
    if (t.startsWith("'")) out += t.slice(1, -1).replace(/''/g, "'");
    else if (t.startsWith('[char]')) out += String.fromCharCode(parseInt(t.slice(8), 16));
  }
  assert.equal(seen, expr.length, `not fully decoded: ${expr}`);
  return out;
}

interface Split {
  readonly template: string[];
  readonly data: { readonly hive: string; readonly key: string; readonly name: string; readonly kind: string; readonly data: string | number | null; readonly literals: number }[];
}

/** Separates a rendered script into template lines and parsed data lines; fails on any line that is neither. */
function split(text: string): Split {
  assert.match(text, /^[\x20-\x7e\r\n]*$/, 'the script is printable ASCII with line breaks only');
  assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'CRLF line endings only');
  const lines = text.split('\r\n');
  const template: string[] = [];
  const data: Split['data'][number][] = [];
  let inData = false;
  for (const line of lines) {
    if (line === '$changes = @(') {
      inData = true;
      template.push(line);
      continue;
    }
    if (inData && line === ')') {
      inData = false;
      template.push(line);
      continue;
    }
    if (inData) {
      const hit = DATA_LINES.map((re) => re.exec(line)).find((x) => x !== null);
      assert.ok(hit !== undefined && hit !== null, `data line outside the whitelist: ${line}`);
      const [, hive = '', key = '', name = '', d] = hit;
      const kind = /Kind = '(\w+)'/.exec(line)?.[1] ?? '';
      const literals = (line.match(new RegExp(LIT, 'g')) ?? []).length;
      data.push({ hive, key: decode(key), name: decode(name), kind, data: kind === 'DWord' ? Number(d) : kind === 'String' ? decode(d ?? '') : null, literals });
      continue;
    }
    if (line.startsWith('$planTarget = ')) {
      assert.match(line, TARGET_LINE);
      template.push('$planTarget = <target>');
      continue;
    }
    if (line.startsWith('$updates = ')) {
      assert.match(line, UPDATES_LINE);
      template.push('$updates = <list>');
      continue;
    }
    template.push(line);
  }
  return { template, data };
}

/** How many single-quoted literals psLiteral makes of a text: one per run of printable ASCII (one '' for an empty text). */
const literalCount = (t: string): number => (t === '' ? 1 : (t.match(/[\x20-\x7e]+/g) ?? []).length + (/^[^\x20-\x7e]/.test(t) ? 1 : 0));

describe('plan: PowerShell literals', () => {
  it('psQuote doubles every character PowerShell reads as a single quote, including U+2018..U+201B', () => {
    assert.equal(psQuote("it's"), "'it''s'");
    assert.equal(psQuote('\u2018a\u2019b\u201Ac\u201Bd'), "'\u2018\u2018a\u2019\u2019b\u201A\u201Ac\u201B\u201Bd'");
    assert.equal(psQuote('$(x) `"'), "'$(x) `\"'");
  });
  it('psLiteral stays ASCII: printable runs quoted, anything else as [char], starting with a string so + concatenates', () => {
    assert.equal(psLiteral(''), "''");
    assert.equal(psLiteral("a'b"), "'a''b'");
    assert.equal(psLiteral('\u2018x\u2019'), "('' + [char]0x2018 + 'x' + [char]0x2019)");
    assert.equal(psLiteral('caf\u00e9'), "('caf' + [char]0x00E9)");
    assert.equal(psLiteral('\u2019'), "('' + [char]0x2019)", 'a lone [char] would be a System.Char, not a string');
    assert.equal(psLiteral('\u{1F600}'), "('' + [char]0xD83D + [char]0xDE00)");
    for (const t of INJECTIONS) assert.equal(decode(psLiteral(t)), t, JSON.stringify(t));
  });
});

describe('plan: PowerShell scripts', () => {
  const benign = planOf([change(`${ROOT}\\Plain`, 'Value', 'set-dword', 1)]);
  for (const kind of KINDS) {
    it(`${kind}: every injected key, name and string stays inside literals, decodes back exactly, and the rest is the fixed template`, () => {
      const evil = planOf(evilChanges(INJECTIONS));
      const s = split(script(evil, kind));
      const t = split(script(benign, kind));
      assert.deepEqual(s.template, t.template, 'template lines differ from a harmless plan\'s');
      assert.equal(s.data.length, evil.changes.length);
      evil.changes.forEach((c, i) => {
        const d = s.data[i];
        assert.ok(d !== undefined);
        const slash = c.key.indexOf('\\');
        assert.equal(d.hive, c.key.startsWith('HKEY_CURRENT_USER') ? 'CurrentUser' : 'LocalMachine');
        assert.equal(d.key, c.key.slice(slash + 1));
        assert.equal(d.name, c.name);
        assert.equal(d.data, c.op === 'delete-value' ? null : c.data);
        const expected = 2 + literalCount(d.key) + literalCount(d.name) + (c.op === 'set-string' ? literalCount(c.data) : 0);
        assert.equal(d.literals, expected, `literal tokens in ${JSON.stringify(c.name)}`);
      });
      for (const q of ['\u2018', '\u2019', '\u201A', '\u201B']) assert.ok(!script(evil, kind).includes(q));
    });

    it(`${kind}: NUL and line breaks in a key, a name or a string are refused as plan errors`, () => {
      for (const bad of REFUSED) {
        for (const c of [change(`${ROOT}\\a${bad}b`, 'n', 'set-dword'), change(ROOT, `a${bad}b`, 'set-dword'), change(ROOT, 'n', 'set-string', `a${bad}b`)]) {
          const r = renderScript(planOf([c]), kind);
          assert.equal(r.ok, false, JSON.stringify(bad));
          assert.ok(!r.ok && r.error.every((e) => e.code === 'UnsafeText'));
        }
      }
      const hive = renderScript(planOf([change('HKEY_CLASSES_ROOT\\x', 'n', 'set-dword')]), kind);
      assert.ok(!hive.ok && hive.error[0]?.code === 'BadKey');
      const kb = renderScript({ ...benign, updates: [{ kb: "KB1'; Stop-Computer; '", ruleIds: [], components: [], text: '' }] }, kind);
      assert.ok(!kb.ok && kb.error[0]?.path === 'updates[0].kb');
    });

    it(`${kind}: Windows PowerShell 5.1 syntax only`, () => {
      const text = script(benign, kind);
      for (const banned of [/\?\?/, /\?\./, / && /, / \|\| /, /^\s*class\s/m, /::new\(/, /-Parallel/, /\$IsWindows/, /using namespace/, /\bclean\s*\{/, /-AsHashtable/]) {
        assert.doesNotMatch(text, banned);
      }
      assert.match(text, /^Set-StrictMode -Version 2\.0$/m);
      assert.match(text, /^\$ErrorActionPreference = 'Stop'$/m);
      assert.match(text, /\[Microsoft\.Win32\.RegistryView\]::Registry64/);
    });
  }

  it('apply and remediation: ShouldProcess (-WhatIf), backup written before the first write, each value verified, exit 1 on failure', () => {
    for (const kind of ['apply', 'sccm-remediation', 'intune-remediation'] as const) {
      const text = script(benign, kind);
      assert.match(text, /^\[CmdletBinding\(SupportsShouldProcess = \$true, ConfirmImpact = 'Medium'\)\]$/m);
      const backup = text.indexOf("$PSCmdlet.ShouldProcess($BackupPath, 'Write TLS365 registry backup')");
      const write = text.indexOf('try { Set-Tls365Change -Change $change }');
      const verify = text.indexOf('$after = Get-Tls365ValueState -Change $change');
      assert.ok(backup > 0 && write > backup && verify > write, 'backup, then write, then verify');
      assert.match(text, /if \(-not \$PSCmdlet\.ShouldProcess\(\$target, 'Set registry value'\)\) \{ continue \}/);
      assert.match(text, /Test-Tls365Change -Change \$change -State \$after/);
      assert.match(text, /^\s+exit 1$/m);
      assert.match(text, /if \(Test-Tls365Change -Change \$change -State \$state\) \{ \$unchanged\+\+ \}/, 'values already in place are left alone (idempotent)');
    }
    assert.match(script(benign, 'sccm-remediation'), /'TLS365\\Backup\\SCCM'/);
    assert.match(script(benign, 'intune-remediation'), /'TLS365\\Backup\\Intune'/);
    // The detection helpers are in the detection scripts only.
    for (const kind of ['apply', 'sccm-remediation', 'intune-remediation'] as const) assert.ok(!script(benign, kind).includes('function Get-Tls365Difference'), kind);
    for (const kind of ['sccm-discovery', 'intune-detection'] as const) assert.ok(script(benign, kind).includes('function Get-Tls365Difference'), kind);
  });

  it('Intune detection: Compliant and exit 0, else one line of at most 2,048 characters and exit 1; writes nothing (issue 15)', () => {
    const text = script(benign, 'intune-detection');
    assert.match(text, /^    Write-Output 'Compliant'\r\n    exit 0$/m);
    assert.match(text, /^Write-Output \(Limit-Tls365Text -Text \(\[System\.String\] \$problems\.Count \+ ' value\(s\) not as planned: ' \+ \(\$problems -join '; '\)\) -Limit 2048\)\r\nexit 1$/m);
    assert.match(text, /Write-Output \(Limit-Tls365Text -Text \('Not for this machine: ' \+ \$problem\) -Limit 2048\)\r\n    exit 1/);
    for (const w of ['SetValue(', 'DeleteValue(', 'CreateSubKey(', 'WriteAllText(', 'OpenSubKey($Change.Key, $true)', 'Write-Host']) assert.ok(!text.includes(w), w);
    assert.equal((text.match(/Write-Output/g) ?? []).length, 3, 'one line on every path');
    assert.match(text, /\[Microsoft\.Win32\.RegistryView\]::Registry64/);
  });

  it('every script checks the machine before anything else: build and architecture from the registry (64-bit view), not [Environment]::OSVersion; apply and remediation exit 2 (issue 15)', () => {
    for (const kind of KINDS) {
      const text = script(benign, kind);
      assert.match(text, /^\$planTarget = @\{ Build = 17763; X64 = \$true \}$/m);
      assert.match(text, /OpenSubKey\('SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', \$false\)/);
      assert.match(text, /GetValue\('CurrentBuildNumber', \$null\)/);
      assert.match(text, /OpenSubKey\('SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment', \$false\)/);
      assert.match(text, /GetValue\('PROCESSOR_ARCHITECTURE', \$null\)/);
      assert.doesNotMatch(text, /OSVersion\.Version/);
      const check = text.indexOf('$problem = Get-Tls365TargetProblem');
      const reads = ['foreach ($change in $changes)', '$problems = Get-Tls365Difference'].map((t) => text.indexOf(t, check)).filter((i) => i > 0);
      const firstRead = reads.length > 0 ? Math.min(...reads) : -1;
      assert.ok(check > 0 && firstRead > check, `${kind}: the machine is checked before any value is read or written`);
      if (kind !== 'sccm-discovery' && kind !== 'intune-detection') assert.match(text, /Nothing was changed\. Export a plan for it[^\r\n]*\r\n    exit 2\r\n/);
    }
    const unknown = script({ ...benign, target: { build: null, x64: null } }, 'apply');
    assert.match(unknown, /^\$planTarget = @\{ Build = \$null; X64 = \$null \}$/m);
    const bad = renderScript({ ...benign, target: { build: '1; Stop-Computer', x64: true } } as never, 'apply');
    assert.ok(!bad.ok && bad.error[0]?.path === 'target.build');
  });

  it('SCCM discovery: writes exactly one value (Compliant, the differences joined by "; ", or one Not for this machine line), and writes nothing', () => {
    const text = script(benign, 'sccm-discovery');
    assert.match(text, /^if \(\$problems\.Count -eq 0\) \{ Write-Output 'Compliant' \}$/m);
    assert.match(text, /^else \{ Write-Output \(\$problems -join '; '\) \}$/m);
    for (const w of ['SetValue(', 'DeleteValue(', 'CreateSubKey(', 'WriteAllText(', 'OpenSubKey($Change.Key, $true)', 'Write-Host']) assert.ok(!text.includes(w), w);
    assert.equal((text.match(/Write-Output/g) ?? []).length, 3);
    assert.match(text, /^    Write-Output \('Not for this machine: ' \+ \$problem\)$/m);
  });

  for (const m of acceptance()) {
    it(`${caseId(m.file)}: the three scripts of its plan pass the whitelist and carry its changes exactly`, () => {
      const p = planRemediation(m.snapshot, { disableLegacy: true, protocols: ['Tls12', 'Tls13'] });
      assert.ok(p.ok);
      for (const kind of KINDS) {
        const s = split(script(p.value, kind));
        assert.deepEqual(s.template, split(script(benign, kind)).template);
        assert.deepEqual(s.data.map((d) => `${d.key}\\${d.name}=${String(d.data)}`), p.value.changes.map((c) => `${c.key.slice(c.key.indexOf('\\') + 1)}\\${c.name}=${c.op === 'delete-value' ? 'null' : String(c.data)}`));
      }
    });
  }
});
