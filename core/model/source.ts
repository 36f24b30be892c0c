/** A published fact's origin. Every table and rule in the core carries at least one. */
export interface Source {
  /** Short tag used in docs/domain-facts.md (for example `SEED`, `SCHCRED`). */
  readonly tag: string;
  readonly title: string;
  /** Where to read it: a URL, or a precise locator for a file Microsoft ships (never invented). */
  readonly ref: string;
}

/** A non-empty list of sources: a fact without a source does not compile. */
export type Sources = readonly [Source, ...Source[]];
