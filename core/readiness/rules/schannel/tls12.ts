import { schannelProtocolKey } from '../../paths.js';
import { protocolFix, turnOn } from './common.js';

/**
 * Shared by SCHANNEL-001..005: is TLS 1.2 usable by the Schannel client and server (docs/domain-facts.md 10.4, effective
 * state 3.3, per-OS defaults 3.2)? Fixes write `Enabled`=1 and `DisabledByDefault`=0 (3.3 step 4).
 */
export const CLIENT_KEY = schannelProtocolKey('TLS 1.2', 'Client');
export const SERVER_KEY = schannelProtocolKey('TLS 1.2', 'Server');

export const enableClient = protocolFix('Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Client key, then restart the machine.', [turnOn('TLS 1.2', 'Client')]);
export const enableServer = protocolFix('Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Server key, then restart the machine.', [turnOn('TLS 1.2', 'Server')]);
