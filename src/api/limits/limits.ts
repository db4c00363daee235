/**
 * Request-shape limits, enforced before any resolver (and so any store call)
 * runs. Sized for the API's own clients: the deepest real query (referral →
 * household → village → township with connections) is under 10 levels; a
 * page of 100 households with their needs costs under 10,000.
 */
export const LIMITS = {
  /** Nesting of selections (introspection fields not counted). */
  maxDepth: 12,
  /** Aliased fields per operation, fragments expanded. */
  maxAliases: 30,
  /** Lexical tokens per document (graphql-js parse option: refused while parsing). */
  maxTokens: 3000,
  /** queryCost(): each field 1, a field's selection multiplied by its `first` (lists without it: 10). */
  maxCost: 20_000,
} as const;
