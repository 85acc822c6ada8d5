/**
 * The party behind knows(a, b). A test's data is either an explicit matrix (small tests) or a compact
 * description the relation is computed from, so a 5000-person party needs no 25-million-entry file:
 *
 *   { matrix: ["110", "010", "111"] }       row a, column b is '1' when a knows b
 *   { kind: "random", seed, density, ... }  a knows b with probability `density` (a fixed hash of a, b, seed)
 *   { kind: "chain", ... }                  a knows b exactly when a < b
 *   { kind: "reverse-chain", ... }          a knows b exactly when a > b
 *
 * On top of the base relation, in this order:
 *   celebrity: c     everyone knows c, and c knows nobody else
 *   near: [...]      planted near-celebrities, each { person: p, knowsOnly: q } (everyone knows p, p knows
 *                    only q) or { person: p, unknownTo: q } (p knows nobody, everyone but q knows p)
 * generator.ts keeps a copy of this relation to compute each test's expected answer.
 */
interface Near {
  person: number;
  knowsOnly?: number;
  unknownTo?: number;
}

interface PartyData {
  matrix?: string[];
  kind?: 'random' | 'chain' | 'reverse-chain';
  seed?: number;
  density?: number;
  celebrity?: number;
  near?: Near[];
}

function createInteractor(data: PartyData, args: [number]) {
  const n = args[0];
  const near = data.near ?? [];
  const hash = (a: number, b: number, seed: number): number => {
    let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77) ^ seed;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
  const base = (a: number, b: number): boolean => {
    if (data.matrix) return data.matrix[a]?.[b] === '1';
    if (data.kind === 'chain') return a < b;
    if (data.kind === 'reverse-chain') return a > b;
    return hash(a, b, data.seed ?? 0) < (data.density ?? 0.5);
  };
  const relation = (a: number, b: number): boolean => {
    if (a === b) return true;
    const c = data.celebrity;
    if (c !== undefined && c >= 0) {
      if (b === c) return true;
      if (a === c) return false;
    }
    for (const p of near) {
      if (a === p.person) return p.knowsOnly === b;
    }
    for (const p of near) {
      if (b === p.person) return p.unknownTo !== a;
    }
    return base(a, b);
  };
  return {
    functions: {
      knows(a: unknown, b: unknown): boolean {
        if (
          !Number.isInteger(a) ||
          !Number.isInteger(b) ||
          (a as number) < 0 ||
          (b as number) < 0 ||
          (a as number) >= n ||
          (b as number) >= n
        ) {
          throw new RangeError(`knows(${a}, ${b}): both arguments must be integers from 0 to n - 1 = ${n - 1}`);
        }
        return relation(a as number, b as number);
      },
    },
    callBudget: 3 * n,
    budgetMessage: `knows() was called more than 3n = ${3 * n} times (n = ${n})`,
  };
}
