/**
 * The fuzz properties and their runner, shared by the bounded test in
 * `pnpm test` (a fixed seed, a few thousand cases) and by `pnpm fuzz --runs N
 * --seed S` for long runs. A failing case is shrunk by fast-check to a minimal
 * reproduction, reported with the seed and path that replay it.
 */
import fc from 'fast-check';
import { readReport } from '@fzlint/input';
import { lint } from '@fzlint/linter';
import { editedReport, htmlSoup, lintCase, reportSoup, unicodeText, type LintCase } from './generators.js';
import { checkCase, resultViolations, type CaseOutcome } from './invariants.js';

/** Figures of a run, summed over its properties. */
export interface FuzzStats {
  /** Documents linted (shrinking included). */
  documents: number;
  /** Cases where the lint or a rule threw. */
  crashes: number;
  /** Cases with at least one broken invariant (crashes included). */
  violations: number;
  /** The slowest case: milliseconds and characters. */
  slowest: { ms: number; chars: number };
  /** The highest seconds per MB among cases of at least 4,000 characters (smaller ones are all start-up). */
  slowestPerMb: { secondsPerMb: number; chars: number };
  /** Characters linted. */
  chars: number;
}

/** A new, empty set of figures. */
export function emptyStats(): FuzzStats {
  return { documents: 0, crashes: 0, violations: 0, slowest: { ms: 0, chars: 0 }, slowestPerMb: { secondsPerMb: 0, chars: 0 }, chars: 0 };
}

function record(stats: FuzzStats, c: { text: string }, outcome: CaseOutcome): void {
  stats.documents++;
  stats.chars += c.text.length;
  if (outcome.crashed) stats.crashes++;
  if (outcome.violations.length > 0) stats.violations++;
  if (outcome.ms > stats.slowest.ms) stats.slowest = { ms: outcome.ms, chars: c.text.length };
  if (c.text.length >= 4000) {
    const perMb = outcome.ms / 1000 / (c.text.length / 1_000_000);
    if (perMb > stats.slowestPerMb.secondsPerMb) stats.slowestPerMb = { secondsPerMb: perMb, chars: c.text.length };
  }
}

/** One fuzz property: a generator of cases and the check that must pass for each. */
export interface FuzzProperty {
  readonly name: string;
  /** Share of the runs this property gets. */
  readonly weight: number;
  property(stats: FuzzStats): fc.IPropertyWithHooks<[unknown]> | fc.IAsyncPropertyWithHooks<[unknown]>;
}

function lintProperty(name: string, weight: number, cases: fc.Arbitrary<LintCase>): FuzzProperty {
  return {
    name,
    weight,
    property: (stats) =>
      fc.property(cases as fc.Arbitrary<unknown>, (value) => {
        const c = value as LintCase;
        const outcome = checkCase(c);
        record(stats, c, outcome);
        if (outcome.violations.length > 0) throw new Error(outcome.violations.slice(0, 5).join('\n'));
      }),
  };
}

/** Reading bytes never throws, and what is read lints with every invariant holding. */
function readProperty(name: string, weight: number, bytes: fc.Arbitrary<{ bytes: Uint8Array; file: string }>): FuzzProperty {
  return {
    name,
    weight,
    property: (stats) =>
      fc.asyncProperty(bytes as fc.Arbitrary<unknown>, async (value) => {
        const { bytes: data, file } = value as { bytes: Uint8Array; file: string };
        const read = await readReport(data, { name: file });
        if (!read.ok) {
          if (read.problem.id === 'readFailed') throw new Error(`reading ${file} failed: ${String(read.problem.data['detail'])}`);
          return;
        }
        const started = performance.now();
        const result = lint(read.text, { format: read.format });
        const outcome: CaseOutcome = { violations: resultViolations(result), crashed: result.ruleFailures.length > 0, ms: performance.now() - started };
        record(stats, { text: read.text }, outcome);
        if (outcome.violations.length > 0) throw new Error(outcome.violations.slice(0, 5).join('\n'));
      }),
  };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The properties, for a corpus of real reports (the edited-report generator's material). */
export function fuzzProperties(corpus: readonly string[]): FuzzProperty[] {
  return [
    lintProperty('random Unicode', 3, lintCase(unicodeText(400))),
    lintProperty('report-vocabulary soup', 4, lintCase(reportSoup(80))),
    lintProperty('edited corpus reports', 3, lintCase(editedReport(corpus))),
    lintProperty('fix: true on soup and edited reports', 2, lintCase(fc.oneof(reportSoup(60), editedReport(corpus, 3000)), true)),
    readProperty(
      'readers on HTML soup and raw bytes',
      1,
      fc.oneof(
        htmlSoup().map((html) => ({ bytes: utf8(html), file: 'page.html' })),
        fc.tuple(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.md', 'a.txt', 'a.html', 'a.docx')).map(([bytes, file]) => ({ bytes, file })),
      ),
    ),
  ];
}

/** One property's outcome. */
export interface PropertyReport {
  readonly name: string;
  readonly runs: number;
  readonly failed: boolean;
  /** The shrunk counterexample and the error it gives, when it failed. */
  readonly counterexample?: string;
  readonly error?: string;
  /** Replays the failure: `fc.assert(property, { seed, path })`. */
  readonly seed: number;
  readonly path?: string;
}

/** Options of {@link runFuzz}. */
export interface RunFuzzOptions {
  /** Cases in all (split over the properties by weight). */
  readonly runs: number;
  readonly seed: number;
  /** Only the properties whose name contains this. */
  readonly only?: string;
  readonly onProperty?: (report: PropertyReport) => void;
}

/** Runs every property; never throws for a failing case (it is in the reports). */
export async function runFuzz(corpus: readonly string[], options: RunFuzzOptions): Promise<{ reports: PropertyReport[]; stats: FuzzStats }> {
  const stats = emptyStats();
  const properties = fuzzProperties(corpus).filter((p) => options.only === undefined || p.name.includes(options.only));
  const total = properties.reduce((n, p) => n + p.weight, 0);
  const reports: PropertyReport[] = [];
  for (const p of properties) {
    const numRuns = Math.max(1, Math.round((options.runs * p.weight) / total));
    const details = await fc.check(p.property(stats), { numRuns, seed: options.seed, endOnFailure: false });
    const report: PropertyReport = details.failed
      ? {
          name: p.name,
          runs: details.numRuns,
          failed: true,
          counterexample: fc.stringify(details.counterexample),
          error: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
          seed: details.seed,
          path: details.counterexamplePath ?? '',
        }
      : { name: p.name, runs: details.numRuns, failed: false, seed: details.seed };
    reports.push(report);
    options.onProperty?.(report);
  }
  return { reports, stats };
}
