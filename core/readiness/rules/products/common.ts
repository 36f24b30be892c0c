import type { MachineFacts } from '../../facts.js';
import type { RegChange } from '../../model.js';
import { HKLM } from '../../paths.js';
import type { DwordRead } from '../../registry.js';

/**
 * Shared by the product rules (docs/domain-facts.md 8, 10.8): Azure AD Connect (AADC-001), ConfigMgr clients and site
 * systems (CM-001, CM-002) and Office on Windows 7 SP1 (OFFICE-001). Each runs only on hosts of its product.
 */

export const NO_ARCH = 'the input cannot tell a 64-bit OS from a 32-bit one, so the registry views are unknown';
export const NO_DOTNET = 'the input has no .NET Framework keys';
export const NO_SCHANNEL = 'the input has no SCHANNEL key';
export const DSP = 'DefaultSecureProtocols';
export const TLS12 = 0x800;
/** TLS 1.1 + TLS 1.2 [KB3140245]; [SEED]. ConfigMgr's example 0xAA0 also sets SSL 3.0 (0x20), which TLS365 never writes. */
export const DSP_FIX = 0xa00;

export const hex = (n: number): string => `0x${n.toString(16).toUpperCase()}`;
export const show = (r: DwordRead): string => (r.kind === 'absent' ? 'absent' : r.kind === 'wrong-type' ? `a ${r.type}` : r.value > 9 ? hex(r.value) : String(r.value));

export const dword = (key: string, name: string, data: number): RegChange => ({ op: 'set-dword', key, name, data });
export const netValues = (key: string): RegChange[] => [dword(key, 'SystemDefaultTlsVersions', 1), dword(key, 'SchUseStrongCrypto', 1)];

/**
 * Azure AD Connect host: `-Role AzureADConnect`, or the `Azure AD Connect` key together with the ADSync
 * service's registration (`HKLM\SYSTEM\CurrentControlSet\Services\ADSync`). docs/domain-facts.md 8: Microsoft's own TLS
 * script creates the product key when missing, so the key alone is weak evidence; TLS365 asks for the
 * service too, which a registry image can show (an image without the Services key needs `-Role`).
 */
export const ADSYNC_SERVICE_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\ADSync`;
/** The one home of the Azure AD Connect test: AADC-001 and the planner (core/plan/targets/schannel.ts) both ask it. */
export const isAadc = (m: MachineFacts, roles: readonly string[]): boolean => roles.includes('AzureADConnect') || (m.products.azureAdConnect && m.reg.hasKey(ADSYNC_SERVICE_KEY));

/** ConfigMgr client (detected) or `-Role ConfigMgr`: CM-001 and CM-002 run. */
export const isConfigMgr = (m: MachineFacts, roles: readonly string[]): boolean => m.products.configMgrClient || roles.includes('ConfigMgr');
