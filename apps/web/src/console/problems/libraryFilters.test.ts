import type { ProblemSummary } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import { applyFilters, filtersFrom, queryOf } from './libraryFilters.ts';

function problem(over: Partial<ProblemSummary>): ProblemSummary {
  return {
    id: over.ref ?? 'x',
    ref: 'p/x',
    packId: 'p',
    problemId: 'x',
    title: 'X',
    difficulty: 'easy',
    tags: [],
    languages: ['javascript', 'typescript'],
    sampleCount: 3,
    hiddenCount: 15,
    limits: { timeMs: 1000, memoryMb: 256, text: '' },
    usedIn: { count: 0, assessments: [] },
    version: 1,
    versionCount: 1,
    latest: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const library = [
  problem({
    ref: 'classics/islands',
    packId: 'classics',
    title: 'Number of Islands',
    difficulty: 'medium',
    tags: ['graphs'],
  }),
  problem({ ref: 'classics/lists', packId: 'classics', title: 'Merge Lists', difficulty: 'hard', tags: ['heaps'] }),
  problem({ ref: 'ml/auc', packId: 'ml', title: 'ROC AUC', tags: ['metrics'], version: 2, versionCount: 2 }),
  problem({ ref: 'ml/auc', packId: 'ml', title: 'ROC AUC (old)', tags: ['metrics'], latest: false, versionCount: 2 }),
];
const titles = (query: string) => applyFilters(library, filtersFrom(new URLSearchParams(query))).map((p) => p.title);

describe('library filters', () => {
  it('[W24] search matches title, pack/problem and tags; latest versions only unless all are asked for', () => {
    expect(titles('q=islands')).toEqual(['Number of Islands']);
    expect(titles('q=ML/')).toEqual(['ROC AUC']);
    expect(titles('q=heap')).toEqual(['Merge Lists']);
    expect(titles('q=auc&versions=all')).toEqual(['ROC AUC', 'ROC AUC (old)']);
  });

  it('[W24] filters combine, and sorting follows the column and direction', () => {
    expect(titles('pack=classics&difficulty=hard')).toEqual(['Merge Lists']);
    expect(titles('tag=metrics')).toEqual(['ROC AUC']);
    expect(titles('')).toEqual(['Merge Lists', 'Number of Islands', 'ROC AUC']);
    expect(titles('sort=difficulty&dir=desc')).toEqual(['Merge Lists', 'Number of Islands', 'ROC AUC']);
    expect(titles('sort=nonsense')).toEqual(titles(''));
  });

  it('[W24] the query string keeps only what differs from the defaults', () => {
    const filters = filtersFrom(new URLSearchParams('q=a b&pack=ml&sort=title&dir=asc'));
    expect(queryOf(filters)).toBe('?q=a+b&pack=ml');
    expect(queryOf(filtersFrom(new URLSearchParams('')))).toBe('');
  });
});
