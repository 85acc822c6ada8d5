import { createRandom, type GeneratedTest } from '@assay/problems/generator';

/** Large ranking evaluations: one user with huge lists, and many users with short ones. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20260415);
  const distinctIds = (count: number, below: number): number[] => {
    const seen = new Set<number>();
    while (seen.size < count) seen.add(random.int(0, below - 1));
    return [...seen];
  };
  /** One user: `r` relevant items, and a ranked list of `length` where about `hitRate` come from them. */
  const user = (length: number, r: number, hitRate: number) => {
    const relevant = distinctIds(r, 1_000_000);
    const grades = relevant.map(() => random.int(1, 5));
    const ranked = Array.from({ length }, () =>
      r > 0 && random.next() < hitRate ? random.pick(relevant) : random.int(0, 999_999),
    );
    return { ranked, relevant, grades };
  };
  const test = (name: string, users: ReturnType<typeof user>[], k: number): GeneratedTest => ({
    name,
    args: [users.map((x) => x.ranked), users.map((x) => x.relevant), users.map((x) => x.grades), k],
  });
  // A user whose list is the ideal ordering (NDCG 1) among random users.
  const ideal = user(0, 300, 0);
  ideal.ranked = ideal.relevant
    .map((item, j) => ({ item, grade: ideal.grades[j] as number }))
    .sort((a, b) => b.grade - a.grade)
    .map((x) => x.item);
  return [
    // k · R = 5 · 10^9: a linear scan of the relevant list per ranked item is far too slow.
    test('one-user-100000', [user(100_000, 50_000, 0.4)], 100_000),
    test('one-user-k-30000', [user(60_000, 30_000, 0.5)], 30_000),
    test(
      'many-users-2000',
      Array.from({ length: 2000 }, () => user(random.int(0, 40), random.int(0, 15), 0.3)),
      20,
    ),
    test('users-100-with-ideal', [...Array.from({ length: 99 }, () => user(500, 200, 0.3)), ideal], 100),
  ];
}
