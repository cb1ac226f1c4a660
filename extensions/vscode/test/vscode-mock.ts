/** A fake of the parts of the `vscode` API the extension uses (unit tests only). */
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

export interface FakeStatusBarItem {
  id: string;
  text: string;
  tooltip?: string;
  command?: string;
  name?: string;
  backgroundColor?: ThemeColor;
  visible: boolean;
  show(): void;
  dispose(): void;
}

export const state = {
  statusItems: [] as FakeStatusBarItem[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  config: new Map<string, unknown>(),
  output: [] as string[],
  shownOutput: 0,
  opened: [] as { language?: string; content?: string }[],
  inserted: [] as string[],
  diagnostics: [] as { source?: string }[],
  activeTextEditor: undefined as unknown,
  reset(): void {
    this.statusItems.length = 0;
    this.commands.clear();
    this.config.clear();
    this.output.length = 0;
    this.shownOutput = 0;
    this.opened.length = 0;
    this.inserted.length = 0;
    this.diagnostics.length = 0;
    this.activeTextEditor = undefined;
  },
};

export const window = {
  createStatusBarItem(id: string): FakeStatusBarItem {
    const item: FakeStatusBarItem = {
      id,
      text: '',
      visible: false,
      show() {
        item.visible = true;
      },
      dispose() {
        item.visible = false;
      },
    };
    state.statusItems.push(item);
    return item;
  },
  createOutputChannel(name: string) {
    return {
      name,
      appendLine: (line: string) => state.output.push(line),
      show: () => {
        state.shownOutput++;
      },
      dispose: () => undefined,
    };
  },
  get activeTextEditor() {
    return state.activeTextEditor;
  },
  async showTextDocument(doc: unknown) {
    return doc;
  },
};

export const workspace = {
  getConfiguration(section?: string) {
    return {
      get<T>(key: string, fallback?: T): T | undefined {
        const full = section ? `${section}.${key}` : key;
        return state.config.has(full) ? (state.config.get(full) as T) : fallback;
      },
    };
  },
  async openTextDocument(options: { language?: string; content?: string }) {
    state.opened.push(options);
    return options;
  },
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  executeCommand(id: string, ...args: unknown[]) {
    return state.commands.get(id)?.(...args);
  },
};

export const languages = {
  getDiagnostics() {
    return state.diagnostics;
  },
  onDidChangeDiagnostics() {
    return new Disposable();
  },
};

export const env = { language: 'zh-cn' };
