import type { ProblemSummary } from '@assay/contracts';

// What the library page narrows and orders its table by ([W24]); kept in the address bar so a filtered
// view is a link that survives a reload.

export const SORT_KEYS = ['title', 'pack', 'difficulty', 'tests', 'used', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface LibraryFilters {
  /** Matches title, ref (`pack/problem`) or a tag, case-insensitively. */
  q: string;
  pack: string;
  difficulty: string;
  tag: string;
  language: string;
  /** Every version, or only each problem's latest. */
  versions: 'latest' | 'all';
  sort: SortKey;
  dir: 'asc' | 'desc';
}

const DEFAULTS: LibraryFilters = {
  q: '',
  pack: '',
  difficulty: '',
  tag: '',
  language: '',
  versions: 'latest',
  sort: 'title',
  dir: 'asc',
};

export function filtersFrom(params: URLSearchParams): LibraryFilters {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    pack: params.get('pack') ?? '',
    difficulty: params.get('difficulty') ?? '',
    tag: params.get('tag') ?? '',
    language: params.get('language') ?? '',
    versions: params.get('versions') === 'all' ? 'all' : 'latest',
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULTS.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query string for `filters`, leaving out what is at its default. */
export function queryOf(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as (keyof LibraryFilters)[])
    if (filters[key] !== DEFAULTS[key]) params.set(key, filters[key]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isFiltered(filters: LibraryFilters): boolean {
  return Boolean(filters.q || filters.pack || filters.difficulty || filters.tag || filters.language);
}

const DIFFICULTY_ORDER: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

function compare(a: ProblemSummary, b: ProblemSummary, key: SortKey): number {
  switch (key) {
    case 'title':
      return a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref);
    case 'pack':
      return a.packId.localeCompare(b.packId) || a.title.localeCompare(b.title);
    case 'difficulty':
      return (DIFFICULTY_ORDER[a.difficulty] ?? 9) - (DIFFICULTY_ORDER[b.difficulty] ?? 9);
    case 'tests':
      return a.sampleCount + a.hiddenCount - (b.sampleCount + b.hiddenCount);
    case 'used':
      return a.usedIn.count - b.usedIn.count;
    case 'created':
      return a.createdAt.localeCompare(b.createdAt);
  }
}

/** The rows the table shows: filtered, then sorted (ties keep the title order). */
export function applyFilters(problems: ProblemSummary[], filters: LibraryFilters): ProblemSummary[] {
  const q = filters.q.trim().toLowerCase();
  const rows = problems.filter(
    (p) =>
      (filters.versions === 'all' || p.latest) &&
      (!filters.pack || p.packId === filters.pack) &&
      (!filters.difficulty || p.difficulty === filters.difficulty) &&
      (!filters.tag || p.tags.includes(filters.tag)) &&
      (!filters.language || (p.languages as string[]).includes(filters.language)) &&
      (!q ||
        p.title.toLowerCase().includes(q) ||
        p.ref.toLowerCase().includes(q) ||
        p.tags.some((t) => t.toLowerCase().includes(q))),
  );
  const sign = filters.dir === 'desc' ? -1 : 1;
  return rows.sort((a, b) => sign * compare(a, b, filters.sort) || compare(a, b, 'title') || b.version - a.version);
}

/** The values each filter offers, from the whole library. */
export function filterOptions(problems: ProblemSummary[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    packs: sorted(problems.map((p) => p.packId)),
    difficulties: sorted(problems.map((p) => p.difficulty)).sort(
      (a, b) => (DIFFICULTY_ORDER[a] ?? 9) - (DIFFICULTY_ORDER[b] ?? 9),
    ),
    tags: sorted(problems.flatMap((p) => p.tags)),
    languages: sorted(problems.flatMap((p) => p.languages)),
  };
}
