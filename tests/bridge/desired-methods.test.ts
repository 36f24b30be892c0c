import { strict as assert } from 'node:assert';
import { desiredRender } from '../../bridge/desired-methods.js';
import type { Session } from '../../bridge/dispatch.js';

/** desired.render (issue 15): a desired state, with no machine, as each channel; malformed requests are -32602, bad states data. */
describe('bridge desired.render', () => {
  const call = (params: unknown): { ok: boolean; result?: Record<string, unknown>; error?: { code: number; message: string } } =>
    desiredRender(params, {} as Session, () => undefined) as never;

  it('renders every script channel as text that evaluates the state on its target', () => {
    for (const format of ['Script', 'SccmDiscovery', 'SccmRemediation', 'IntuneDetection', 'IntuneRemediation']) {
      const r = call({ state: { protocols: ['Tls12', 'Tls13'], disableLegacy: true }, format });
      assert.equal(r.ok, true);
      assert.equal(r.result?.['ok'], true, format);
      assert.match(String(r.result?.['text']), /function Get-Tls365DesiredChanges/);
      assert.match(String(r.result?.['text']), /\$desired = @\{ Protocols = @\('Tls12', 'Tls13'\); DisableLegacy = \$true; AllowLegacy = \$false;/);
    }
  });

  it('renders Reg as one file per OS family and GroupPolicy as one Registry.xml, saying when the masks keep fixed TLS 1.0/1.1 bits', () => {
    const reg = call({ state: {}, format: 'Reg' });
    const files = reg.result?.['files'] as { name: string; family: string; text: string }[];
    assert.equal(files.length, 12);
    assert.ok(files.every((f) => /^TLS365-[a-z0-9]+-x(64|86)\.reg$/.test(f.name) && f.text.startsWith('Windows Registry Editor Version 5.00')));
    assert.equal(reg.result?.['fixedLegacy'], true);
    const gpp = call({ state: { disableLegacy: true }, format: 'GroupPolicy' });
    assert.match(String(gpp.result?.['text']), /^<\?xml version="1\.0" encoding="utf-8"\?>\r?\n<RegistrySettings clsid="\{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51\}">/);
    assert.equal(gpp.result?.['fixedLegacy'], false);
  });

  it('refuses a bad state as data naming the option, and a malformed request as -32602', () => {
    const bad = call({ state: { protocols: ['Ssl3'] }, format: 'Script' });
    assert.equal(bad.ok, true);
    assert.equal(bad.result?.['ok'], false);
    assert.match(JSON.stringify(bad.result?.['error']), /options\.protocols/);
    const both = call({ state: { disableLegacy: true, allowLegacy: true }, format: 'Reg' });
    assert.equal(both.result?.['ok'], false);
    assert.equal(call({ format: 'Script' }).ok, false);
    assert.equal(call({ state: {}, format: 'Exe' }).ok, false);
    assert.equal(call({ state: {}, format: 'Exe' }).error?.code, -32602);
  });
});
