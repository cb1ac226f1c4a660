import { CATALOGUE_CONFIDENCES, CATALOGUE_KINDS } from './types.js';

// For `@fzlint/ontology/catalogue-schema`: the config validator needs these without loading the data modules.
export { CATALOGUE_KINDS } from './types.js';

const ISO_PARTIAL_DATE = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const date = { type: 'string', pattern: ISO_PARTIAL_DATE } as const;
const confidence = { enum: [...CATALOGUE_CONFIDENCES] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * The JSON Schema of one `CatalogueEntry`, kept beside the type so that a new field is
 * a change in one package: @fzlint/linter's config schema (`catalogue` items) uses it.
 */
export const CATALOGUE_ENTRY_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'name', 'confidence'],
  properties: {
    id: { type: 'string', minLength: 1 },
    kind: { enum: [...CATALOGUE_KINDS] },
    name: { type: 'string', minLength: 1 },
    aliases: strings,
    patterns: strings,
    validFrom: date,
    validUntil: date,
    successor: { type: 'string' },
    successorIsRename: { type: 'boolean' },
    successorName: { type: 'string' },
    source: { type: 'string' },
    confidence,
    note: { type: 'string' },
    exclude: strings,
    renames: { type: 'object', additionalProperties: { type: 'string' } },
    severityCap: { enum: ['info', 'warn'] },
    versions: {
      type: 'array',
      description: '法律法规的全部版本（按时间先后）/ Every version of a law, oldest first.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'confidence', 'effectiveConfidence'],
        properties: {
          kind: { enum: ['制定', '修正', '修订', '废止'] },
          adopted: date,
          effective: date,
          confidence,
          effectiveConfidence: confidence,
          body: { type: 'string' },
          cite: { type: 'string' },
          source: { type: 'string' },
          note: { type: 'string' },
        },
      },
    },
    versionsComplete: { type: 'boolean' },
    phases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, note: { type: 'string' } },
      },
    },
    formerIds: strings,
    category: { type: 'string' },
  },
} as const;
