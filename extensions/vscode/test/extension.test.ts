import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { state } from './vscode-mock.js';
import { ClientManager, RESTART_DELAYS_MS, type LanguageClientLike } from '../src/client.js';
import { COMMANDS, registerCommands } from '../src/commands.js';
import { StatusItem, type ServerState } from '../src/status.js';
import * as vscode from 'vscode';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

class FakeClient implements LanguageClientLike {
  started = 0;
  stopped = 0;
  exit: (() => void) | undefined;
  constructor(private readonly fail = false) {}
  async start() {
    this.started++;
    if (this.fail) throw new Error('cannot spawn node');
  }
  async stop() {
    this.stopped++;
  }
  onUnexpectedExit(listener: () => void) {
    this.exit = listener;
  }
}

function harness(fail = false) {
  const clients: FakeClient[] = [];
  const states: ServerState[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let now = 0;
  const output = vscode.window.createOutputChannel('fzlint');
  const manager = new ClientManager(
    () => {
      const c = new FakeClient(fail);
      clients.push(c);
      return c;
    },
    output as unknown as vscode.OutputChannel,
    (s) => states.push(s),
    () => now,
    (fn, ms) => {
      timers.push({ fn, ms });
      return 0 as unknown as ReturnType<typeof setTimeout>;
    },
  );
  return { manager, clients, states, timers, advance: (ms: number) => (now += ms) };
}

beforeEach(() => state.reset());

describe('ClientManager', () => {
  it('starts once, reports starting then ready, and stops', async () => {
    const h = harness();
    await h.manager.start();
    await h.manager.start();
    expect(h.clients).toHaveLength(1);
    expect(h.states).toEqual(['starting', 'ready']);
    await h.manager.stop();
    expect(h.clients[0]!.stopped).toBe(1);
    expect(h.states.at(-1)).toBe('stopped');
  });

  it('restarts a crashed server with growing delays, then gives up', async () => {
    const h = harness();
    await h.manager.start();
    const delays: number[] = [];
    for (let i = 0; i <= RESTART_DELAYS_MS.length; i++) {
      h.clients.at(-1)!.exit!();
      const timer = h.timers.shift();
      if (!timer) break;
      delays.push(timer.ms);
      timer.fn();
      await Promise.resolve();
    }
    expect(delays).toEqual(RESTART_DELAYS_MS);
    expect(h.states.at(-1)).toBe('error');
    expect(h.manager.running).toBe(false);
    expect(state.output.some((l) => l.includes('crashed too often'))).toBe(true);
    // The user's restart resets the back-off.
    await h.manager.restart();
    expect(h.states.at(-1)).toBe('ready');
    h.clients.at(-1)!.exit!();
    expect(h.timers.at(-1)?.ms).toBe(RESTART_DELAYS_MS[0]);
  });

  it('ignores the exit of a client it stopped itself', async () => {
    const h = harness();
    await h.manager.start();
    await h.manager.stop();
    h.clients[0]!.exit!();
    expect(h.timers).toEqual([]);
  });

  it('shows an error state and logs when the server cannot start', async () => {
    const h = harness(true);
    await h.manager.start();
    expect(h.states).toEqual(['starting', 'error']);
    expect(state.output.join('\n')).toContain('cannot spawn node');
  });
});

describe('StatusItem', () => {
  it('shows each state, the problem count, and opens the log on error', () => {
    const status = new StatusItem(() => 'zh-CN');
    const item = state.statusItems[0]!;
    expect(item.visible).toBe(true);
    status.set('starting');
    expect(item.text).toContain('sync~spin');
    status.set('ready');
    expect(item.text).toBe('$(check) fzlint');
    status.setProblems(3);
    expect(item.text).toBe('$(warning) fzlint: 3');
    expect(item.tooltip).toBe('当前报告有 3 个问题');
    status.set('error');
    expect(item.command).toBe('fzlint.showOutput');
    expect(item.backgroundColor).toBeInstanceOf(vscode.ThemeColor);
    status.set('stopped');
    expect(item.command).toBe('fzlint.restartServer');
  });
});

describe('commands', () => {
  it('registers exactly the contributed commands, even with no server', async () => {
    const subscriptions: { dispose(): void }[] = [];
    let restarts = 0;
    registerCommands({ subscriptions }, { manager: { restart: async () => void restarts++ }, output: { show: () => void state.shownOutput++ } });
    expect([...state.commands.keys()].sort()).toEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort());
    await vscode.commands.executeCommand(COMMANDS.restartServer);
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    expect(restarts).toBe(1);
    expect(state.shownOutput).toBe(1);
  });

  it('inserts a skeleton for the configured year at the cursor of a Markdown editor', async () => {
    registerCommands({ subscriptions: [] }, { manager: { restart: async () => undefined }, output: { show: () => undefined } });
    state.config.set('fzlint.reportYear', 2023);
    state.activeTextEditor = {
      document: { languageId: 'markdown' },
      selection: { active: { line: 0, character: 0 } },
      edit: async (cb: (b: { insert(at: unknown, text: string): void }) => void) => {
        cb({ insert: (_at, text) => state.inserted.push(text) });
        return true;
      },
    };
    await vscode.commands.executeCommand(COMMANDS.insertReportSkeleton);
    expect(state.inserted[0]).toContain('## 一、2023年推进法治政府建设的主要举措和成效');
    expect(state.inserted[0]).toContain('2024年推进法治政府建设的主要安排');
  });

  it('opens a new Markdown document with the skeleton when no report editor is active', async () => {
    registerCommands({ subscriptions: [] }, { manager: { restart: async () => undefined }, output: { show: () => undefined } });
    await vscode.commands.executeCommand(COMMANDS.insertReportSkeleton);
    expect(state.opened[0]?.language).toBe('markdown');
    expect(state.opened[0]?.content).toMatch(/^# XX\d{4}年法治政府建设年度报告/u);
  });
});
