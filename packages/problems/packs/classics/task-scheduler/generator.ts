import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Large task lists: a single task with the largest cooldown, random mixes, one dominant task, a 26-way tie. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261123);
  const repeat = (letter: string, count: number) => Array.from({ length: count }, () => letter);
  const mix = (len: number, alphabet: number) =>
    Array.from({ length: len }, () => LETTERS[random.int(0, alphabet - 1)] as string);
  const dominant = random.shuffle([...repeat('K', 40000), ...mix(60000, 26)]);
  const tied = random.shuffle(Array.from({ length: 99996 }, (_, i) => LETTERS[i % 26] as string));
  // More distinct letters than a cooldown window holds, the frequent ones late in the alphabet: a greedy
  // that fills each window in alphabetical order instead of by most copies left idles at the end.
  const lateRandom = createRandom(20261128);
  const skewed = (len: number, window: number) => {
    const weights = Array.from({ length: 26 }, (_, i) => (i + 1) ** 3);
    const total = weights.reduce((a, b) => a + b, 0);
    const letters: string[] = [];
    for (let i = 0; i < 26; i++)
      letters.push(...repeat(LETTERS[i] as string, Math.max(1, Math.round((len * (weights[i] as number)) / total))));
    return { tasks: lateRandom.shuffle(letters), n: window };
  };
  const skewedSmall = skewed(60, 2);
  const skewedLarge = skewed(100000, 5);
  return [
    // The answer is (10^5 - 1)(10^5 + 1) + 1 = 10^10 intervals: almost all of them idle.
    { name: 'one-task-max-cooldown', args: [repeat('A', 100000), 100000] },
    { name: 'random-26-no-cooldown', args: [mix(100000, 26), 0] },
    { name: 'random-26-cooldown-25', args: [mix(100000, 26), 25] },
    { name: 'random-3-cooldown-99999', args: [mix(100000, 3), 99999] },
    { name: 'dominant-max-cooldown', args: [dominant, 100000] },
    { name: 'tied-26-max-cooldown', args: [tied, 100000] },
    { name: 'skewed-late-letters-small', args: [skewedSmall.tasks, skewedSmall.n] },
    { name: 'skewed-late-letters-100000', args: [skewedLarge.tasks, skewedLarge.n] },
    { name: 'three-letters-late-frequent', args: [['A', 'B', 'C', 'C', 'C'], 1] },
  ];
}
