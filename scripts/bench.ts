// `pnpm bench <name>`: runs a benchmark (not a test) and prints medians and ratios.
const benches: Record<string, () => Promise<unknown>> = {
  judge: () => import('../packages/judge/bench/judgeBench.ts'),
  api: () => import('../apps/api/bench/apiBench.ts'),
  sweep: () => import('../apps/api/bench/sweepBench.ts'),
  signin: () => import('../apps/api/bench/signInBench.ts'),
  web: () => import('../apps/web/bench/webBench.ts'),
  pad: () => import('./bench/pad.ts'),
};

const name = process.argv[2];
// The benchmark reads its own arguments after the name.
process.argv.splice(2, 1);
const load = name ? benches[name] : undefined;
if (!load) {
  process.stderr.write(`usage: pnpm bench <${Object.keys(benches).join('|')}>\n`);
  process.exitCode = 2;
} else {
  await load();
}
