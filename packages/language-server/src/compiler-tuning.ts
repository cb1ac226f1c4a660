/**
 * How V8 compiles the server's code. Measured on the row `lsp-edit` (100 one-character edits
 * of a 100 KB report): with V8's defaults its optimising compiler (TurboFan, on V8's own
 * threads) used ~17 ms of CPU per keystroke over the first 30 keystrokes and ~10 ms over the
 * next 70 — more than the keystroke's own 6–9 ms on the main thread — compiling a long tail
 * of functions that each run a few times per keystroke (the incremental paths, the rules'
 * windowed runs, the conversion, the encoder), while the keystroke waited for a core. Two
 * limits make those compilations cheaper and fewer, and left the main thread's CPU per
 * keystroke as it was: less inlining into each optimised function (its cumulative bytecode
 * budget 920 → 150), and twice the interrupt budget before a function is optimised (a
 * function called once per keystroke stays in baseline code longer).
 */
import v8 from 'node:v8';

/** Environment variable: `0` leaves V8's compiler settings as they are (to measure without this). */
export const COMPILER_TUNING_ENV = 'FZLINT_LS_COMPILER_TUNING';

/** The V8 flags the server sets when it starts in a process of its own. */
export const COMPILER_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=150', '--interrupt-budget=135168'];

/**
 * Sets {@link COMPILER_FLAGS} for this process (all its threads) unless the environment says
 * `0`. Returns whether it did. Call before the first lint: functions compiled or given
 * feedback before keep the settings they got.
 */
export function tuneCompiler(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env[COMPILER_TUNING_ENV] ?? '1') === '0') return false;
  try {
    for (const flag of COMPILER_FLAGS) v8.setFlagsFromString(flag);
    return true;
  } catch {
    // An engine without these flags: its defaults then.
    return false;
  }
}
