import type { GeneratedTest } from '@assay/problems/generator';

interface Near {
  person: number;
  knowsOnly?: number;
  unknownTo?: number;
}

interface PartyData {
  kind: 'random' | 'chain' | 'reverse-chain';
  seed?: number;
  density?: number;
  celebrity?: number;
  near?: Near[];
}

/** The same relation as harness.ts (generated tests never use the matrix form). */
function relation(data: PartyData): (a: number, b: number) => boolean {
  const near = data.near ?? [];
  const hash = (a: number, b: number, seed: number): number => {
    let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77) ^ seed;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
  const base = (a: number, b: number): boolean => {
    if (data.kind === 'chain') return a < b;
    if (data.kind === 'reverse-chain') return a > b;
    return hash(a, b, data.seed ?? 0) < (data.density ?? 0.5);
  };
  return (a, b) => {
    if (a === b) return true;
    const c = data.celebrity;
    if (c !== undefined && c >= 0) {
      if (b === c) return true;
      if (a === c) return false;
    }
    for (const p of near) if (a === p.person) return p.knowsOnly === b;
    for (const p of near) if (b === p.person) return p.unknownTo !== a;
    return base(a, b);
  };
}

/** The answer by definition, checked against every pair involving each person: O(n^2), fine here. */
function celebrityOf(n: number, knows: (a: number, b: number) => boolean): number {
  let found = -1;
  for (let c = 0; c < n; c++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) if (j !== c && (knows(c, j) || !knows(j, c))) ok = false;
    if (ok) {
      if (found >= 0) throw new Error('two celebrities');
      found = c;
    }
  }
  return found;
}

const N = 5000;

/**
 * Parties of up to 5000 people: random ones with the celebrity at the start, middle or end; parties with
 * no celebrity but a near-celebrity who fails by a single pair; and chains where a check of every person
 * in turn needs about n^2 questions.
 */
export default function generate(): GeneratedTest[] {
  const cases: Array<{ name: string; n: number; data: PartyData; intended: number }> = [
    {
      name: 'random-5000-celebrity-first',
      n: N,
      data: { kind: 'random', seed: 11, density: 0.5, celebrity: 0 },
      intended: 0,
    },
    {
      name: 'random-5000-celebrity-last',
      n: N,
      data: { kind: 'random', seed: 12, density: 0.5, celebrity: N - 1 },
      intended: N - 1,
    },
    {
      name: 'random-5000-sparse-celebrity-middle',
      n: N,
      data: { kind: 'random', seed: 13, density: 0.02, celebrity: 2718 },
      intended: 2718,
    },
    {
      name: 'random-5000-dense-celebrity',
      n: N,
      data: { kind: 'random', seed: 14, density: 0.98, celebrity: 1234 },
      intended: 1234,
    },
    {
      name: 'random-5000-no-celebrity',
      n: N,
      data: { kind: 'random', seed: 15, density: 0.5, celebrity: -1 },
      intended: -1,
    },
    {
      name: 'nobody-knows-anyone-5000',
      n: N,
      data: { kind: 'random', seed: 16, density: 0, celebrity: -1 },
      intended: -1,
    },
    {
      name: 'everyone-knows-everyone-5000',
      n: N,
      data: { kind: 'random', seed: 17, density: 1, celebrity: -1 },
      intended: -1,
    },
    {
      name: 'only-the-celebrity-is-known-5000',
      n: N,
      data: { kind: 'random', seed: 18, density: 0, celebrity: 4321 },
      intended: 4321,
    },
    // Everyone knows person p, who knows just one person: before p, after p, and the very first person.
    {
      name: 'near-knows-one-earlier-5000',
      n: N,
      data: { kind: 'random', seed: 19, density: 0.5, near: [{ person: 3000, knowsOnly: 17 }] },
      intended: -1,
    },
    {
      name: 'near-knows-one-later-5000',
      n: N,
      data: { kind: 'random', seed: 20, density: 0.5, near: [{ person: 1500, knowsOnly: 4998 }] },
      intended: -1,
    },
    {
      name: 'near-last-knows-first-5000',
      n: N,
      data: { kind: 'random', seed: 21, density: 0.3, near: [{ person: N - 1, knowsOnly: 0 }] },
      intended: -1,
    },
    // Person p knows nobody, and everyone but one person knows p.
    {
      name: 'near-unknown-to-one-5000',
      n: N,
      data: { kind: 'random', seed: 22, density: 0.5, near: [{ person: 2500, unknownTo: 777 }] },
      intended: -1,
    },
    {
      name: 'near-unknown-to-last-5000',
      n: N,
      data: { kind: 'random', seed: 23, density: 0.5, near: [{ person: 10, unknownTo: N - 1 }] },
      intended: -1,
    },
    {
      name: 'near-first-unknown-to-second-5000',
      n: N,
      data: { kind: 'random', seed: 24, density: 0.7, near: [{ person: 0, unknownTo: 1 }] },
      intended: -1,
    },
    {
      name: 'two-near-celebrities-5000',
      n: N,
      data: {
        kind: 'random',
        seed: 25,
        density: 0.5,
        near: [
          { person: 100, knowsOnly: 4000 },
          { person: 4000, unknownTo: 7 },
        ],
      },
      intended: -1,
    },
    // a knows b exactly when a < b: everyone knows the last person, who knows nobody.
    { name: 'chain-5000', n: N, data: { kind: 'chain', celebrity: N - 1 }, intended: N - 1 },
    {
      name: 'chain-5000-last-knows-first',
      n: N,
      data: { kind: 'chain', near: [{ person: N - 1, knowsOnly: 0 }] },
      intended: -1,
    },
    { name: 'reverse-chain-5000', n: N, data: { kind: 'reverse-chain', celebrity: 0 }, intended: 0 },
    {
      name: 'random-1000-celebrity',
      n: 1000,
      data: { kind: 'random', seed: 26, density: 0.5, celebrity: 999 },
      intended: 999,
    },
    {
      name: 'random-37-no-celebrity',
      n: 37,
      data: { kind: 'random', seed: 27, density: 0.5, near: [{ person: 36, knowsOnly: 35 }] },
      intended: -1,
    },
  ];
  return cases.map(({ name, n, data, intended }) => {
    const expected = celebrityOf(n, relation(data));
    if (expected !== intended) throw new Error(`${name}: the celebrity is ${expected}, not ${intended}`);
    return { name, args: [n], data, expected };
  });
}
