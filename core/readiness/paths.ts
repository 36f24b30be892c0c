/**
 * Registry paths the rules read, spelled as full paths (HKEY_LOCAL_MACHINE\...). Sources: docs/domain-facts.md sections
 * 2.1 (WinHTTP), 1.4 (WinINet), 3.1/3.4/3.5 (SCHANNEL, cipher suites, FIPS), 4.1/4.4 (.NET), 5 (CBS), 6 (OS),
 * 7-8 (products).
 */
export const HKLM = 'HKEY_LOCAL_MACHINE';
export const HKCU = 'HKEY_CURRENT_USER';

/** A registry view: "64" is the native view of a 64-bit OS, "32" the Wow6432Node twin (or the only view of a 32-bit OS). */
export type View = '64' | '32';

export const OS_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion`;
export const COMPUTER_NAME_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName`;
export const ACTIVE_COMPUTER_NAME_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName`;
export const PRODUCT_OPTIONS_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions`;
export const ENVIRONMENT_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment`;
export const WOW_ROOT = `${HKLM}\\SOFTWARE\\Wow6432Node`;

export const SCHANNEL_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL`;
export type SchannelProtocol = 'SSL 2.0' | 'SSL 3.0' | 'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3';
export type Role = 'Client' | 'Server';
export const schannelProtocolKey = (p: SchannelProtocol, role: Role): string => `${SCHANNEL_KEY}\\Protocols\\${p}\\${role}`;

export const FIPS_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy`;
export const LSA_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Lsa`;
export const CIPHER_POLICY_KEY = `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002`;
export const CIPHER_LOCAL_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002`;

/** `HKLM\SOFTWARE\<sub>` in the given view; `x64` false means the OS has one (32-bit) view, which is native. */
export function softwareKey(view: View, x64: boolean, sub: string): string {
  return view === '32' && x64 ? `${WOW_ROOT}\\${sub}` : `${HKLM}\\SOFTWARE\\${sub}`;
}

export const INTERNET_SETTINGS = 'Microsoft\\Windows\\CurrentVersion\\Internet Settings';
export const winHttpKey = (view: View, x64: boolean): string => softwareKey(view, x64, `${INTERNET_SETTINGS}\\WinHttp`);

/** WinINet SecureProtocols locations, in TLS365's precedence order (docs/domain-facts.md 1.4, order unconfirmed). */
export const WININET_KEYS: readonly { readonly key: string; readonly label: string }[] = [
  { key: `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`, label: 'HKLM policy' },
  { key: `${HKCU}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`, label: 'HKCU policy' },
  { key: `${HKCU}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`, label: 'HKCU' },
  { key: `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`, label: 'HKLM' },
];

export type NetFxVersion = 'v4.0.30319' | 'v2.0.50727';
export const netFxKey = (view: View, x64: boolean, version: NetFxVersion): string => softwareKey(view, x64, `Microsoft\\.NETFramework\\${version}`);
export const NDP_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP`;
export const NDP_V4_FULL_KEY = `${NDP_KEY}\\v4\\Full`;
export const NDP_V35_KEY = `${NDP_KEY}\\v3.5`;

export const CBS_PACKAGES_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages`;

/**
 * Pending-restart markers: the key's existence is the signal, its values do not matter (docs/domain-facts.md 5.1)
 * [CM-PREREQ] [HC-REBOOT]. `parent` is what an image must list itself for the marker's absence to mean "not pending".
 */
export interface RebootMarker {
  readonly key: string;
  readonly parent: string;
  readonly label: string;
}
const CURRENT_VERSION = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion`;
/** Volatile: written by the module's live Set/Undo with the change's time and backup, gone after a restart. */
export const TLS365_RESTART_MARKER = `${HKLM}\\SOFTWARE\\TLS365RestartPending`;
export const REBOOT_MARKERS: readonly RebootMarker[] = [
  { key: `${CURRENT_VERSION}\\Component Based Servicing\\RebootPending`, parent: `${CURRENT_VERSION}\\Component Based Servicing`, label: 'Component Based Servicing RebootPending' },
  { key: `${CURRENT_VERSION}\\WindowsUpdate\\Auto Update\\RebootRequired`, parent: `${CURRENT_VERSION}\\WindowsUpdate\\Auto Update`, label: 'Windows Update RebootRequired' },
  // TLS365's own marker (issue 16 item 2): Set-Tls365Protocols and Undo-Tls365Change create it as a VOLATILE key
  // after a live change that needs a restart, so Windows removes it at the next boot: "TLS365 changes written since
  // the last boot". Its parent is all of HKLM\SOFTWARE, which no image lists: only the collector can say it is absent.
  { key: TLS365_RESTART_MARKER, parent: `${HKLM}\\SOFTWARE`, label: 'TLS365 changes written since the last boot' },
];

export const PRODUCT_UPDATES_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\Updates`;
export const PRODUCT_UPDATES_KEY_32 = `${WOW_ROOT}\\Microsoft\\Updates`;

export const EXCHANGE_SETUP_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup`;
export const EXCHANGE_2010_SETUP_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\ExchangeServer\\v14\\Setup`;
export const EXCHANGE_EDGE_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole`;
export const SMS_CLIENT_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\SMS\\Mobile Client`;
export const AADC_KEY = `${HKLM}\\SOFTWARE\\Microsoft\\Azure AD Connect`;
