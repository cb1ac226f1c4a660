/**
 * `@fzlint/cli`: the `fzlint` command, usable as a library (`main(argv, io)`)
 * by tools that want the CLI's behaviour without spawning a process. What it
 * runs on (finding, reading and linting files) is the project API of
 * `@fzlint/linter/node`; the outline of `inspect` is here.
 */
export { main, cliVersion, type CliIo, type CliWritable } from './cli.js';
export { parseCliArgs, parseRuleOption, parseFormatOption, FORMATTER_NAMES, type CliOptions, type FormatTarget, type ParsedArgs } from './args.js';
export { message, line, type CliLocale, type CliProblem, type MessageId } from './messages.js';
export { buildOutline, formatOutline, type Outline, type OutlineSection } from './inspect.js';
