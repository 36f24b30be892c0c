import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { HKLM, machine, type Values } from '../../support/machine.js';

// KB detection from product update keys (docs/domain-facts.md section 5; issue 12): Windows and .NET Framework updates that
// register under HKLM\SOFTWARE\Microsoft\Updates do so two or three levels down (Updates\<product>\KB...,
// Updates\<product>\<release>\KB...), and 32-bit installers write under SOFTWARE\WOW6432Node\Microsoft\Updates.
// Each place detects the KB; before, only the 64-bit view two levels down did.
const W7 = { build: 7601, server: false, csd: 'Service Pack 1', hotfixes: [] } as const;
const missing = (values: Values): readonly string[] => evaluateSnapshot(machine({ ...W7, values }), { roles: [] }).missingUpdates;

describe('readiness: KBs from product update keys, in both views, two or three levels down', () => {
  it('KB3140245 (WinHTTP on Windows 7) is missing with no update key, and detected from each place it can be', () => {
    assert.ok(missing({}).includes('KB3140245'), 'the control: missing without a key');
    const places = [
      `${HKLM}\\SOFTWARE\\Microsoft\\Updates\\Windows 7\\KB3140245`,
      `${HKLM}\\SOFTWARE\\Microsoft\\Updates\\Windows 7\\SP2\\KB3140245`,
      `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Updates\\Windows 7\\KB3140245`,
      `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Updates\\Windows 7\\SP2\\KB3140245`,
    ];
    for (const key of places) assert.equal(missing({ [key]: {} }).includes('KB3140245'), false, key);
  });

  it('a KB four levels down, or a key that only contains the number, is not taken for the update', () => {
    assert.ok(missing({ [`${HKLM}\\SOFTWARE\\Microsoft\\Updates\\Windows 7\\SP2\\Deeper\\KB3140245`]: {} }).includes('KB3140245'));
    assert.ok(missing({ [`${HKLM}\\SOFTWARE\\Microsoft\\Updates\\Windows 7\\SP2\\xKB3140245`]: {} }).includes('KB3140245'));
  });
});
