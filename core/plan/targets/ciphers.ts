import { CIPHER_POLICY_KEY } from '../../readiness/paths.js';
import { cipherTarget, CIPHER_LIST_LIMIT } from '../../readiness/rules/schannel/cipher-suites.js';
import { warning, type Intent, type TargetContext } from '../intent.js';

/**
 * Cipher suites (docs/domain-facts.md 3.4, 10.4 SCHANNEL-014..016, ENDPOINT-001..003): when a configured list lacks
 * every Microsoft 365 suite (014) or the suites Azure Front Door accepts (015), or an endpoint profile needs a suite
 * the machine does not offer (with or without a list), the target list puts the missing suites first, then the
 * configured ones (or the OS default list) without 3DES/RC4 (016), written as the Group Policy list, REG_SZ
 * comma-separated [HC-CIPHER]. cipher-suites.ts's cipherTarget is the one place that computes it.
 */

export function cipherIntents(ctx: TargetContext): Intent[] {
  const { m } = ctx;
  const t = cipherTarget(m, ctx.options);
  // Only suites that are missing make a plan change (a list that merely holds 3DES/RC4 is SCHANNEL-016, Info).
  if (t === null || t.add.length === 0) return [];
  if (t.dropped.length > 0) {
    ctx.warn(warning('cipher-limit', `The cipher-suite order policy holds at most ${CIPHER_LIST_LIMIT} characters; the ${t.dropped.length} least preferred configured suite(s) were left out to fit: ${t.dropped.join(', ')}.`, ['SChannelClient']));
  }
  ctx.warn(warning('cipher-policy', `The cipher-suite order is written as the Group Policy list (${CIPHER_POLICY_KEY} Functions) outside Group Policy: a domain GPO that manages "SSL Cipher Suite Order" overwrites it at the next refresh, so change the GPO too (or make this change through it).`, ['SChannelClient']));
  const origin = t.from === null ? 'no list configured (OS default order)' : `cipher-suite list (${t.from.origin === 'policy' ? 'Group Policy' : 'local'})`;
  return [{
    key: CIPHER_POLICY_KEY, name: 'Functions', want: { op: 'set-string', data: t.target.join(',') }, owner: 'SChannelClient', phase: 20, restart: 'reboot',
    reason: `${origin} without ${t.add.join(', ')}: added first${t.weak.length > 0 ? ', 3DES/RC4 removed' : ''}`,
  }];
}
