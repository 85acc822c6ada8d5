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
  return [
    // The answer is (10^5 - 1)(10^5 + 1) + 1 = 10^10 intervals: almost all of them idle.
    { name: 'one-task-max-cooldown', args: [repeat('A', 100000), 100000] },
    { name: 'random-26-no-cooldown', args: [mix(100000, 26), 0] },
    { name: 'random-26-cooldown-25', args: [mix(100000, 26), 25] },
    { name: 'random-3-cooldown-99999', args: [mix(100000, 3), 99999] },
    { name: 'dominant-max-cooldown', args: [dominant, 100000] },
    { name: 'tied-26-max-cooldown', args: [tied, 100000] },
  ];
}
