/** Reading the extension's settings: the `fzlint.*` keys the server understands. */
import * as vscode from 'vscode';

/** The configuration section of the extension. */
export const SECTION = 'fzlint';

/** Settings as sent to the server in `initializationOptions` (the server normalises them). */
export function readSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: c.get('enable', true),
    rules: c.get('rules', {}),
    reportYear: c.get('reportYear', null),
    locale: c.get('locale', 'zh-CN'),
    debounceMs: c.get('debounceMs', 200),
    include: c.get('include', []),
  };
}

/** The report year the skeleton is written for: the setting, or last year (reports describe the past year). */
export function skeletonYear(now: Date = new Date()): number {
  const year = vscode.workspace.getConfiguration(SECTION).get<number | null>('reportYear', null);
  return typeof year === 'number' ? year : now.getFullYear() - 1;
}

/** The locale of messages shown by the extension itself. */
export function uiLocale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration(SECTION).get<string>('locale');
  if (setting === 'en') return 'en';
  if (setting === 'zh-CN') return 'zh-CN';
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
