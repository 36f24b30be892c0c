/**
 * The public API of the TLS365 core: pure functions over plain data. No I/O, no clock, no process:
 * core/tsconfig.json compiles this folder with `types: []`, so Node's globals are not even visible here.
 */
export { PROTOCOLS, protocolFromName, protocolLabel, type Protocol } from './protocols/names.js';
export { LAYOUTS, layoutDefinition, layoutFromName, type Layout, type LayoutDefinition } from './protocols/layouts.js';
export { decodeMask, encodeMask, sortProtocols, type DecodedMask, type MaskError } from './protocols/mask.js';
export { formatHex, parseDword } from './protocols/dword.js';
export type { Result } from './model/result.js';
export type { Source, Sources } from './model/source.js';

/** Version of the core (package.json's; scripts/version.js keeps it so); the bridge reports it in its handshake. */
export { CORE_VERSION } from './version.js';
export * from './readiness/index.js';
export * from './logs/index.js';
export * from './plan/index.js';
export * from './change/index.js';
export * from './report/index.js';
