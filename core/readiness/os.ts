import { readDword, readString, type RegistryIndex } from './registry.js';
import { OS_KEY, PRODUCT_OPTIONS_KEY } from './paths.js';

/**
 * OS identification from HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion (docs/domain-facts.md section 6).
 * TLS365 OS classes: legacyNoTls12 (< 6002, or 6002/6003 client = Vista), ws2008sp2 (6002/6003 server),
 * win7 (7600, 7601), win8 (9200), win81 (9600), win10plus (>= 10240).
 */
export type OsClass = 'legacyNoTls12' | 'ws2008sp2' | 'win7' | 'win8' | 'win81' | 'win10plus';

export interface OsFacts {
  readonly build: number;
  readonly ubr: number | null;
  readonly name: string;
  /** true server, false client, null when the input cannot tell (docs/domain-facts.md 6: never guess). */
  readonly isServer: boolean | null;
  readonly installationType: string | null;
  readonly servicePack: string | null;
  readonly osClass: OsClass;
  /** The build is in the docs/domain-facts.md section 6 table. */
  readonly knownBuild: boolean;
  /** TLS 1.3 in Schannel: Server 2022 (20348) and later, Windows 11 (22000) and later [PROTOCOLS]. */
  readonly tls13Capable: boolean;
}

/** Builds named in docs/domain-facts.md section 6, with the name TLS365 shows when ProductName is missing. */
export const BUILD_NAMES: ReadonlyMap<number, { client: string; server: string | null }> = new Map([
  [6000, { client: 'Windows Vista', server: null }],
  [6001, { client: 'Windows Vista SP1', server: 'Windows Server 2008' }],
  [6002, { client: 'Windows Vista SP2', server: 'Windows Server 2008 SP2' }],
  [6003, { client: 'Windows Vista SP2', server: 'Windows Server 2008 SP2' }],
  [7600, { client: 'Windows 7', server: 'Windows Server 2008 R2' }],
  [7601, { client: 'Windows 7 SP1', server: 'Windows Server 2008 R2 SP1' }],
  [9200, { client: 'Windows 8', server: 'Windows Server 2012' }],
  [9600, { client: 'Windows 8.1', server: 'Windows Server 2012 R2' }],
  [10240, { client: 'Windows 10 1507', server: null }],
  [10586, { client: 'Windows 10 1511', server: null }],
  [14393, { client: 'Windows 10 1607', server: 'Windows Server 2016' }],
  [15063, { client: 'Windows 10 1703', server: null }],
  [16299, { client: 'Windows 10 1709', server: 'Windows Server 1709' }],
  [17134, { client: 'Windows 10 1803', server: 'Windows Server 1803' }],
  [17763, { client: 'Windows 10 1809', server: 'Windows Server 2019' }],
  [18362, { client: 'Windows 10 1903', server: 'Windows Server 1903' }],
  [18363, { client: 'Windows 10 1909', server: 'Windows Server 1909' }],
  [19041, { client: 'Windows 10 2004', server: 'Windows Server 2004' }],
  [19042, { client: 'Windows 10 20H2', server: 'Windows Server 20H2' }],
  [19043, { client: 'Windows 10 21H1', server: null }],
  [19044, { client: 'Windows 10 21H2', server: null }],
  [19045, { client: 'Windows 10 22H2', server: null }],
  [20348, { client: 'Windows Server 2022', server: 'Windows Server 2022' }],
  [22000, { client: 'Windows 11 21H2', server: null }],
  [22621, { client: 'Windows 11 22H2', server: null }],
  [22631, { client: 'Windows 11 23H2', server: null }],
  [26100, { client: 'Windows 11 24H2', server: 'Windows Server 2025' }],
]);

export function osClassOf(build: number, isServer: boolean | null): OsClass {
  if (build < 6002) return 'legacyNoTls12';
  if (build === 6002 || build === 6003) return isServer === false ? 'legacyNoTls12' : 'ws2008sp2';
  if (build < 9200) return 'win7';
  if (build < 9600) return 'win8';
  if (build < 10240) return 'win81';
  return 'win10plus';
}

/** Reads the OS, or null when the image has no usable CurrentBuildNumber (then every OS-dependent verdict is Unknown). */
export function readOs(reg: RegistryIndex): OsFacts | null {
  const buildText = readString(reg, OS_KEY, 'CurrentBuildNumber') ?? readString(reg, OS_KEY, 'CurrentBuild');
  if (buildText === undefined || !/^\s*[0-9]{4,6}\s*$/.test(buildText)) return null;
  const build = Number(buildText.trim());
  const ubrRead = readDword(reg, OS_KEY, 'UBR');
  const ubr = ubrRead.kind === 'dword' ? ubrRead.value : null;
  const productName = readString(reg, OS_KEY, 'ProductName') ?? null;
  const installationType = readString(reg, OS_KEY, 'InstallationType') ?? null;
  const productType = readString(reg, PRODUCT_OPTIONS_KEY, 'ProductType') ?? null;
  let isServer: boolean | null = null;
  if (installationType !== null) isServer = !/^client$/i.test(installationType.trim());
  else if (productType !== null && /^(ServerNT|LanmanNT|WinNT)$/i.test(productType.trim())) isServer = !/^WinNT$/i.test(productType.trim());
  else if (productName !== null) isServer = /server/i.test(productName);
  // Builds only ever shipped as one kind.
  if (isServer === null && (build === 20348 || build === 6000)) isServer = build === 20348;

  const known = BUILD_NAMES.get(build);
  let name: string;
  if (productName !== null && productName.trim() !== '') {
    name = productName.trim();
    // Windows 11 still says "Windows 10" in ProductName (docs/domain-facts.md 6).
    if (build >= 22000 && isServer === false) name = name.replace(/^Windows 10\b/, 'Windows 11');
  } else if (known !== undefined) {
    name = (isServer === true ? known.server : known.client) ?? known.client;
  } else {
    name = `Windows build ${build}`;
  }
  const servicePack = readString(reg, OS_KEY, 'CSDVersion') ?? null;
  return {
    build,
    ubr,
    name,
    isServer,
    installationType,
    servicePack,
    osClass: osClassOf(build, isServer),
    knownBuild: known !== undefined,
    tls13Capable: build >= 22000 || (build >= 20348 && isServer !== false),
  };
}
