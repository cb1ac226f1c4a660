import type { AnyRule } from '@fzlint/rule-api';
import { rule as domainTypo } from './domain-typo.js';
import { rule as officialName } from './official-name.js';

/** The style/ rules, in documentation order. */
export const styleRules: readonly AnyRule[] = [officialName, domainTypo];
