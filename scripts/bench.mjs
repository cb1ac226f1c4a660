// `pnpm bench` → the benchmark harness in packages/bench (see docs/performance.md).
// Kept as a thin entry so the root script stays stable while the harness evolves.
const { main } = await import('../packages/bench/src/main.mjs');
process.exitCode = await main(process.argv.slice(2));
