import { strict as assert } from 'node:assert';
import { effectiveCrypto } from '../../../core/endpoints/effective.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import type { Finding, Readiness } from '../../../core/readiness/model.js';
import { HARDENED_12, HKLM, cipherLocal, cipherPolicy, machine, merge, schannel, type MachineSpec, type Values } from '../../support/machine.js';

/**
 * Issue 16 item 1: the effective client suites and curves (OS default < local list < Group Policy list; the curve
 * order on Windows 10+, the name suffix before), and the per-endpoint verdicts with dates, on machines of each OS
 * family with default, hardened (IIS Crypto-like Strict, curve25519-only, DHE-only) and policy-overridden lists.
 * Facts: core/endpoints/os-suites.ts (Microsoft's per-version cipher-suite pages [CS-*], curve pages [CURVES-1607])
 * and core/endpoints/profiles.ts (AFD-DHE, AFD-POLICY-2026, M365-ENC, MC1155427 (secondary), ENTRA-TLS).
 */
const KX = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\KeyExchangeAlgorithms`;
const TLS12_ON: Values = { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } };

const spec = (build: number, values: Values = {}, extra: Partial<MachineSpec> = {}): MachineSpec => ({ build, values: merge(TLS12_ON, values), ...extra });
const judge = (s: MachineSpec, asOf: string, endpoints?: readonly string[]): Readiness => evaluateSnapshot(machine(s), { roles: [], asOf, ...(endpoints === undefined ? {} : { endpoints }) });
const ep = (r: Readiness, id: string): Finding[] => r.findings.filter((f) => f.endpoint?.id === id);
const one = (r: Readiness, id: string): Finding => {
  const fs = ep(r, id);
  assert.equal(fs.length, 1, `one finding for ${id}, got ${fs.map((f) => `${f.ruleId} ${f.message}`).join(' | ') || 'none'}`);
  return fs[0] as Finding;
};

/** IIS Crypto's "Strict"-like order on 2012 R2: AES-GCM only (ECDSA, ECDHE_RSA GCM (not on 8.1), DHE GCM, RSA GCM). */
const STRICT_81 = 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256';

describe('effective cipher suites and curves (core/endpoints/effective.ts)', () => {
  it('no list: the OS default list of the build, in its order [CS-WIN81]', () => {
    const e = effectiveCrypto(machineFacts(machine(spec(9600))));
    assert.equal(e.kind, 'ok');
    if (e.kind !== 'ok') return;
    assert.equal(e.value.suites.origin, 'default');
    assert.match(e.value.os.family, /8\.1/);
    assert.ok(e.value.suites.list.some((s) => s.name === 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384'));
    assert.equal(e.value.curves.origin, 'suffix');
    assert.deepEqual([...e.value.curves.list].sort(), ['NistP256', 'NistP384']);
  });

  it('the Group Policy list wins over the local list, which wins over the default [HC-CIPHER]', () => {
    const both = effectiveCrypto(machineFacts(machine(spec(17763, { [cipherPolicy]: { Functions: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' }, [cipherLocal]: { Functions: ['TLS_RSA_WITH_AES_256_GCM_SHA384'] } }))));
    const local = effectiveCrypto(machineFacts(machine(spec(17763, { [cipherLocal]: { Functions: ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] } }))));
    assert.ok(both.kind === 'ok' && local.kind === 'ok');
    if (both.kind !== 'ok' || local.kind !== 'ok') return;
    assert.equal(both.value.suites.origin, 'policy');
    assert.deepEqual(both.value.suites.list.map((s) => s.name), ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    assert.equal(local.value.suites.origin, 'local');
    assert.deepEqual(local.value.suites.list.map((s) => s.name), ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']);
  });

  it('before Windows 10 a configured name must carry its curve suffix; a suite the OS lacks is ignored [CS-WIN81]', () => {
    const e = effectiveCrypto(machineFacts(machine(spec(9600, { [cipherPolicy]: { Functions: STRICT_81 } }))));
    assert.ok(e.kind === 'ok');
    if (e.kind !== 'ok') return;
    assert.ok(e.value.suites.ignored.includes('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'), 'ECDHE_RSA GCM does not exist on 8.1');
    assert.ok(!e.value.suites.list.some((s) => s.kx === 'ECDHE' && s.base.startsWith('TLS_ECDHE_RSA')));
  });

  it('Windows 10+: the curve order (Group Policy over local over the default curve25519, NistP256, NistP384) [CURVES-1607]', () => {
    const dflt = effectiveCrypto(machineFacts(machine(spec(17763))));
    const pol = effectiveCrypto(machineFacts(machine(spec(17763, { [cipherPolicy]: { EccCurves: ['curve25519'] }, [cipherLocal]: { EccCurves: ['NistP384', 'NistP256'] } }))));
    const loc = effectiveCrypto(machineFacts(machine(spec(17763, { [cipherLocal]: { EccCurves: ['NistP384', 'brainpoolP256r1'] } }))));
    assert.ok(dflt.kind === 'ok' && pol.kind === 'ok' && loc.kind === 'ok');
    if (dflt.kind !== 'ok' || pol.kind !== 'ok' || loc.kind !== 'ok') return;
    assert.deepEqual(dflt.value.curves.list, ['curve25519', 'NistP256', 'NistP384']);
    assert.deepEqual([pol.value.curves.origin, ...pol.value.curves.list], ['policy', 'curve25519']);
    assert.deepEqual([loc.value.curves.origin, ...loc.value.curves.list, ...loc.value.curves.other], ['local', 'NistP384', 'brainpoolP256r1']);
  });

  it('SCHANNEL KeyExchangeAlgorithms\\Diffie-Hellman Enabled=0 removes every DHE suite [TLSREG-2019]', () => {
    const e = effectiveCrypto(machineFacts(machine(spec(17763, { [`${KX}\\Diffie-Hellman`]: { Enabled: 0 } }))));
    assert.ok(e.kind === 'ok');
    if (e.kind !== 'ok') return;
    assert.ok(!e.value.suites.list.some((s) => s.kx === 'DHE'));
    assert.ok(e.value.suites.removed.some((r) => r.name.startsWith('TLS_DHE_') && r.by.endsWith('Diffie-Hellman Enabled = 0')));
  });
});

describe('endpoint verdicts with dates (TLS365-ENDPOINT-001..003)', () => {
  it('no day given: the endpoint rules do not run (the core has no clock)', () => {
    const r = evaluateSnapshot(machine(spec(9600, { [cipherPolicy]: { Functions: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' } })), { roles: [] });
    assert.equal(r.findings.filter((f) => f.ruleId.startsWith('TLS365-ENDPOINT-')).length, 0);
  });

  for (const build of [7601, 9200, 9600, 14393, 17763, 20348, 26100]) {
    it(`default suites of build ${build} reach every endpoint on 2026-12-05 [CS-* pages; AFD-POLICY-2026; ENTRA-TLS]`, () => {
      const r = judge(spec(build), '2026-12-05');
      assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('TLS365-ENDPOINT-')).map((f) => f.message), []);
    });
  }

  it('2012 R2 with an IIS Crypto Strict-like GCM-only list: Azure Front Door works until 2026-03-31 (DHE GCM), fails from 2026-04-01 [AFD-DHE]', () => {
    const s = spec(9600, { [cipherPolicy]: { Functions: STRICT_81 } });
    const before = judge(s, '2026-02-15', ['AzureFrontDoor']);
    const warn = one(before, 'AzureFrontDoor');
    assert.equal(warn.ruleId, 'TLS365-ENDPOINT-002');
    assert.equal(warn.severity, 'Warn');
    assert.equal(warn.endpoint?.breaksOn, '2026-04-01');
    assert.match(warn.message, /in 45 day/);
    const earlier = judge(s, '2025-11-01', ['AzureFrontDoor']);
    assert.equal(one(earlier, 'AzureFrontDoor').ruleId, 'TLS365-ENDPOINT-003', 'more than 90 days ahead: Info');
    const after = judge(s, '2026-04-01', ['AzureFrontDoor']);
    const fail = one(after, 'AzureFrontDoor');
    assert.equal(fail.ruleId, 'TLS365-ENDPOINT-001');
    assert.equal(fail.severity, 'Fail');
    assert.equal(after.components.find((c) => c.name === 'SChannelClient')?.status, 'NotReady');
    // The fix adds the ECDHE_RSA CBC suites Azure Front Door keeps for 8.1, with their curve suffixes, first.
    const data = fail.fix?.changes[0];
    assert.ok(data !== undefined && data.op === 'set-string' && data.key === cipherPolicy);
    if (data?.op !== 'set-string') return;
    assert.match(data.data, /^TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384|^TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P/);
    assert.ok(data.data.includes('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384'));
  });

  it('the fix makes it reachable: the list written, evaluated again, has no endpoint finding', () => {
    const s = spec(9600, { [cipherPolicy]: { Functions: STRICT_81 } });
    const fail = one(judge(s, '2026-06-01', ['AzureFrontDoor']), 'AzureFrontDoor');
    const change = fail.fix?.changes[0];
    assert.ok(change?.op === 'set-string');
    if (change?.op !== 'set-string') return;
    const fixed = judge(spec(9600, { [cipherPolicy]: { Functions: change.data } }), '2026-06-01', ['AzureFrontDoor']);
    assert.deepEqual(ep(fixed, 'AzureFrontDoor').map((f) => f.message), []);
  });

  it('Windows 10+ with curve25519 only: ECDHE cannot be agreed with Azure Front Door (P-256/P-384/P-521), named as the curve [CURVES-1607; AFD-KX]', () => {
    const r = judge(spec(17763, { [cipherPolicy]: { EccCurves: ['curve25519'] } }), '2026-12-05', ['AzureFrontDoor']);
    const f = one(r, 'AzureFrontDoor');
    assert.equal(f.ruleId, 'TLS365-ENDPOINT-001');
    assert.match(f.message, /curves it accepts \(NistP256, NistP384/);
    assert.match(f.fix?.text ?? '', /to the Group Policy "ECC Curve Order"/, 'a policy order overrides Enable-TlsEccCurve: the fix says to change the policy');
    const local = one(judge(spec(17763, { [cipherLocal]: { EccCurves: ['curve25519'] } }), '2026-12-05', ['AzureFrontDoor']), 'AzureFrontDoor');
    assert.match(local.fix?.text ?? '', /Enable-TlsEccCurve -Name NistP256; Enable-TlsEccCurve -Name NistP384/);
  });

  it('Windows 10+ with a DHE-only list: reached Azure Front Door until 2026-03-31, not since [AFD-DHE]', () => {
    const s = spec(17763, { [cipherPolicy]: { Functions: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256' } });
    assert.equal(one(judge(s, '2026-03-31', ['AzureFrontDoor']), 'AzureFrontDoor').ruleId, 'TLS365-ENDPOINT-002');
    const f = one(judge(s, '2026-04-01', ['AzureFrontDoor']), 'AzureFrontDoor');
    assert.equal(f.severity, 'Fail');
    assert.match(f.fix?.changes[0]?.op === 'set-string' ? f.fix.changes[0].data : '', /^TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA/);
  });

  it('a verdict resting on a secondary fact is a Warn: Microsoft 365 without the ECDHE suites after 2025-10-20 [MC1155427, secondary]', () => {
    const r = judge(spec(17763, { [cipherPolicy]: { Functions: 'TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256' } }), '2026-12-05', ['Microsoft365']);
    const f = one(r, 'Microsoft365');
    assert.equal(f.ruleId, 'TLS365-ENDPOINT-001');
    assert.equal(f.severity, 'Warn');
    assert.match(f.message, /secondary source/);
  });

  it('-Endpoint limits the profiles judged', () => {
    const s = spec(17763, { [cipherPolicy]: { EccCurves: ['curve25519'] } });
    const r = judge(s, '2026-12-05', ['EntraID']);
    assert.ok(r.findings.filter((f) => f.endpoint !== undefined).every((f) => f.endpoint?.id === 'EntraID'));
  });

  it('TLS 1.2 off for the client: no endpoint finding beyond the SCHANNEL one when the suites are fine', () => {
    const r = evaluateSnapshot(machine({ build: 7601, values: HARDENED_12 }), { roles: [], asOf: '2026-12-05' });
    assert.ok(r.findings.some((f) => f.ruleId.startsWith('TLS365-SCHANNEL-')));
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('TLS365-ENDPOINT-00')).map((f) => f.ruleId), []);
  });

  it('an unknown build: TLS365-ENDPOINT-004 says the profiles were not checked, and no verdict changes', () => {
    const r = judge(spec(5000), '2026-12-05');
    const f = r.findings.find((x) => x.ruleId === 'TLS365-ENDPOINT-004');
    assert.equal(f?.severity, 'Info');
    assert.match(f?.message ?? '', /no cipher-suite list for build 5000/);
    assert.equal(r.findings.filter((x) => /ENDPOINT-00[123]/.test(x.ruleId)).length, 0);
  });
});
