/**
 * `fzlint catalogue [query]`: the catalogue the references rules judge by — every
 * entry (policies, laws with all their versions, plan periods, congresses, bodies,
 * terms, campaigns) with its kind, dates or versions, successor, source and
 * confidence — listed, or searched by name, short name or id. The entries of the
 * user's config (`"catalogue": [...]` in `fzlint.config.json`, found from the working
 * directory, or `--config`) are included and override built-in ones with the same id,
 * as when linting. Text or JSON; exit 0 (also when nothing matches: a line on stderr
 * says so), 2 for a broken config.
 */
import { resolve } from 'node:path';
import type { CatalogueListing } from '@fzlint/ontology';
import type { CliOptions } from '../args.js';
import { writeText, type CliIo } from '../io.js';
import { problem } from '../messages.js';
import { localeOf, openProject } from '../project.js';
import type { Reporter } from '../reporter.js';

/** One entry as `--format json` prints it: the listing and where it comes from. */
export interface CatalogueItem extends CatalogueListing {
  /** `config`: an entry of the user's config (added, or overriding the built-in one of its id). */
  readonly origin: 'builtin' | 'config';
}

/** What `fzlint catalogue --format json` prints. */
export interface CatalogueOutput {
  readonly version: 1;
  /** The query as given ('' lists every entry). */
  readonly query: string;
  /** The date the built-in catalogue was last reviewed (references made after it could not be judged). */
  readonly reviewed: string;
  readonly count: number;
  readonly entries: readonly CatalogueItem[];
}

/** Lists or searches the catalogue. */
export async function catalogueCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const locale = localeOf(options);
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const [{ searchCatalogue, formatCatalogue, CATALOGUE_REVIEWED }, { mergeCatalogue }] = await Promise.all([
    import('@fzlint/ontology'),
    import('@fzlint/rule-api'),
  ]);
  // The config that applies in the working directory (or --config), as for a report written there.
  let own: readonly { readonly id: string }[];
  let catalogue;
  try {
    const extra = fzlint.configFor(resolve(io.cwd, 'fzlint-catalogue.md')).config.catalogue;
    own = extra ?? [];
    catalogue = mergeCatalogue(extra);
  } catch (error) {
    if ((error as Error).name !== 'ConfigError') throw error;
    reporter.report(problem('configError', { detail: (error as Error).message }));
    return 2;
  }
  const query = options.patterns.join(' ').trim();
  const fromConfig = new Set(own.map((e) => e.id));
  const entries: CatalogueItem[] = searchCatalogue(query, { catalogue }).map((l) => ({ ...l, origin: fromConfig.has(l.id) ? 'config' : 'builtin' }));
  if (entries.length === 0 && query !== '') reporter.report(problem('catalogueNothing', { query }, 'warning'));

  let text: string;
  if (options.formats[0]?.name === 'json') {
    const output: CatalogueOutput = { version: 1, query, reviewed: CATALOGUE_REVIEWED, count: entries.length, entries };
    text = `${JSON.stringify(output, null, 2)}\n`;
  } else {
    const zh = locale === 'zh-CN';
    const blocks = entries.map((e) => {
      // formatCatalogue ends every listing with the review date: kept once, at the end.
      const lines = formatCatalogue([e], locale).split('\n').slice(0, -2);
      if (e.origin === 'config' && lines[0] !== undefined) lines[0] += zh ? '  （来自配置）' : '  (from the config)';
      return lines.join('\n');
    });
    const configured = entries.filter((e) => e.origin === 'config').length;
    const count = zh
      ? `共 ${entries.length} 条${configured > 0 ? `（其中 ${configured} 条来自配置）` : ''}`
      : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${configured > 0 ? ` (${configured} from the config)` : ''}`;
    const reviewed = zh ? `目录最后核对：${CATALOGUE_REVIEWED}` : `Catalogue last reviewed: ${CATALOGUE_REVIEWED}`;
    text = `${[...blocks, ...(blocks.length > 0 ? [''] : []), `${count}${zh ? '；' : '; '}${reviewed}`].join('\n')}\n`;
  }
  if (options.outputFile !== undefined) {
    const failed = await writeText(resolve(io.cwd, options.outputFile), text);
    if (failed) reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
  } else {
    io.stdout.write(text);
  }
  return reporter.errors > 0 ? 2 : 0;
}
