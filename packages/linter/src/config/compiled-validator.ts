/**
 * The config validator, precompiled at build time. This source is a placeholder
 * (nothing precompiled: `validator.ts` then compiles the schema with Ajv at run
 * time, as tests running from `src` do). The build (`scripts/config-schema.mjs`)
 * replaces `dist/config/compiled-validator.js` with Ajv standalone code for the
 * built-in rules, so a run validating a config file never loads Ajv's compiler
 * nor checks the schema against Ajv's meta-schema — and, with the rule ids written
 * out beside it (`RULE_IDS`), never loads the rules either (a warm `--cache` run
 * loads no rule module). Only this placeholder imports the rules.
 */
import type { AnyRule } from '@fzlint/rule-api';
import { rules } from '@fzlint/rules';
import type { ConfigValidateFunction } from './validate-function.js';

/** `rulesFingerprint` of the rules the validator was compiled for; undefined when nothing was precompiled. */
export const RULES_FINGERPRINT: string | undefined = undefined;

/** The built-in rules' ids, sorted, when precompiled (then `BUILTIN_RULES` is undefined). */
export const RULE_IDS: readonly string[] | undefined = undefined;

/** The built-in rules, when nothing was precompiled (the generated module has `RULE_IDS` instead). */
export const BUILTIN_RULES: readonly AnyRule[] | undefined = rules;

/** Makes the precompiled validator (its schema constants are built on the first call only). */
export const createConfigValidator: (() => ConfigValidateFunction) | undefined = undefined;
