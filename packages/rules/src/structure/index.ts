import type { AnyRule } from '@fzlint/rule-api';
import { rule as disclosureDeadline } from './disclosure-deadline.js';
import { rule as headingNumbering } from './heading-numbering.js';
import { rule as requiredSection } from './required-section.js';
import { rule as shortcomingsWithoutCauses } from './shortcomings-without-causes.js';
import { rule as yearConsistency } from './year-consistency.js';

/** The structure/ rules, in documentation order. */
export const structureRules: readonly AnyRule[] = [
  requiredSection,
  shortcomingsWithoutCauses,
  headingNumbering,
  yearConsistency,
  disclosureDeadline,
];
