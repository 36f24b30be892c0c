/** Realistic regedit exports for the tests, as text lines (join with CRLF or LF as a test needs). */

export const crlf = (...lines: string[]): string => lines.join('\r\n');
export const lf = (...lines: string[]): string => lines.join('\n');

/** UTF-16LE with BOM, the bytes regedit's "Version 5.00" export writes. */
export const utf16leWithBom = (text: string): Uint8Array => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

export const SCHANNEL_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

export const SCHANNEL_LINES = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${SCHANNEL_KEY}\\TLS 1.2]`,
  '',
  `[${SCHANNEL_KEY}\\TLS 1.2\\Client]`,
  '"DisabledByDefault"=dword:00000000',
  '"Enabled"=dword:ffffffff',
  '',
  `[${SCHANNEL_KEY}\\TLS 1.2\\Server]`,
  '"DisabledByDefault"=dword:00000000',
  '"Enabled"=dword:00000001',
  '',
  `[${SCHANNEL_KEY}\\TLS 1.0\\Client]`,
  '"DisabledByDefault"=dword:00000001',
  '"Enabled"=dword:00000000',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]',
  '"SchUseStrongCrypto"=dword:00000001',
  '"SystemDefaultTlsVersions"=dword:00000001',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]',
  '"DefaultSecureProtocols"=dword:00000a80',
  '',
  '',
];

export const CBS_PACKAGE =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\Package_for_RollupFix~31bf3856ad364e35~amd64~~9600.20821.1.4';
export const NDP_FULL = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full';
export const CURRENT_VERSION = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

export const SERVICING_LINES = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${CBS_PACKAGE}]`,
  '"CurrentState"=dword:00000070',
  '"InstallClient"="WindowsUpdateAgent"',
  '"InstallLocation"="\\\\\\\\?\\\\C:\\\\Windows\\\\SoftwareDistribution\\\\Download\\\\5f3c1e0d\\\\"',
  '"InstallName"="Package_for_RollupFix~31bf3856ad364e35~amd64~~9600.20821.1.4.mum"',
  '"InstallTimeHigh"=dword:01d8d2a1',
  '"InstallTimeLow"=dword:4e6b7c00',
  '"InstallUser"="S-1-5-18"',
  '"SelfUpdate"=dword:00000000',
  '"Visibility"=dword:00000001',
  '',
  `[${CBS_PACKAGE}\\Owners]`,
  '"Package_for_RollupFix~31bf3856ad364e35~amd64~~9600.20821.1.4"=dword:00070070',
  '',
  `[${NDP_FULL}]`,
  '"CBS"=dword:00000001',
  '"Install"=dword:00000001',
  '"InstallPath"="C:\\\\Windows\\\\Microsoft.NET\\\\Framework64\\\\v4.0.30319\\\\"',
  '"Release"=dword:00080ff4',
  '"Servicing"=dword:00000000',
  '"TargetVersion"="4.0.0"',
  '"Version"="4.8.04084"',
  '',
  `[${NDP_FULL}\\1033]`,
  '"CBS"=dword:00000001',
  '"Install"=dword:00000001',
  '"Release"=dword:00080ff4',
  '',
  `[${CURRENT_VERSION}]`,
  '"SystemRoot"="C:\\\\Windows"',
  '"BuildBranch"="winblue_ltsb_escrow"',
  '"BuildGUID"="ffffffff-ffff-ffff-ffff-ffffffffffff"',
  '"BuildLab"="9600.winblue_ltsb_escrow.220812-1546"',
  '"CurrentBuild"="9600"',
  '"CurrentBuildNumber"="9600"',
  '"CurrentMajorVersionNumber"=dword:00000006',
  '"CurrentMinorVersionNumber"=dword:00000003',
  '"CurrentType"="Multiprocessor Free"',
  '"CurrentVersion"="6.3"',
  '"EditionID"="ServerStandard"',
  '"InstallationType"="Server"',
  '"InstallDate"=dword:5f5e5a2b',
  '"ProductName"="Windows Server 2012 R2 Standard"',
  '"ReleaseId"="6.3"',
  '"SoftwareType"="System"',
  '"UBR"=dword:00005115',
  '"PathName"="C:\\\\Windows"',
  '"ProductId"="00252-70000-00000-AA535"',
  '"DigitalProductId"=hex:a4,00,00,00,03,00,00,00,30,30,32,35,32,2d,37,30,30,30,\\',
  '  30,2d,30,30,30,30,30,2d,41,41,35,33,35,00,ec,0c,00,00,5b,54,48,5d,58,31,35,\\',
  '  2d,35,32,38,34,37,00,00,00,ec,0c,00,00,00,00,00,00',
  '"InstallTime"=hex(b):6a,2c,4b,c5,3a,8b,d6,01',
  '"RegisteredOrganization"=""',
  '"RegisteredOwner"="Windows User"',
  '"SystemRootVar"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,\\',
  '  6f,00,74,00,25,00,00,00',
  '',
  '',
];

/** A generated export in regedit's exact layout (the speed measurement uses ~4950 keys = 5 MB of UTF-16LE). */
export function generatedExport(keys: number): string {
  const out = ['Windows Registry Editor Version 5.00', ''];
  const bytes = Array.from({ length: 64 }, (_, i) => ((i * 37 + 11) & 0xff).toString(16).padStart(2, '0'));
  for (let k = 0; k < keys; k += 1) {
    out.push(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Product ${k % 97}\\Item ${k}]`);
    out.push(`"Name"="Item number ${k} with a \\\\ backslash and a \\"quote\\""`);
    out.push(`"Enabled"=dword:${(k * 2654435761 >>> 0).toString(16).padStart(8, '0')}`);
    out.push(`"Blob"=hex:${bytes.slice(0, 22).join(',')},\\`);
    out.push(`  ${bytes.slice(22, 47).join(',')},\\`);
    out.push(`  ${bytes.slice(47).join(',')}`);
    out.push('"Path"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\\');
    out.push('  00,25,00,00,00');
    out.push('"List"=hex(7):61,00,00,00,62,00,00,00,00,00');
    out.push('');
  }
  return out.join('\r\n');
}
