export { ConfigError } from './errors.js';
export { validateConfig, type ValidateConfigOptions } from './validate.js';
export { normalizeRuleEntry, parseIsoDate, isSeveritySetting, type NormalizedRuleEntry } from './entries.js';
export { formatKeyPath } from './keys.js';
export {
  CONFIG_MESSAGES,
  configMessage,
  configError,
  type ConfigMessageId,
  type ConfigMessageData,
} from './messages.js';
export {
  buildConfigSchema,
  CONFIG_KEYS,
  CONFIG_SCHEMA_ID,
  LOCALES,
  SEVERITY_SETTINGS,
  CATALOGUE_KINDS,
} from './schema.js';
export { buildValidationSchema, rulesFingerprint, AJV_OPTIONS, type ConfigValidateFunction } from './validator.js';
export { mergeConfigs } from './merge.js';
export { nearestNames } from './suggest.js';
