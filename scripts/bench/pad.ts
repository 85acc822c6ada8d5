// `pnpm bench pad`: the live pad's socket against a y-websocket-style relay, and playback's scrub time.
// The bench lives beside the API (apps/api/bench/padBench.ts), whose dependencies (ws, yjs, y-protocols)
// and test helpers it uses; this is its entry in `pnpm bench`.
await import('../../apps/api/bench/padBench.ts');
