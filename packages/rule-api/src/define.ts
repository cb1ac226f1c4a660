import type { Rule, RuleMeta } from './types.js';

/** Where the rule pages live; a rule's page is `${DOCS_BASE_URL}<family>/<name>.md`. */
export const DOCS_BASE_URL = 'https://github.com/fzlint/fzlint/blob/main/docs/rules/';

/** Input of `defineRule`: `docsUrl` may be left out and is derived from the id. */
export interface RuleDefinition<MessageId extends string, Options> {
  readonly meta: Omit<RuleMeta<MessageId, Options>, 'docsUrl'> & { readonly docsUrl?: string };
  readonly check: Rule<MessageId, Options>['check'];
}

/**
 * Defines a rule with type-checked message ids (as typescript-eslint's `createRule`).
 * The docs URL is derived from the id so it can never drift from the file layout.
 */
export function defineRule<MessageId extends string, Options = Record<string, never>>(
  definition: RuleDefinition<MessageId, Options>,
): Rule<MessageId, Options> {
  const { meta } = definition;
  if (!meta.id.startsWith(`${meta.family}/`)) {
    throw new Error(`Rule id ${meta.id} does not start with its family ${meta.family}/`);
  }
  return {
    meta: { ...meta, docsUrl: meta.docsUrl ?? `${DOCS_BASE_URL}${meta.id}.md` },
    check: definition.check,
  };
}
