import { strict as assert } from 'node:assert';
import { renderDesiredScript } from '../../../core/desired/render-scripts.js';
import type { ScriptKind } from '../../../core/plan/render-script.js';
import { STATES } from '../../support/desired-cases.js';

/**
 * The desired-state scripts as text (their behaviour: tests/e2e/desired-differential.test.ts, the Pester
 * ExportedScript tests and tests/windows/desired.test.ts). Intune documents 200 KB as the limit of a remediation
 * script (Microsoft Learn, "Remediations"; the figure as quoted by IntuneScriptLab's Find-IslScriptSize rule,
 * powershellgallery.com/packages/IntuneScriptLab): every script stays well under it, for every state.
 */
const KINDS: readonly ScriptKind[] = ['apply', 'sccm-discovery', 'sccm-remediation', 'intune-detection', 'intune-remediation'];

describe('desired-state scripts as text (issue 15)', () => {
  for (const { label, state } of STATES) {
    it(`${label}: every script is ASCII with CRLF, under Intune's 200 KB, and carries the state, not a machine`, () => {
      for (const kind of KINDS) {
        const r = renderDesiredScript(state, kind);
        assert.ok(r.ok, kind);
        const bytes = Buffer.byteLength(r.value, 'utf8');
        assert.ok(bytes < 200 * 1024, `${kind}: ${bytes} bytes`);
        assert.doesNotMatch(r.value, /[^\x00-\x7f]/, `${kind}: ASCII only`);
        assert.doesNotMatch(r.value, /[^\r]\n/, `${kind}: CRLF only`);
        assert.match(r.value, /function Get-Tls365DesiredChanges/);
        assert.doesNotMatch(r.value, /\$planTarget|\$changes = @\(\r\n/, `${kind}: no machine's values`);
        assert.match(r.value, new RegExp(`\\$desired = @\\{ Protocols = @\\(${state.protocols.map((p) => `'${p}'`).join(', ')}\\); DisableLegacy = \\$${String(state.disableLegacy)}; AllowLegacy = \\$${String(state.allowLegacy)};`));
      }
    });
  }

  it('refuses a state that contradicts itself or names no TLS 1.2', () => {
    const base = STATES[0]!.state;
    assert.equal(renderDesiredScript({ ...base, disableLegacy: true, allowLegacy: true }, 'apply').ok, false);
    assert.equal(renderDesiredScript({ ...base, protocols: ['Tls13'] }, 'apply').ok, false);
    assert.equal(renderDesiredScript({ ...base, components: [] }, 'apply').ok, false);
  });
});
