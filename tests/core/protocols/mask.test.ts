import { strict as assert } from 'node:assert';
import { decodeMask, encodeMask, formatHex, LAYOUTS, layoutDefinition, parseDword, PROTOCOLS, type Layout, type Protocol } from '../../../core/index.js';

const decoded = (value: unknown, layout: Layout): readonly Protocol[] => {
  const r = decodeMask(value, layout);
  assert.ok(r.ok, `expected ${String(value)} to decode in ${layout}: ${JSON.stringify(r)}`);
  return r.value.protocols;
};

describe('protocol masks (docs/domain-facts.md section 1)', () => {
  describe('WinHTTP DefaultSecureProtocols bits', () => {
    // Source: the DefaultSecureProtocols table in "Disabling TLS 1.0 and 1.1 for Microsoft 365" [SEED] and KB3140245.
    const table: [number, Protocol][] = [[0x8, 'Ssl2'], [0x20, 'Ssl3'], [0x80, 'Tls10'], [0x200, 'Tls11'], [0x800, 'Tls12']];
    for (const [bit, protocol] of table) {
      it(`0x${bit.toString(16).toUpperCase()} is ${protocol} [SEED, KB3140245]`, () => {
        assert.deepEqual(decoded(bit, 'WinHttp'), [protocol]);
      });
    }
    // Source: WINHTTP_OPTION_SECURE_PROTOCOLS, "0x00002000 Enable TLS 1.3 by default" [WINHTTP-FLAGS]; KB3140245 stops at 0x800.
    it('0x2000 is Tls13 [WINHTTP-FLAGS]', () => {
      assert.deepEqual(decoded(0x2000, 'WinHttp'), ['Tls13']);
    });
    // Source: docs/domain-facts.md 1.2, combinations named by Microsoft.
    const named: [number, Protocol[], string][] = [
      [0xa80, ['Tls10', 'Tls11', 'Tls12'], 'SEED table'],
      [0xa00, ['Tls11', 'Tls12'], 'SEED table; KB3140245 worked example'],
      [0x880, ['Tls10', 'Tls12'], 'SEED table'],
      [0x800, ['Tls12'], 'SEED table'],
      [0xaa0, ['Ssl3', 'Tls10', 'Tls11', 'Tls12'], 'CM-CLIENT example'],
      [0xa0, ['Ssl3', 'Tls10'], 'CM-CLIENT: pre-8.1 WinHTTP default'],
    ];
    for (const [value, protocols, source] of named) {
      it(`${formatHex(value)} is ${protocols.join(' + ')} [${source}]`, () => {
        assert.deepEqual(decoded(value, 'WinHttp'), protocols);
      });
    }
    it('the known-bit mask is 0x2AA8 (docs/domain-facts.md 1.1): every other bit is unknown', () => {
      const known = layoutDefinition('WinHttp').bits.reduce((m, b) => m | b.bit, 0);
      assert.equal(known, 0x2aa8);
    });
  });

  describe('WinINet SecureProtocols bits', () => {
    // Source: inetres.admx "Turn off encryption support": SSL 2.0 = 0x0008 ... TLS 1.2 = 0x0800 [INETRES].
    it('uses the WinHTTP bit values for SSL 2.0 to TLS 1.2 [INETRES]', () => {
      assert.deepEqual(decoded(0x8 | 0x20 | 0x80 | 0x200 | 0x800, 'WinInet'), ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12']);
    });
    // 2728 = 0xAA8 is the largest of the policy's 32 fixed combinations (docs/domain-facts.md 1.4) [INETRES].
    it('decodes the policy maximum 2728 [INETRES]', () => {
      assert.deepEqual(decoded(2728, 'WinInet'), ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12']);
    });
    // 0x2000 is written by Microsoft's Set-MsIdWindowsTlsSettings.ps1; docs/domain-facts.md 1.4 marks it unconfirmed by a Windows doc.
    it('0x2000 is Tls13, sourced to MSIdentityTools and labelled as such [MSIDTOOLS]', () => {
      assert.deepEqual(decoded(0x2000, 'WinInet'), ['Tls13']);
      const tls13 = layoutDefinition('WinInet').bits.find((b) => b.protocol === 'Tls13');
      assert.deepEqual(tls13?.sources.map((s) => s.tag), ['MSIDTOOLS']);
    });
  });

  describe('SChannel SP_PROT_* bits', () => {
    // Source: SCHANNEL_CRED grbitEnabledProtocols [SCHCRED]; schannel.h [SCHANNEL-H]; docs/domain-facts.md 1.3.
    const client: [number, Protocol][] = [[0x8, 'Ssl2'], [0x20, 'Ssl3'], [0x80, 'Tls10'], [0x200, 'Tls11'], [0x800, 'Tls12'], [0x2000, 'Tls13']];
    const server: [number, Protocol][] = [[0x4, 'Ssl2'], [0x10, 'Ssl3'], [0x40, 'Tls10'], [0x100, 'Tls11'], [0x400, 'Tls12'], [0x1000, 'Tls13']];
    for (const [bit, p] of client) {
      it(`client ${formatHex(bit)} is ${p} [SCHCRED]`, () => assert.deepEqual(decoded(bit, 'SChannelClient'), [p]));
    }
    for (const [bit, p] of server) {
      it(`server ${formatHex(bit)} is ${p} [SCHCRED]`, () => assert.deepEqual(decoded(bit, 'SChannelServer'), [p]));
    }
    it('a server bit is unknown in the client layout and vice versa', () => {
      const r = decodeMask(0x400, 'SChannelClient');
      assert.ok(!r.ok && r.error.code === 'UnknownBits');
      const s = decodeMask(0x800, 'SChannelServer');
      assert.ok(!s.ok && s.error.code === 'UnknownBits');
    });
    it('names PCT and DTLS bits, which are outside the TLS365 vocabulary [SCHCRED]', () => {
      const r = decodeMask(0x2 | 0x800 | 0x20000, 'SChannelClient');
      assert.ok(!r.ok && r.error.code === 'UnknownBits');
      if (r.ok || r.error.code !== 'UnknownBits') return;
      assert.deepEqual(r.error.unknownHex, ['0x2', '0x20000']);
      assert.match(r.error.message, /SP_PROT_PCT1_CLIENT/);
      assert.match(r.error.message, /SP_PROT_DTLS1_0_CLIENT/);
    });
  });

  describe('unknown bits', () => {
    it('reports every unknown bit of a WinHTTP value and never a partial decode', () => {
      const r = decodeMask(0xa80 | 0x4000 | 0x1, 'WinHttp');
      assert.equal(r.ok, false);
      if (r.ok || r.error.code !== 'UnknownBits') return assert.fail('expected UnknownBits');
      assert.equal(r.error.unknownBits, 0x4001);
      assert.deepEqual(r.error.unknownHex, ['0x1', '0x4000']);
      assert.match(r.error.message, /0x00004A81/);
    });
    it('handles the top bit (0x80000000) without sign trouble', () => {
      const r = decodeMask(0x80000800, 'WinHttp');
      assert.ok(!r.ok && r.error.code === 'UnknownBits' && r.error.unknownBits === 0x80000000);
    });
  });

  describe('round trips', () => {
    for (const layout of LAYOUTS) {
      it(`encode then decode gives back every one of the 64 protocol sets in ${layout}`, () => {
        for (let set = 0; set < 64; set += 1) {
          const names = PROTOCOLS.filter((_, i) => (set & (1 << i)) !== 0);
          const enc = encodeMask(names, layout);
          assert.ok(enc.ok);
          if (!enc.ok) return;
          assert.deepEqual(decoded(enc.value.value, layout), names);
          assert.deepEqual(decoded(enc.value.hex, layout), names);
        }
      });
    }
    it('encodes names in any case and ignores duplicates', () => {
      const r = encodeMask(['tls12', 'TLS12', 'Tls13'], 'WinHttp');
      assert.deepEqual(r, { ok: true, value: { value: 0x2800, hex: '0x00002800' } });
    });
    it('an empty set is 0', () => {
      assert.deepEqual(encodeMask([], 'SChannelServer'), { ok: true, value: { value: 0, hex: '0x00000000' } });
    });
    it('refuses names outside the vocabulary and names them', () => {
      const r = encodeMask(['Tls12', 'TLS 1.2', 'Pct1'], 'WinHttp');
      assert.ok(!r.ok && r.error.code === 'UnknownProtocol');
      if (r.ok || r.error.code !== 'UnknownProtocol') return;
      assert.deepEqual(r.error.names, ['TLS 1.2', 'Pct1']);
    });
  });

  describe('parseDword', () => {
    const good: [unknown, number][] = [
      [2688, 2688], ['2688', 2688], ['0xA80', 2688], ['0xa80', 2688], [' 0x00000A80 ', 2688], ['dword:00000a80', 2688],
      [-1, 0xffffffff], ['-1', 0xffffffff], [0xffffffff, 0xffffffff], [0, 0], [-2147483648, 0x80000000],
    ];
    for (const [input, want] of good) {
      it(`reads ${JSON.stringify(input)} as ${formatHex(want)}`, () => assert.deepEqual(parseDword(input), { ok: true, value: want }));
    }
    const bad: unknown[] = [4294967296, -2147483649, 1.5, Number.NaN, '', 'abc', '0x', '0x1FFFFFFFF', 'dword:1', null, undefined, true, {}, ['1']];
    for (const input of bad) {
      it(`refuses ${JSON.stringify(input) ?? String(input)} with InvalidValue`, () => {
        const r = parseDword(input);
        assert.ok(!r.ok && r.error.code === 'InvalidValue');
      });
    }
  });

  it('every bit of every layout cites at least one source with a reference', () => {
    for (const layout of LAYOUTS) {
      for (const b of layoutDefinition(layout).bits) {
        assert.ok(b.sources.length > 0 && b.sources.every((s) => s.ref.length > 0 && s.tag.length > 0), `${layout} ${b.protocol}`);
      }
    }
  });
});
