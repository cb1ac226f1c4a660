import type { LineColumn } from '@fzlint/parser';
import type { RuleMeta, Severity } from '@fzlint/rule-api';
import { rules as builtinRules } from '@fzlint/rules';
import { positionFinder } from '../lines.js';
import { LINTER_DOCS_URL, LINTER_RULE_DESCRIPTIONS } from '../messages.js';
import { HOMEPAGE, VERSION } from '../version.js';
import type { FormattableResult, FormatterContext } from './types.js';
import { isAbsolutePath, relativeTo, toPosix } from './paths.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };

/** The `$schema` of the SARIF documents fzlint writes. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

function builtinMeta(): Record<string, RuleMeta> {
  const out: Record<string, RuleMeta> = {};
  for (const rule of builtinRules) out[rule.meta.id] = rule.meta;
  return out;
}

// encodeURI keeps `/` and encodes spaces and non-ASCII; `#` and `?` would start a fragment or query.
function encodePath(path: string): string {
  return encodeURI(path).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

/** The artifact URI of a file: relative to `cwd` when inside it (GitHub needs that), else a file URI. */
export function artifactUri(cwd: string | undefined, filePath: string): string {
  const rel = relativeTo(cwd, filePath);
  if (!isAbsolutePath(rel)) return encodePath(rel);
  const posix = toPosix(rel);
  return `file://${posix.startsWith('/') ? '' : '/'}${encodePath(posix)}`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run whose
 * `tool.driver.rules` lists every known rule (id, descriptions, help URI,
 * default level) and whose results point at files by repository-relative URI
 * with 1-based line/column regions (UTF-16 code units, SARIF's default).
 */
export function sarif(results: readonly FormattableResult[], context: FormatterContext = {}): string {
  return JSON.stringify(toSarifLog(results, context), null, 2);
}

/** The SARIF log as an object (before `JSON.stringify`). */
export function toSarifLog(results: readonly FormattableResult[], context: FormatterContext = {}): Record<string, unknown> {
  const locale = context.locale ?? 'zh-CN';
  const metas = context.rulesMeta ?? builtinMeta();
  const driverRules: SarifRule[] = [];
  const index = new Map<string, number>();
  const addRule = (id: string, description: { 'zh-CN': string; en: string }, severity: Severity, helpUri: string, family: string) => {
    index.set(id, driverRules.length);
    const other = locale === 'en' ? description['zh-CN'] : description.en;
    driverRules.push({
      id,
      shortDescription: { text: description[locale] },
      fullDescription: { text: `${description[locale]} (${other})` },
      helpUri,
      help: { text: `${description[locale]}\n${helpUri}` },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: [family] },
    });
  };
  for (const id of Object.keys(metas).sort()) {
    const meta = metas[id]!;
    addRule(id, meta.description, meta.defaultSeverity, meta.docsUrl, meta.family);
  }
  const ensureRule = (id: string, docsUrl: string) => {
    if (index.has(id)) return;
    const own = LINTER_RULE_DESCRIPTIONS[id];
    addRule(
      id,
      own?.description ?? { 'zh-CN': id, en: id },
      own?.severity ?? 'warn',
      docsUrl || LINTER_DOCS_URL,
      id.split('/')[0] ?? 'fzlint',
    );
  };

  const sarifResults: Record<string, unknown>[] = [];
  const artifacts: { location: { uri: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (artifact: string): number => {
    let at = artifactIndex.get(artifact);
    if (at === undefined) {
      at = artifacts.length;
      artifactIndex.set(artifact, at);
      artifacts.push({ location: { uri: artifact } });
    }
    return at;
  };
  for (const result of results) {
    const uri = result.filePath !== undefined ? artifactUri(context.cwd, result.filePath) : 'stdin';
    let positionAt: ((offset: number) => LineColumn) | undefined;
    for (const d of result.diagnostics) {
      ensureRule(d.ruleId, d.docsUrl);
      artifactOf(uri);
      sarifResults.push({
        ruleId: d.ruleId,
        ruleIndex: index.get(d.ruleId)!,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, index: artifactIndex.get(uri)! },
              region: {
                startLine: d.start.line,
                startColumn: d.start.column,
                endLine: d.end.line,
                endColumn: d.end.column,
              },
            },
          },
        ],
        ...(d.related?.length
          ? {
              relatedLocations: d.related.map((r, i) => {
                // A place in another file (last year's report) carries its own positions.
                if (r.filePath !== undefined && r.start && r.end) {
                  const otherUri = artifactUri(context.cwd, r.filePath);
                  return {
                    id: i + 1,
                    message: { text: r.message },
                    physicalLocation: {
                      artifactLocation: { uri: otherUri, index: artifactOf(otherUri) },
                      region: { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column },
                    },
                  };
                }
                return {
                  id: i + 1,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri, index: artifactIndex.get(uri)! },
                    region: region((positionAt ??= positionsOf(result)), r.range.start, r.range.end),
                  },
                };
              }),
            }
          : {}),
        properties: { fzlintSeverity: d.severity },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fzlint',
            informationUri: HOMEPAGE,
            version: VERSION,
            semanticVersion: VERSION,
            rules: driverRules,
          },
        },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

/**
 * A position finder for a result's findings. Formatters do not rely on
 * `result.document` (a CLI may drop it to pass results between workers):
 * positions come from the document when present, else from the text the
 * findings refer to.
 */
function positionsOf(result: FormattableResult): (offset: number) => LineColumn {
  const { document } = result;
  if (document) return (offset) => document.lineIndex.positionAt(offset);
  return positionFinder(result.output ?? result.source ?? '');
}

function region(positionAt: (offset: number) => LineColumn, start: number, end: number) {
  const s = positionAt(start);
  const e = positionAt(end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}
