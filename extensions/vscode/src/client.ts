/**
 * Owns the language client: start, stop, restart, and restart after a crash with back-off.
 * Resources of one client live in `clientDisposables` so a restart disposes only those;
 * the output channel and the status item belong to the extension and survive restarts.
 */
import type * as vscode from 'vscode';
import type { ServerState } from './status.js';

/** The little of `LanguageClient` this module uses (a fake in tests, the real one in main.ts). */
export interface LanguageClientLike {
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
  /** Called when the server process ends on its own. */
  onUnexpectedExit(listener: () => void): void;
}

/** Makes a client; `onCrash` is what its error handler calls when the connection closes. */
export type ClientFactory = (output: vscode.OutputChannel) => LanguageClientLike;

/** Back-off after consecutive crashes: 0.5 s, 1 s, 2 s, 4 s, 8 s, then give up. */
export const RESTART_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000];
/** A server that ran this long without crashing resets the back-off. */
export const STABLE_AFTER_MS = 3 * 60 * 1000;

/** Starts and restarts the fzlint language client. */
export class ClientManager implements vscode.Disposable {
  private client: LanguageClientLike | undefined;
  private crashes = 0;
  private startedAt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private stopping = false;

  constructor(
    private readonly factory: ClientFactory,
    private readonly output: vscode.OutputChannel,
    private readonly onState: (state: ServerState) => void,
    private readonly now: () => number = Date.now,
    private readonly schedule: (fn: () => void, ms: number) => ReturnType<typeof setTimeout> = (fn, ms) => setTimeout(fn, ms),
  ) {}

  /** Whether a client is running. */
  get running(): boolean {
    return this.client !== undefined;
  }

  /** Starts the client (no-op when running). An error is logged and shown, never thrown. */
  async start(): Promise<void> {
    if (this.client) return;
    this.stopping = false;
    this.onState('starting');
    const client = this.factory(this.output);
    this.client = client;
    client.onUnexpectedExit(() => this.crashed(client));
    try {
      await client.start();
      this.startedAt = this.now();
      if (this.client === client) this.onState('ready');
    } catch (error) {
      this.output.appendLine(`[fzlint] the server could not start: ${(error as Error)?.stack ?? String(error)}`);
      if (this.client === client) this.client = undefined;
      this.onState('error');
    }
  }

  /** Stops the client and cancels a pending restart. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(2000);
      } catch (error) {
        this.output.appendLine(`[fzlint] stopping the server failed: ${String(error)}`);
      }
    }
    this.onState('stopped');
  }

  /** Stops and starts again, resetting the crash back-off (the user asked). */
  async restart(): Promise<void> {
    await this.stop();
    this.crashes = 0;
    await this.start();
  }

  /** The server died on its own: restart after a growing delay, up to a limit. */
  private crashed(client: LanguageClientLike): void {
    if (this.stopping || this.client !== client) return;
    this.client = undefined;
    if (this.now() - this.startedAt > STABLE_AFTER_MS) this.crashes = 0;
    const delay = RESTART_DELAYS_MS[this.crashes];
    this.crashes++;
    if (delay === undefined) {
      this.output.appendLine('[fzlint] the server crashed too often; use "fzlint: Restart Server" after fixing the cause.');
      this.onState('error');
      return;
    }
    this.output.appendLine(`[fzlint] the server stopped unexpectedly; restarting in ${delay} ms.`);
    this.onState('error');
    this.restartTimer = this.schedule(() => {
      this.restartTimer = undefined;
      void this.start();
    }, delay);
  }

  dispose(): void {
    void this.stop();
  }
}
