/** The fzlint status bar item: starting | ready (ok / N problems) | error | stopped. */
import * as vscode from 'vscode';

/** Server states shown in the status bar. */
export type ServerState = 'starting' | 'ready' | 'error' | 'stopped';

const TEXT = {
  'zh-CN': {
    starting: 'fzlint 正在启动…',
    ready: 'fzlint 已就绪',
    problems: (n: number) => `当前报告有 ${n} 个问题`,
    error: 'fzlint 语言服务出错，点击查看日志',
    stopped: 'fzlint 已停止',
  },
  en: {
    starting: 'fzlint is starting…',
    ready: 'fzlint is ready',
    problems: (n: number) => `${n} problems in this report`,
    error: 'The fzlint server failed: click to see the log',
    stopped: 'fzlint is stopped',
  },
} as const;

/** Owns the status bar item; click opens the log (on error) or restarts (when stopped). */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: ServerState = 'stopped';
  private problems = 0;

  constructor(private readonly locale: () => 'zh-CN' | 'en') {
    this.item = vscode.window.createStatusBarItem('fzlint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'fzlint';
    this.render();
    this.item.show();
  }

  /** The current state. */
  get state(): ServerState {
    return this.current;
  }

  /** Sets the server state. */
  set(state: ServerState): void {
    this.current = state;
    this.render();
  }

  /** Sets the number of fzlint problems of the active document. */
  setProblems(count: number): void {
    this.problems = count;
    this.render();
  }

  /** What the item shows, for tests and for people. */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const t = TEXT[this.locale()];
    switch (this.current) {
      case 'starting':
        this.item.text = '$(sync~spin) fzlint';
        this.item.tooltip = t.starting;
        this.item.command = 'fzlint.showOutput';
        this.item.backgroundColor = undefined;
        break;
      case 'ready':
        this.item.text = this.problems > 0 ? `$(warning) fzlint: ${this.problems}` : '$(check) fzlint';
        this.item.tooltip = this.problems > 0 ? t.problems(this.problems) : t.ready;
        this.item.command = 'workbench.actions.view.problems';
        this.item.backgroundColor = undefined;
        break;
      case 'error':
        this.item.text = '$(error) fzlint';
        this.item.tooltip = t.error;
        this.item.command = 'fzlint.showOutput';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'stopped':
        this.item.text = '$(circle-slash) fzlint';
        this.item.tooltip = t.stopped;
        this.item.command = 'fzlint.restartServer';
        this.item.backgroundColor = undefined;
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
