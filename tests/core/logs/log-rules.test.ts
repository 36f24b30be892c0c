import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DISC_RULES, LOG_RULES, type HitEvent, type LogRule, type SmtpHitEvent } from '../../../core/logs/index.js';
import { onlyHit, parseIis, parseSmtp, REPO_ROOT, SMTP_HEADER, smtpHits, TLS_SENTENCE } from './helpers.js';

// The log-discovery rules (docs/domain-facts.md 10.9): one file per id under core/logs/rules, each exporting one
// LogRule whose id is the file name; every predicate rule is shown a hit that triggers it and one that does not,
// built by the real parsers from log lines, and each test names the source of the fact it checks.

const RULES_DIR = join(REPO_ROOT, 'core', 'logs', 'rules');
const RULE_FILE = /^(TLS365-DISC-\d{3})\.ts$/;

function ruleFiles(): { id: string; exports: Record<string, unknown> }[] {
  return readdirSync(RULES_DIR).sort().flatMap((name) => {
    const m = RULE_FILE.exec(name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- files found on disk at run time: import cannot name them
    return m === null ? [] : [{ id: m[1] as string, exports: require(join(RULES_DIR, name)) as Record<string, unknown> }];
  });
}

function rule(id: string): LogRule & { applies: (e: HitEvent) => boolean } {
  const r = LOG_RULES.find((x) => x.id === id);
  assert.ok(r !== undefined && r.applies !== undefined, `${id} is a predicate rule`);
  return r as LogRule & { applies: (e: HitEvent) => boolean };
}

const IIS_HEADER = '#Fields: date time s-sitename c-ip cs(User-Agent) crypt-protocol crypt-cipher';
const iisHit = (protocol: string, cipher = '6610'): HitEvent => onlyHit(parseIis(`${IIS_HEADER}\n2024-05-01 10:00:00 W3SVC1 198.51.100.1 Agent ${protocol} ${cipher}`));

const lbHit = (protocol: string, forwarded: string, field = 'X-Forwarded-For'): HitEvent =>
  onlyHit(parseIis(`#Fields: date time c-ip crypt-protocol ${field}\n2024-05-01 10:00:00 10.0.0.5 ${protocol} ${forwarded}`));

const SMTP_ROW = (token: string): string =>
  `2024-05-01T10:00:01.030Z,EX01\\Default Frontend EX01,S1,3,192.0.2.25:25,198.51.100.20:50123,*,,"${TLS_SENTENCE(token)}"`;
function smtpHit(token: string, log: 'Receive' | 'Send'): SmtpHitEvent {
  const header = SMTP_HEADER.replace('SMTP Receive Protocol Log', `SMTP ${log} Protocol Log`);
  const hits = smtpHits(parseSmtp(`${header}\n${SMTP_ROW(token)}\n`));
  assert.equal(hits.length, 1, token);
  return hits[0] as SmtpHitEvent;
}

describe('logs: log-discovery rules (docs/domain-facts.md 10.9)', () => {
  it('one file per id under core/logs/rules, each exporting one LogRule whose id is the file name', () => {
    const files = ruleFiles();
    assert.deepEqual(files.map((f) => f.id), ['TLS365-DISC-001', 'TLS365-DISC-002', 'TLS365-DISC-003', 'TLS365-DISC-004', 'TLS365-DISC-005', 'TLS365-DISC-006']);
    for (const f of files) {
      const values = Object.values(f.exports);
      assert.equal(values.length, 1, `${f.id}.ts exports one rule`);
      const r = values[0] as LogRule;
      assert.equal(r.id, f.id, 'id equals the file name');
      assert.ok(LOG_RULES.includes(r), `${f.id} is in LOG_RULES`);
    }
  });

  it('LOG_RULES is every rule in id order; DISC_RULES names the same ids', () => {
    const ids = LOG_RULES.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(Object.values(DISC_RULES).sort(), ids);
    assert.deepEqual(DISC_RULES, {
      iisLegacy: 'TLS365-DISC-001', noTlsField: 'TLS365-DISC-002', smtpReceiveLegacy: 'TLS365-DISC-003',
      smtpSendLegacy: 'TLS365-DISC-004', weakCipher: 'TLS365-DISC-005', iisBehindProxy: 'TLS365-DISC-006',
    });
  });

  it('each rule has a title, the severity of 10.9, sources with tag, title and ref, and a fix', () => {
    const severities = Object.fromEntries(LOG_RULES.map((r) => [r.id, r.severity]));
    // docs/domain-facts.md 10.9, column "sev".
    assert.deepEqual(severities, {
      'TLS365-DISC-001': 'Warn', 'TLS365-DISC-002': 'Info', 'TLS365-DISC-003': 'Warn', 'TLS365-DISC-004': 'Warn', 'TLS365-DISC-005': 'Warn',
      'TLS365-DISC-006': 'Warn',
    });
    for (const r of LOG_RULES) {
      assert.ok(r.title.trim().length > 0, r.id);
      assert.ok(r.fix.trim().length > 0, r.id);
      assert.ok(r.sources.length > 0, r.id);
      for (const s of r.sources) assert.ok(s.tag !== '' && s.title !== '' && s.ref !== '', `${r.id}: ${s.tag}`);
    }
    // docs/domain-facts.md 10.9, column "source".
    const tags = Object.fromEntries(LOG_RULES.map((r) => [r.id, r.sources.map((s) => s.tag)]));
    assert.deepEqual(tags['TLS365-DISC-001'], ['IIS-BLOG', 'CONNINFO']);
    assert.deepEqual(tags['TLS365-DISC-002'], ['IIS-BLOG', 'SEED']);
    assert.deepEqual(tags['TLS365-DISC-003'], ['EX-TLS']);
    assert.deepEqual(tags['TLS365-DISC-004'], ['EX-TLS']);
    assert.deepEqual(tags['TLS365-DISC-006'], ['IIS-VARS', 'XFF']);
  });

  it('TLS365-DISC-002 is no predicate over one event: it is the list of sites without crypt-protocol', () => {
    assert.equal(LOG_RULES.find((r) => r.id === 'TLS365-DISC-002')?.applies, undefined);
    assert.deepEqual(LOG_RULES.filter((r) => r.applies !== undefined).map((r) => r.id), ['TLS365-DISC-001', 'TLS365-DISC-003', 'TLS365-DISC-004', 'TLS365-DISC-005', 'TLS365-DISC-006']);
  });

  // Per predicate rule: where the fact comes from, hits that trigger it and hits that do not (each named).
  const CASES: readonly { id: string; source: string; applies: [string, () => HitEvent][]; not: [string, () => HitEvent][] }[] = [
    {
      id: 'TLS365-DISC-001', source: '[IIS-BLOG]; [CONNINFO]; 9.1 crypt-protocol decoding',
      applies: [['crypt-protocol 40 (TLS 1.0)', () => iisHit('40')], ['100 (TLS 1.1)', () => iisHit('100')], ['10 (SSL 3.0)', () => iisHit('10')], ['4 (SSL 2.0)', () => iisHit('4')]],
      not: [['400 (TLS 1.2)', () => iisHit('400')], ['1000 (TLS 1.3)', () => iisHit('1000')], ['an Exchange receive row (DISC-003)', () => smtpHit('SP_PROT_TLS1_0_SERVER', 'Receive')]],
    },
    {
      id: 'TLS365-DISC-003', source: '[EX-TLS]; 9.3',
      applies: [['receive-log SP_PROT_TLS1_0_SERVER', () => smtpHit('SP_PROT_TLS1_0_SERVER', 'Receive')], ['SP_PROT_TLS1_1_SERVER', () => smtpHit('SP_PROT_TLS1_1_SERVER', 'Receive')]],
      not: [['SP_PROT_TLS1_2_SERVER', () => smtpHit('SP_PROT_TLS1_2_SERVER', 'Receive')], ['a send-log row (DISC-004)', () => smtpHit('SP_PROT_TLS1_0_CLIENT', 'Send')], ['an IIS request (DISC-001)', () => iisHit('40')]],
    },
    {
      id: 'TLS365-DISC-004', source: '[EX-TLS]; 9.3 (both the underscore and the hyphen form)',
      applies: [['send-log SP_PROT_TLS1_0_CLIENT', () => smtpHit('SP_PROT_TLS1_0_CLIENT', 'Send')], ['SP_PROT-TLS1_1_CLIENT', () => smtpHit('SP_PROT-TLS1_1_CLIENT', 'Send')]],
      not: [['SP_PROT-TLS1_2_CLIENT', () => smtpHit('SP_PROT-TLS1_2_CLIENT', 'Send')], ['a receive-log row (DISC-003)', () => smtpHit('SP_PROT_TLS1_0_SERVER', 'Receive')]],
    },
    {
      id: 'TLS365-DISC-005', source: '[ALG-ID]; 9.1; docs/log-formats.md 1.5 ALG_ID table',
      applies: [['crypt-cipher 6801 (RC4)', () => iisHit('400', '6801')], ['6603 (3DES)', () => iisHit('40', '6603')]],
      not: [['6610 (AES-256)', () => iisHit('400', '6610')], ['no cipher logged (-)', () => iisHit('400', '-')]],
    },
    {
      // The crypt-* fields are of the connection IIS accepted (CRYPT_PROTOCOL [IIS-VARS]); X-Forwarded-For is added
      // by a proxy that ended the client's TLS [XFF]: the legacy protocol is the proxy's back-end leg.
      id: 'TLS365-DISC-006', source: '[IIS-VARS]; [XFF]; docs/log-formats.md 1.5',
      applies: [
        ['TLS 1.0 with X-Forwarded-For 203.0.113.5,+10.0.0.9', () => lbHit('40', '203.0.113.5,+10.0.0.9')],
        ['TLS 1.1 with OriginalIP 2001:db8::5', () => lbHit('100', '2001:db8::5', 'OriginalIP')],
        ['SSL 3.0 with OriginalClientIP unknown,+10.0.0.9 (a proxy chain, client unknown)', () => lbHit('10', 'unknown,+10.0.0.9', 'OriginalClientIP')],
      ],
      not: [
        ['TLS 1.2 behind a load balancer (not legacy)', () => lbHit('400', '203.0.113.5')], ['TLS 1.0 with X-Forwarded-For - (direct)', () => lbHit('40', '-')],
        ['TLS 1.0 with X-Forwarded-For unknown (no address)', () => lbHit('40', 'unknown')], ['TLS 1.0 without the field', () => iisHit('40')],
        ['an Exchange receive row', () => smtpHit('SP_PROT_TLS1_0_SERVER', 'Receive')],
      ],
    },
  ];

  for (const c of CASES) {
    it(`${c.id} (${c.source}): applies to ${c.applies.map(([what]) => what).join(', ')}; not to ${c.not.map(([what]) => what).join(', ')}`, () => {
      const r = rule(c.id);
      for (const [what, hit] of c.applies) assert.equal(r.applies(hit()), true, `${c.id} applies: ${what}`);
      for (const [what, hit] of c.not) assert.equal(r.applies(hit()), false, `${c.id} does not apply: ${what}`);
    });
  }
});
