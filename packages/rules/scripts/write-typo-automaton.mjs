// Build step, after tsc: writes the typo automaton of style/domain-typo (the ontology's
// ~9,700 generated candidates and their blocked words, ~22,400 nodes) to
// dist/style/typo-automaton.bin, so a process or worker thread reads its typed arrays
// instead of building them (33–53 ms of CPU each). The package exports it as
// `@fzlint/rules/typo-automaton.bin`; test/typo-automaton-prebuilt.test.ts checks it
// against an automaton built at run time.
import { writeFileSync } from 'node:fs';
import { buildCandidateAutomaton, candidateAutomatonKey } from '../dist/style/domain-typo.js';
import { writeAutomaton } from '../dist/style/automaton.js';

const out = new URL('../dist/style/typo-automaton.bin', import.meta.url);
writeFileSync(out, writeAutomaton(buildCandidateAutomaton(), candidateAutomatonKey()));
