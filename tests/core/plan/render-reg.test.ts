import { strict as assert } from 'node:assert';
import {
  applyPlan, PLAN_SCHEMA, planRemediation, renderBackupReg, renderPlanReg, type Plan, type PlanChange, type PlanOptions,
} from '../../../core/plan/index.js';
import { encodeUtf16le, parseRegFile, parseRegText, type RegImage } from '../../../core/regfile/index.js';
import { acceptance, caseId, importReg, valueSet } from './support';

/*
 * The plan and the backup as .reg files: exact regedit text, the UTF-16LE bytes regedit writes, and the
 * meaning checked by importing them (regedit's semantics, re-implemented in support.importReg) into the
 * images: importing the plan gives what applyPlan gives; importing the backup into the result gives the
 * original values back, on every acceptance image.
 */

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\T';

function change(key: string, name: string, op: PlanChange['op'], d: number | string = 1): PlanChange {
  const base = { key, name, before: null, createsKey: false, owner: 'WinHttp' as const, components: ['WinHttp' as const], fixes: [], restart: 'reboot' as const, reason: 'x' };
  if (op === 'delete-value') return { ...base, op };
  if (op === 'set-string') return { ...base, op, data: String(d) };
  return { ...base, op, data: Number(d) };
}

const planOf = (changes: PlanChange[], updates: string[] = []): Plan => ({
  schema: PLAN_SCHEMA, computerName: 't', target: { build: 17763, x64: true }, settings: { protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: ['WinHttp'], roles: [] },
  changes, updates: updates.map((kb) => ({ kb, ruleIds: [], components: [], text: '' })), restart: 'reboot', warnings: [], unresolved: [], components: [],
});

function parsed(text: string): RegImage {
  const r = parseRegText(text, 'p.reg');
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.warnings, []);
  return r.image;
}

describe('plan: .reg rendering', () => {
  it('writes the plan as regedit text: header, fixed comments, one section per key, deletions first, CRLF; bytes are UTF-16LE with BOM', () => {
    const r = renderPlanReg(planOf([change(KEY, 'Enabled', 'set-dword', 1), change(`${KEY}\\Sub`, 'Functions', 'set-string', 'A,B'), change(KEY, 'Old', 'delete-value')], ['KB3140245']));
    assert.ok(r.ok);
    assert.equal(r.value.text,
      'Windows Registry Editor Version 5.00\r\n' +
      '; TLS365 remediation plan. Import as an administrator with: reg.exe import <this file> /reg:64\r\n' +
      '; (/reg:64: a 32-bit reg.exe, as ConfigMgr task sequences run it, would put SOFTWARE values in the 32-bit view).\r\n' +
      '; Changes: 3. Restart afterwards: reboot.\r\n' +
      '; For machines of build 17763, 64-bit only: it holds that machine\'s exact values.\r\n' +
      '; Not in this file, install first: KB3140245.\r\n\r\n' +
      `[${KEY}]\r\n"Old"=-\r\n"Enabled"=dword:00000001\r\n\r\n` +
      `[${KEY}\\Sub]\r\n"Functions"="A,B"\r\n\r\n`);
    assert.deepEqual(r.value.bytes, encodeUtf16le(r.value.text));
    const back = parseRegFile(r.value.bytes, 'p.reg');
    assert.ok(back.ok && back.encoding === 'utf-16le' && back.warnings.length === 0);
  });

  it('says which machines its values are for (a .reg file cannot check), and refuses a target that is not a build number and an architecture (issue 15)', () => {
    const p = planOf([change(KEY, 'Enabled', 'set-dword', 1)]);
    const unknown = renderPlanReg({ ...p, target: { build: null, x64: null } });
    assert.ok(unknown.ok && unknown.value.text.includes('; For machines of the build of the machine it was made for, of its architecture only'));
    const x86 = renderPlanReg({ ...p, target: { build: 19045, x64: false } });
    assert.ok(x86.ok && x86.value.text.includes('; For machines of build 19045, 32-bit only'));
    for (const target of [undefined, { build: '7601\r\n[HKEY_LOCAL_MACHINE\\X]', x64: true }, { build: 7601.5, x64: true }, { build: 7601, x64: 'yes' }]) {
      const r = renderPlanReg({ ...p, target } as never);
      assert.ok(!r.ok && r.error.every((e) => e.code === 'BadData' && e.path.startsWith('target')), JSON.stringify(target));
    }
  });

  it('escapes names as regedit does and keeps every injected character exact; refuses NUL and line breaks', () => {
    const names = ['a"b', 'back\\slash', "it's", '$(Stop-Computer)', '`n', ';x', '\u2018q\u2019', 'caf\u00e9', ']', '@', ''];
    const keyName = `${KEY}\\we"ird] $(x) \u2019k`;
    const r = renderPlanReg(planOf(names.map((n, i) => change(keyName, n, 'set-dword', i))));
    assert.ok(r.ok);
    const img = parsed(r.value.text);
    assert.equal(img.keys[0]?.path, keyName);
    assert.deepEqual(img.keys[0]?.values.map((v) => v.name), names);
    for (const bad of ['a\0b', 'a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0085b']) {
      const e = renderPlanReg(planOf([change(KEY, bad, 'set-dword')]));
      assert.equal(e.ok, false, JSON.stringify(bad));
      assert.ok(!e.ok && e.error[0]?.code === 'UnsafeText');
      const k = renderPlanReg(planOf([change(`${KEY}\\${bad}`, 'n', 'set-dword')]));
      assert.ok(!k.ok && k.error[0]?.code === 'UnsafeText');
    }
  });

  const OPTIONS: readonly PlanOptions[] = [{}, { disableLegacy: true, protocols: ['Tls12', 'Tls13'] }, { allowLegacy: true }];
  for (const m of acceptance()) {
    it(`${caseId(m.file)}: importing the plan .reg = applyPlan; importing the backup .reg restores the original values and removes created keys`, () => {
      for (const options of OPTIONS) {
        const p = planRemediation(m.snapshot, options);
        assert.ok(p.ok);
        const reg = renderPlanReg(p.value);
        assert.ok(reg.ok);
        const applied = applyPlan(m.image, p.value);
        assert.ok(applied.ok);
        const imported = importReg(m.image, parsed(reg.value.text));
        assert.deepEqual(valueSet(imported.keys), valueSet(applied.value.image.keys));

        const back = renderBackupReg(applied.value.backup);
        assert.ok(back.ok);
        const patch = parsed(back.value.text);
        const restored = importReg(applied.value.image, patch);
        assert.deepEqual(valueSet(restored.keys), valueSet(m.image.keys), `${m.file} ${JSON.stringify(options)}`);
        for (const created of applied.value.backup.createdKeys) {
          assert.ok(!restored.keys.some((k) => k.path.toUpperCase() === created.toUpperCase()), `${created} left behind`);
        }
        const deletions = patch.keys.flatMap((k) => k.deletedValues);
        assert.equal(deletions.length, applied.value.backup.entries.filter((e) => e.before === null && !applied.value.backup.createdKeys.some((c) => e.key.toUpperCase().startsWith(c.toUpperCase()))).length);
      }
    });
  }
});
