import type { Role } from './roles.js';
import type { Sources } from '../model/source.js';
import type { MachineFacts } from './facts.js';
import type { Component, Finding, Fix, RuleId, Severity } from './model.js';

/**
 * A rule: one catalogue entry (docs/domain-facts.md section 10), pure. It reads facts and returns what it found.
 * `unknown` says the rule needed input the snapshot lacks: the named components become Unknown, never a guess.
 */
export type RuleOutput =
  | { readonly kind: 'finding'; readonly finding: Finding }
  | { readonly kind: 'unknown'; readonly components: readonly Component[]; readonly reason: string };

/**
 * One shape for every rule, one rule per file (core/readiness/rules/<family>/<id>.ts, issue 14). `severity` and
 * `components` declare every severity and component its outputs can carry (tests/core/readiness/rule-files.test.ts
 * holds the rules to them); `fix` is the catalogue's one-sentence summary of what its findings' fixes do.
 */
export interface Rule {
  readonly id: RuleId;
  readonly title: string;
  /** Every severity its findings can carry, most severe first (Fail, Warn, Info). */
  readonly severity: readonly Severity[];
  /** Every component its findings or unknown outputs can name. */
  readonly components: readonly Component[];
  readonly sources: Sources;
  /** Only for rules scoped to a role or an option (Exchange, ConfigMgr, Azure AD Connect, Office, discovery): runs when this is true. */
  readonly applies?: (m: MachineFacts, options: EvaluateOptions) => boolean;
  readonly evaluate: (m: MachineFacts, options: EvaluateOptions) => readonly RuleOutput[];
  /** What this rule's fix does in general, one sentence (docs/rules.md); each finding carries the exact fix. */
  readonly fix: string;
}

export type { Role } from './roles.js';

export interface EvaluateOptions {
  /** Roles forced by the user (`-Role`), in addition to what is detected. */
  readonly roles: readonly Role[];
  /** The user asked for legacy-client discovery (enables SCHANNEL-017, Schannel event logging). */
  readonly discovery?: boolean;
  /**
   * The day (YYYY-MM-DD) the endpoint rules judge (`-AsOf`; the edges pass today). Absent: the endpoint rules do
   * not run (a pure evaluation has no clock).
   */
  readonly asOf?: string;
  /** Endpoint profile ids to judge (`-Endpoint`); absent: every profile. */
  readonly endpoints?: readonly string[];
}

/** Builds a finding output; the rule's own sources are attached by tag. */
export function finding(rule: Pick<Rule, 'id' | 'sources'>, severity: Severity, components: readonly Component[], message: string, fix: Fix | null, missingUpdates: readonly string[] = []): RuleOutput {
  return {
    kind: 'finding',
    finding: { ruleId: rule.id, severity, components, message, fix, missingUpdates, sources: rule.sources.map((s) => s.tag) },
  };
}

export function unknown(components: readonly Component[], reason: string): RuleOutput {
  return { kind: 'unknown', components, reason };
}
