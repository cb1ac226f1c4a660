/** `fzlint --help`: usage, options and the rules by family. */
import { helpText } from '../help.js';
import type { CliIo } from '../io.js';
import type { CliLocale } from '../messages.js';

/** Prints the help text (with the rule list when the rules package loads). */
export async function printHelp(io: CliIo, locale: CliLocale): Promise<number> {
  let rules: { id: string; family: string; description: { 'zh-CN': string; en: string } }[] | undefined;
  try {
    const mod = await import('@fzlint/rules');
    rules = mod.rules.map((r) => ({ id: r.meta.id, family: r.meta.family, description: r.meta.description }));
  } catch {
    rules = undefined;
  }
  io.stdout.write(helpText(locale, rules));
  return 0;
}
