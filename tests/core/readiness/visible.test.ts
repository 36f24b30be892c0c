import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluateSnapshot, exchangeFleetFindings, machineFacts, snapshotFromJson, snapshotFromReg, type MachineSnapshot,
} from '../../../core/index.js';
import { escapeHtml } from '../../../core/report/index.js';

// Issue 13, item 6: text read from an image or a snapshot (a machine name, a product name, a value name, a line of a
// broken file) can hold terminal escape sequences ("\x1B]0;title\x07" sets a window title, "\x1B[2J" clears the
// screen, 0x9B is an 8-bit CSI). The core turns every C0 control, DEL and C1 control in what it reports (names,
// messages, reasons, fix texts, errors) into a visible \xHH, so nothing it hands out can drive a console.
const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const EVIL = '\u001b]0;pwned\u0007EX\u001b[2J\u009b31m\u007f';
const SHOWN = '\\x1B]0;pwned\\x07EX\\x1B[2J\\x9B31m\\x7F';

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) strings(v, out);
  return out;
}

function example(file: string, edit: (text: string) => string = (t) => t): MachineSnapshot {
  const text = edit(readFileSync(join(EXAMPLES, file)).toString('utf16le'));
  const r = snapshotFromReg(Buffer.from(text, 'utf16le'), file);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('control characters from images are made visible in what the core reports', () => {
  it('a .reg ComputerName and ProductName with ESC, BEL, C1 and DEL: \\xHH in ComputerName, OS and every message', () => {
    const snap = example('ws2012r2-web01.reg', (t) => t
      .replace('"ComputerName"="WS2012R2-WEB01"', `"ComputerName"="${EVIL}"`)
      .replace('"ProductName"="Windows Server 2012 R2 Standard"', `"ProductName"="Windows Server 2012 R2 ${EVIL}"`));
    const r = evaluateSnapshot(snap);
    assert.equal(r.computerName, SHOWN);
    assert.equal(r.os.name, `Windows Server 2012 R2 ${SHOWN}`);
    assert.ok(r.findings.length > 0);
    for (const s of strings(r)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('a snapshot computerName and unreadable keys with control characters: visible in the name and in the Unknown reasons', () => {
    const base = example('ws2019-fs01.reg');
    const json = JSON.parse(JSON.stringify({ ...base, computerName: EVIL, covered: [], unreadable: [{ path: `HKEY_LOCAL_MACHINE\\SOFTWARE\\${EVIL}`, error: `denied ${EVIL}` }] }));
    const snap = snapshotFromJson(json, 'evil.json');
    assert.ok(snap.ok);
    const r = evaluateSnapshot(snap.value);
    assert.equal(r.computerName, SHOWN);
    for (const s of strings(r)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('tab, CR and LF in a machine name are made visible too (a name is one line)', () => {
    const snap = snapshotFromJson(JSON.parse(JSON.stringify({ ...example('ws2019-fs01.reg'), computerName: 'a\tb\r\nc' })), 'x.json');
    assert.ok(snap.ok);
    assert.equal(evaluateSnapshot(snap.value).computerName, 'a\\x09b\\x0D\\x0Ac');
  });

  it('EXCH-009 names the other servers of the fleet: their names are visible too', () => {
    const a = example('ws2016-ex01.reg', (t) => t.replace('"ComputerName"="WS2016-EX01"', `"ComputerName"="${EVIL}"`));
    const b = example('ws2016-ex01.reg', (t) => t.replace('"ComputerName"="WS2016-EX01"', '"ComputerName"="EX02"')
      .replace(/("SchUseStrongCrypto"=dword:)0000000[01]/, '$100000000'));
    const found = exchangeFleetFindings([machineFacts(a), machineFacts(b)], { roles: ['Exchange'] });
    assert.ok(found.length > 0, 'the two servers differ');
    for (const s of strings(found)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('errors naming a broken line or a bad snapshot field carry no raw control character (JSON.stringify leaves DEL and C1 raw)', () => {
    const reg = snapshotFromReg(Buffer.from(`\ufeffWindows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\A]\r\n${EVIL}\r\n"${EVIL}"=dword:zz\r\n`, 'utf16le'), `evil${EVIL}.reg`);
    assert.ok(!reg.ok);
    assert.equal(reg.error.errors.length, 2);
    for (const s of strings(reg.error)) {
      if (s === reg.error.file) continue; // the file as given, for the caller to name it (TargetObject)
      assert.ok(!CONTROL.test(s), JSON.stringify(s));
    }
    const json = snapshotFromJson({ schema: `tls365${EVIL}` }, 'x.json');
    assert.ok(!json.ok);
    for (const s of strings(json.error)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('the HTML report still escapes what reaches it (its own guard stays)', () => {
    const r = evaluateSnapshot(example('ws2012r2-web01.reg', (t) => t.replace('"ComputerName"="WS2012R2-WEB01"', `"ComputerName"="${EVIL}"`)));
    assert.equal(escapeHtml(r.computerName), SHOWN);
  });
});
