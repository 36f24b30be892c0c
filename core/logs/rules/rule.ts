import type { Sources } from '../../model/source.js';
import type { HitEvent } from '../types.js';

/**
 * A log-discovery rule (docs/domain-facts.md 10.9): what a finding in the logs means and what an admin does
 * about it. Plain data, one file per id. A rule that is a predicate over one hit has `applies`, which the
 * aggregator calls for every hit it keeps in a record; TLS365-DISC-002 is not one (it is the list of sites
 * whose logs lack crypt-protocol, built from `no-tls-field` events).
 */
export interface LogRule {
  readonly id: string;
  readonly title: string;
  readonly severity: 'Fail' | 'Warn' | 'Info';
  readonly sources: Sources;
  /** What an admin does about it. */
  readonly fix: string;
  /** Pure: whether this hit triggers the rule for its record. */
  readonly applies?: (event: HitEvent) => boolean;
}
