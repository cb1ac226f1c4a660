import type { AnyRule } from '@fzlint/rule-api';
import { rule as domainTypo } from './domain-typo.js';
import { rule as officialName } from './official-name.js';
import { rule as wording } from './wording.js';

/** The style/ rules, in documentation order. */
export const styleRules: readonly AnyRule[] = [officialName, wording, domainTypo];
