import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';

// logs.scan through the real bridge: files on disk, gzip, UTF-16LE, damaged and unknown files, progress
// notifications. The parsing rules themselves are tested in tests/core/logs.
const IIS = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2024-05-01 00:00:00',
  '#Fields: date time s-sitename s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol crypt-cipher',
  '2024-05-01 00:00:01 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610',
  '2024-05-01 00:00:02 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610',
  '2024-05-01 00:00:03 W3SVC1 10.0.0.5 GET /ews/ 443 192.0.2.11 curl/7.0 200 100 6610',
  '2024-05-01 00:00:04 W3SVC1 10.0.0.5 GET /ews/ 443 192.0.2.12 curl/8.0 200 400 6610',
].join('\r\n') + '\r\n';
const SMTP = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.0.0.0',
  '#Log-type: SMTP Receive Protocol Log',
  '#Date: 2024-05-01T00:00:00.000Z',
  '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
  '2024-05-01T00:00:01.000Z,EX01\\Default Frontend EX01,08DB0000000000A1,0,10.0.0.5:25,198.51.100.7:50001,+,,',
  '2024-05-01T00:00:01.100Z,EX01\\Default Frontend EX01,08DB0000000000A1,1,10.0.0.5:25,198.51.100.7:50001,<,EHLO printer01.contoso.com,',
  '2024-05-01T00:00:01.200Z,EX01\\Default Frontend EX01,08DB0000000000A1,2,10.0.0.5:25,198.51.100.7:50001,*,,"TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA1 with strength 160 bits and key exchange algorithm CALG_ECDHE with strength 256 bits"',
].join('\r\n') + '\r\n';

describe('logs.scan (Find-Tls365LegacyClient) through the real bridge', function () {
  this.timeout(30_000);
  let bridge: BridgeProcess;
  let dir: string;
  before(async () => {
    bridge = await startReadyBridge();
    dir = mkdtempSync(join(tmpdir(), 'tls365-logs-'));
    writeFileSync(join(dir, 'u_ex240501.log'), IIS);
    writeFileSync(join(dir, 'u_ex240502.log.gz'), gzipSync(Buffer.from(IIS)));
    writeFileSync(join(dir, 'cut.log.gz'), gzipSync(Buffer.from(IIS.repeat(200))).subarray(0, 400));
    writeFileSync(join(dir, 'utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(IIS, 'utf16le')]));
    writeFileSync(join(dir, 'RECV2024050100-1.LOG'), SMTP);
    writeFileSync(join(dir, 'notes.log'), 'just some text\nnot a log at all\n');
  });
  after(async () => {
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const scan = async (files: string[], extra: Record<string, unknown> = {}): Promise<{ result: any; notes: any[] }> => {
    const notes: any[] = [];
    bridge.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 'scan', method: 'logs.scan', params: { paths: files.map((f) => join(dir, f)), ...extra } })}\n`);
    for (;;) {
      const r: any = await bridge.next();
      if (r.id === 'scan') {
        assert.ok(r.result, JSON.stringify(r.error));
        return { result: r.result, notes };
      }
      notes.push(r);
    }
  };

  it('counts TLS 1.0/1.1 clients per IP across plain, gzip and UTF-16LE files, with progress notifications', async () => {
    const { result, notes } = await scan(['u_ex240501.log', 'u_ex240502.log.gz', 'utf16.log']);
    const byIp = Object.fromEntries(result.records.map((r: any) => [`${r.clientIp} ${r.protocol}`, r.count]));
    assert.deepEqual(byIp, { '192.0.2.10 Tls10': 6, '192.0.2.11 Tls11': 3 });
    assert.equal(result.fileErrors.length, 0);
    assert.ok(notes.length >= 3 && notes.every((n) => n.method === 'progress' && n.id === undefined));
    assert.equal(notes[notes.length - 1].params.filesDone, 3);
  });

  it('joins Exchange SMTP TLS rows to the client endpoint and EHLO name', async () => {
    const { result } = await scan(['RECV2024050100-1.LOG']);
    assert.equal(result.records.length, 1);
    assert.equal(result.records[0].clientIp, '198.51.100.7');
    assert.equal(result.records[0].protocol, 'Tls10');
    assert.equal(result.records[0].ehloName, 'printer01.contoso.com');
  });

  it('sends records in the TLS365.LegacyClient shape on request (user agents with spaces, absent values null)', async () => {
    const core = (await scan(['u_ex240501.log', 'RECV2024050100-1.LOG'])).result.records;
    const shaped = (await scan(['u_ex240501.log', 'RECV2024050100-1.LOG'], { shape: 'powershell' })).result.records;
    assert.equal(shaped.length, core.length);
    shaped.forEach((r: any, i: number) => {
      const c = core[i];
      assert.deepEqual(Object.keys(r), ['ClientIp', 'ForwardedFor', 'Protocol', 'Count', 'FirstSeen', 'LastSeen', 'Source', 'UserAgent', 'EhloName', 'Uri', 'Connector', 'Rules']);
      assert.deepEqual(r.ForwardedFor, []);
      assert.deepEqual([r.ClientIp, r.Protocol, r.Count, r.FirstSeen, r.LastSeen, r.Source, r.Rules], [c.clientIp, c.protocol, c.count, c.firstSeen ?? null, c.lastSeen ?? null, c.sources, c.rules]);
      assert.equal(r.UserAgent, c.userAgent === undefined ? null : c.userAgent.replace(/\+/g, ' '));
      assert.equal(r.EhloName, c.ehloName ?? null);
      assert.equal(r.Uri, c.sampleUri ?? null);
    });
    assert.ok(core.some((c: any) => c.userAgent?.includes('+')), 'the sample has a user agent logged with +');
    const bad = await new Promise<any>((resolve) => {
      bridge.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 'bad', method: 'logs.scan', params: { paths: [join(dir, 'u_ex240501.log')], shape: 'xml' } })}\n`);
      void bridge.next().then(resolve);
    });
    assert.equal(bad.error.data.path, 'params.shape');
  });

  it('behind a load balancer: the legacy client is c-ip, ForwardedFor lists the clients behind it, -AsSummary counts peers, -Detailed keeps the raw value', async () => {
    // crypt-protocol describes the connection IIS accepted, whose peer is c-ip (server variable CRYPT_PROTOCOL): the
    // TLS 1.0 is the load balancer's back-end leg, and the X-Forwarded-For addresses are the clients behind it.
    writeFileSync(join(dir, 'u_ex240503_lb.log'), [
      '#Fields: date time s-sitename c-ip cs(User-Agent) crypt-protocol X-Forwarded-For',
      '2024-05-03 00:00:01 W3SVC1 10.0.0.5 Outlook 40 203.0.113.5,+10.0.0.9',
      '2024-05-03 00:00:02 W3SVC1 10.0.0.5 Outlook 40 203.0.113.5',
      '2024-05-03 00:00:03 W3SVC1 10.0.0.5 Outlook 40 2001:db8::5',
      '2024-05-03 00:00:04 W3SVC1 10.0.0.5 probe 40 -',
      '2024-05-03 00:00:05 W3SVC1 198.51.100.3 curl 100 -',
    ].join('\r\n'));
    const shaped = (await scan(['u_ex240503_lb.log'], { shape: 'powershell' })).result;
    assert.deepEqual(shaped.records.map((r: any) => [r.ClientIp, r.Protocol, r.Count, r.ForwardedFor, r.Rules]), [
      ['10.0.0.5', 'Tls10', 4, ['203.0.113.5 (2)', '2001:db8::5 (1)'], ['TLS365-DISC-001', 'TLS365-DISC-006']],
      ['198.51.100.3', 'Tls11', 1, [], ['TLS365-DISC-001']],
    ]);
    assert.deepEqual(shaped.summary.map((s: any) => [s.protocol, s.requests, s.clients]), [['Tls10', 4, 1], ['Tls11', 1, 1]]);
    const hits = (await scan(['u_ex240503_lb.log'], { maxHits: 10 })).result.hits;
    assert.deepEqual(hits.map((h: any) => [h.ClientIp, h.ForwardedFor, h.ForwardedClient]), [
      ['10.0.0.5', '203.0.113.5,+10.0.0.9', '203.0.113.5'], ['10.0.0.5', '203.0.113.5', '203.0.113.5'], ['10.0.0.5', '2001:db8::5', '2001:db8::5'],
      ['10.0.0.5', undefined, undefined], ['198.51.100.3', undefined, undefined],
    ]);
  });

  it('gives one error per damaged, unknown or missing file and still counts the good ones', async () => {
    const { result } = await scan(['cut.log.gz', 'notes.log', 'missing.log', 'u_ex240501.log']);
    assert.deepEqual(result.fileErrors.map((e: any) => e.code), ['Truncated', 'UnknownFormat', 'Unreadable']);
    assert.ok(result.fileErrors.every((e: any) => e.message.includes(e.file)));
    assert.equal(result.records.find((r: any) => r.clientIp === '192.0.2.10').count >= 2, true);
  });

  it('returns raw hits only when asked, capped at maxHits', async () => {
    assert.equal((await scan(['u_ex240501.log'])).result.hits.length, 0);
    const { result } = await scan(['u_ex240501.log'], { maxHits: 2, protocols: ['Tls10', 'Tls11', 'Tls12'] });
    assert.equal(result.hits.length, 2);
    assert.equal(result.hits[0].Line, 5);
    // One convention for public objects (issue 14, item 6): TLS365.LegacyHit is PascalCase, nested objects too.
    const names = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => [k, ...(typeof v === 'object' && v !== null ? names(v) : [])]);
    for (const h of result.hits) assert.deepEqual(names(h).filter((k) => !/^[A-Z]/.test(k)), [], JSON.stringify(h));
    assert.equal(result.hits[0].ClientIp !== undefined && result.hits[0].Protocol !== undefined, true);
  });

  it('refuses bad options by field path', async () => {
    const r = await bridge.request('logs.scan', { paths: ['x'], fieldMap: { nonsense: 'a' } });
    assert.equal(r.error?.code, -32602);
    assert.equal(r.error?.data.path, 'params.fieldMap.nonsense');
  });
});
