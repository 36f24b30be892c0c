import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotFromReg } from '../../../core/index.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import { tlsSettings } from '../../../core/readiness/settings.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { exchangeFleetSignature } from '../../../core/readiness/rules/exchange/TLS365-EXCH-009.js';

const root = join(__dirname, '..', '..', '..');
function image(dir: string, name: string): MachineSnapshot {
  const r = snapshotFromReg(readFileSync(join(root, dir, name)), name);
  if (!r.ok) throw new Error(name);
  return r.value;
}
const asMap = (s: readonly { label: string; value: string }[]): Map<string, string> => new Map(s.map((x) => [x.label, x.value]));

/**
 * core/readiness/settings.ts (issue 16, item 3): what the report groups machines by. The raw values are compared as
 * HealthChecker compares Exchange servers [HC-EP] (absent is a value); the protocols in effect apply the OS defaults
 * of schannel-state.ts [PROTOCOLS] [TLSREG-2019].
 */
describe('core/readiness/settings.ts: a machine\'s TLS settings for fleet grouping (issue 16, item 3) [HC-EP]', () => {
  it('ws2016-ex01: TLS 1.0/1.1 written off, TLS 1.2 on; .NET 4 and 2 set in both views; the protocols in effect follow', () => {
    const s = asMap(tlsSettings(machineFacts(image('examples', 'ws2016-ex01.reg'))));
    assert.equal(s.get('Schannel client protocols in effect'), 'TLS 1.2');
    assert.equal(s.get('Schannel server protocols in effect'), 'TLS 1.2');
    assert.equal(s.get('TLS 1.0\\Server Enabled'), '0');
    assert.equal(s.get('TLS 1.0\\Server DisabledByDefault'), '1');
    assert.equal(s.get('TLS 1.2\\Client Enabled'), '1');
    assert.equal(s.get('TLS 1.3\\Client Enabled'), 'absent');
    assert.equal(s.get('.NET v4.0.30319 (Wow6432Node) SchUseStrongCrypto'), '1');
    assert.equal(s.get('WinHTTP (native) DefaultSecureProtocols'), 'absent');
    assert.equal(s.get('WinINet (HKLM policy) SecureProtocols'), 'absent');
  });

  it('the client cipher suites and curves in effect (issue 16, item 1): an untouched default is named by its build family; a configured list and curve order are shown in order [CS-1607] [CURVES-1607] [HC-CIPHER]', () => {
    const dflt = asMap(tlsSettings(machineFacts(image('examples', 'ws2016-ex01.reg'))));
    assert.equal(dflt.get('Schannel client cipher suites in effect'), 'OS default of Windows 10 1607 / Server 2016');
    assert.equal(dflt.get('Schannel client curves in effect'), 'curve25519, NistP256, NistP384 (OS default)');
    const policy = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002';
    const text = `${readFileSync(join(root, 'examples', 'ws2016-ex01.reg'), 'utf16le')}\r\n[${policy}]\r\n"Functions"="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_BOGUS_SUITE,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"\r\n`;
    const r = snapshotFromReg(Buffer.from(text, 'utf16le'), 'configured.reg');
    assert.ok(r.ok);
    if (!r.ok) return;
    const configured = asMap(tlsSettings(machineFacts(r.value)));
    assert.equal(configured.get('Schannel client cipher suites in effect'), 'Group Policy list: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  });

  it('ws2008r2-app01: nothing written, so the OS defaults are in effect (client SSL 3.0 and TLS 1.0; server SSL 2.0 to TLS 1.0) [PROTOCOLS] [TLSREG-2019]', () => {
    const s = asMap(tlsSettings(machineFacts(image('examples', 'ws2008r2-app01.reg'))));
    assert.equal(s.get('Schannel client protocols in effect'), 'SSL 3.0, TLS 1.0');
    assert.equal(s.get('Schannel server protocols in effect'), 'SSL 2.0, SSL 3.0, TLS 1.0');
    assert.equal(s.get('TLS 1.2\\Client Enabled'), 'absent');
  });

  it('a 32-bit machine has one view ("only"); a value of the wrong type is named as such', () => {
    const s = tlsSettings(machineFacts(image(join('tests', 'fixtures', 'acceptance'), 'A29-win10-x86-nothing-set.reg')));
    assert.ok(s.some((x) => x.label === '.NET v4.0.30319 (only) SchUseStrongCrypto'));
    assert.ok(!s.some((x) => x.label.includes('(native)') || x.label.includes('Wow6432Node')));
    const snap = image('examples', 'ws2019-fs01.reg');
    const key = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';
    const odd: MachineSnapshot = { ...snap, registry: [...snap.registry, { path: key, values: [{ name: 'Enabled', value: { type: 'REG_SZ', data: '1' } }], deletedValues: [] }] };
    assert.equal(asMap(tlsSettings(machineFacts(odd))).get('TLS 1.2\\Server Enabled'), 'a REG_SZ (not a REG_DWORD)');
  });

  it('leaves out what the input did not read: no SCHANNEL keys, no Schannel settings (unknown is not different)', () => {
    const snap = image('examples', 'ws2019-fs01.reg');
    const bare: MachineSnapshot = { ...snap, registry: snap.registry.filter((k) => !/\\SecurityProviders\\SCHANNEL/i.test(k.path)) };
    const s = tlsSettings(machineFacts(bare));
    assert.ok(!s.some((x) => x.component === 'SChannelClient' || x.component === 'SChannelServer'));
    assert.ok(s.some((x) => x.component === 'DotNet4'));
  });

  it('TLS365-EXCH-009 compares HealthChecker\'s subset of the same settings: TLS 1.0-1.2 values and .NET v4 [HC-EP]', () => {
    const m = machineFacts(image('examples', 'ws2016-ex01.reg'));
    const sig = exchangeFleetSignature(m, { roles: [] });
    assert.ok(sig !== null);
    const all = asMap(tlsSettings(m));
    assert.equal(sig.settings.length, 3 * 2 * 2 + 2 * 2);
    for (const x of sig.settings) assert.equal(all.get(x.label), x.value, x.label);
    assert.ok(sig.settings.every((x) => /^TLS 1\.[012]\\|^\.NET v4\.0\.30319 /.test(x.label)));
  });
});
