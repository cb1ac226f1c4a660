// Build step, after tsc:
// 1. writes the config JSON Schema, generated from the built rules' metadata, to
//    dist/config-schema.json (published as `@fzlint/linter/config-schema.json`).
//    With --update it also rewrites the checked-in src/config-schema.json; a test
//    fails when that file drifts from the rules (markdownlint's approach).
// 2. precompiles the config validator for the built-in rules with Ajv's standalone
//    code generation into dist/config/compiled-validator.js, replacing tsc's
//    placeholder, so validating a config at run time never loads Ajv's compiler.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@fzlint/rules';
import { buildConfigSchema } from '../dist/config/schema.js';
import { standaloneValidatorModule } from '../dist/config/standalone.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`;
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'config-schema.json'), text);
if (process.argv.includes('--update')) {
  writeFileSync(join(root, 'src', 'config-schema.json'), text);
  console.log('updated src/config-schema.json');
}

const compiled = join(root, 'dist', 'config', 'compiled-validator.js');
writeFileSync(compiled, standaloneValidatorModule(rules));
// tsc's map describes the placeholder, not this code.
rmSync(`${compiled}.map`, { force: true });
