/**
 * The config validator, precompiled at build time. This source is a placeholder
 * (nothing precompiled: `validator.ts` then compiles the schema with Ajv at run
 * time, as tests running from `src` do). The build (`scripts/config-schema.mjs`)
 * replaces `dist/config/compiled-validator.js` with Ajv standalone code for the
 * built-in rules, so a run validating a config file never loads Ajv's compiler
 * nor checks the schema against Ajv's meta-schema.
 */
import type { ConfigValidateFunction } from './validate-function.js';

/** `rulesFingerprint` of the rules the validator was compiled for; undefined when nothing was precompiled. */
export const RULES_FINGERPRINT: string | undefined = undefined;

/** Makes the precompiled validator (its schema constants are built on the first call only). */
export const createConfigValidator: (() => ConfigValidateFunction) | undefined = undefined;
