import type { ErrorObject } from 'ajv';

/**
 * A compiled config validator (Ajv's `ValidateFunction` shape, which standalone
 * code has too). In a module of its own so that the precompiled validator
 * (`compiled-validator.ts`) and the run-time compiler (`validator.ts`) share it
 * without importing each other.
 */
export interface ConfigValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
