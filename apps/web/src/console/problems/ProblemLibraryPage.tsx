import type { PackSummary, ProblemListResponse, ProblemSummary } from '@assay/contracts';
import { LANGUAGE_DEFINITIONS, type Language } from '@assay/judge/languages';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { Link, navigate, useSearchParams } from '../../router.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import {
  applyFilters,
  filterOptions,
  filtersFrom,
  isFiltered,
  type LibraryFilters,
  queryOf,
  type SortKey,
} from './libraryFilters.ts';
import { PackImportPanel } from './PackImportPanel.tsx';
import './problems.css';

/** Tags a row shows; the rest are counted, and named on hover. */
const TAGS_SHOWN = 2;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `3 samples · 24 hidden`. */
export function testsText(p: { sampleCount: number; hiddenCount: number }): string {
  return `${plural(p.sampleCount, 'sample')} · ${p.hiddenCount} hidden`;
}

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return <span className={`badge difficulty-badge difficulty-${difficulty}`}>{difficulty}</span>;
}

export function languageLabel(language: string): string {
  return LANGUAGE_DEFINITIONS[language as Language]?.label ?? language;
}

/** `JS`, `TS`: a language by its file extension, where a table has little room. */
function languageShort(language: string): string {
  return LANGUAGE_DEFINITIONS[language as Language]?.extension.slice(1).toUpperCase() ?? language;
}

/** [W24] The problem library: every version, searchable, filterable, sortable; rows open the preview. */
export function ProblemLibraryPage() {
  const { user } = useStaff();
  const isAdmin = user.role === 'admin';
  const params = useSearchParams();
  const filters = filtersFrom(params);
  const [importing, setImporting] = useState(false);
  const loaded = useLoad(() => api<ProblemListResponse>('GET', '/api/admin/problems'), []);

  const update = (change: Partial<LibraryFilters>) =>
    navigate(`/admin/problems${queryOf({ ...filters, ...change })}`, { replace: true });

  return (
    <>
      <PageHeader
        title="Problems"
        subtitle="Every problem version in the library. Open one to see it exactly as candidates do."
        actions={
          isAdmin && (
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setImporting((v) => !v)}>
                Import pack
              </button>
              <Link className="btn btn-primary" href="/admin/problems/drafts/new">
                New problem
              </Link>
            </>
          )
        }
      />
      {importing && <PackImportPanel onClose={() => setImporting(false)} onImported={() => loaded.reload()} />}
      <LoadState loaded={loaded}>
        {(data) => <Library data={data} filters={filters} update={update} isAdmin={isAdmin} />}
      </LoadState>
    </>
  );
}

function Library(props: {
  data: ProblemListResponse;
  filters: LibraryFilters;
  update(change: Partial<LibraryFilters>): void;
  isAdmin: boolean;
}) {
  const { data, filters, update } = props;
  const options = useMemo(() => filterOptions(data.problems), [data.problems]);
  const rows = useMemo(() => applyFilters(data.problems, filters), [data.problems, filters]);
  const problemCount = useMemo(() => new Set(data.problems.map((p) => p.ref)).size, [data.problems]);

  if (data.problems.length === 0)
    return (
      <div className="empty-state" data-testid="library-empty">
        <h2>No problems yet</h2>
        <p className="muted">
          {props.isAdmin
            ? 'Create one with New problem, or import a pack archive with Import pack.'
            : 'An admin adds problems by writing them or importing a pack; they appear here.'}
        </p>
      </div>
    );

  const sortHeader = (key: SortKey, label: string, className?: string) => {
    const active = filters.sort === key;
    return (
      <th className={className} aria-sort={active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className={`sort-button${active ? ' active' : ''}`}
          onClick={() => update({ sort: key, dir: active && filters.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (filters.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      <search className="toolbar library-toolbar">
        <input
          className="input library-search"
          type="search"
          placeholder="Search title, pack/problem or tag"
          aria-label="Search problems"
          value={filters.q}
          onChange={(event) => update({ q: event.target.value })}
        />
        <FilterSelect label="Pack" value={filters.pack} values={options.packs} onChange={(pack) => update({ pack })} />
        <FilterSelect
          label="Difficulty"
          value={filters.difficulty}
          values={options.difficulties}
          onChange={(difficulty) => update({ difficulty })}
        />
        <FilterSelect label="Tag" value={filters.tag} values={options.tags} onChange={(tag) => update({ tag })} />
        <FilterSelect
          label="Language"
          value={filters.language}
          values={options.languages}
          display={languageLabel}
          onChange={(language) => update({ language })}
        />
      </search>
      <div className="library-summary">
        <p className="muted small" data-testid="library-count">
          {isFiltered(filters) ? `${plural(rows.length, 'match', 'matches')} · ` : ''}
          {plural(problemCount, 'problem')}, {plural(data.problems.length, 'version')} in{' '}
          {plural(data.packs.length, 'pack')}
          {data.truncated ? ` · only the newest ${data.limit} versions are listed` : ''}
        </p>
        <label className="library-versions">
          <input
            type="checkbox"
            checked={filters.versions === 'all'}
            onChange={(event) => update({ versions: event.target.checked ? 'all' : 'latest' })}
          />
          All versions
        </label>
      </div>
      {rows.length === 0 ? (
        <div className="empty-state" data-testid="library-no-match">
          <h2>No problem matches</h2>
          <p className="muted">Try another search, or clear the filters.</p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => update({ q: '', pack: '', difficulty: '', tag: '', language: '' })}
          >
            Clear filters
          </button>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table library-table" data-testid="library-table">
            <thead>
              <tr>
                {sortHeader('title', 'Problem')}
                {sortHeader('difficulty', 'Difficulty')}
                <th>Tags</th>
                <th>Languages</th>
                {sortHeader('tests', 'Tests · limits')}
                {sortHeader('used', 'Used in', 'num')}
                {sortHeader('created', 'Version')}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <ProblemRow key={p.id} problem={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PackList packs={data.packs} />
    </>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  values: string[];
  display?: (value: string) => string;
  onChange(value: string): void;
}) {
  return (
    <select
      className="input library-filter"
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{`Any ${props.label.toLowerCase()}`}</option>
      {props.values.map((value) => (
        <option key={value} value={value}>
          {props.display ? props.display(value) : value}
        </option>
      ))}
    </select>
  );
}

function ProblemRow({ problem: p }: { problem: ProblemSummary }) {
  const href = `/admin/problems/${p.id}`;
  return (
    <tr
      className="library-row"
      data-testid="library-row"
      onClick={(event) => {
        // The title is a real link (new tab, keyboard); a click anywhere else on the row opens it too.
        if (!(event.target as HTMLElement).closest('a')) navigate(href);
      }}
    >
      <td>
        <Link href={href} className="library-title">
          {p.title}
        </Link>
        <div className="mono muted library-ref">{p.ref}</div>
      </td>
      <td>
        <DifficultyBadge difficulty={p.difficulty} />
      </td>
      <td>
        <div className="chips">
          {p.tags.length === 0 && <span className="muted">—</span>}
          {p.tags.slice(0, TAGS_SHOWN).map((tag) => (
            <span key={tag} className="tag-chip">
              {tag}
            </span>
          ))}
          {p.tags.length > TAGS_SHOWN && (
            <span className="tag-chip tag-more" title={p.tags.slice(TAGS_SHOWN).join(', ')}>
              +{p.tags.length - TAGS_SHOWN}
            </span>
          )}
        </div>
      </td>
      <td className="small" title={p.languages.map(languageLabel).join(', ')}>
        {p.languages.map(languageShort).join(' · ')}
      </td>
      <td className="small nowrap">
        {testsText(p)}
        <div className="muted" title={p.limits.text}>
          {p.limits.timeMs < 1000 ? `${p.limits.timeMs} ms` : `${p.limits.timeMs / 1000} s`} · {p.limits.memoryMb} MB
        </div>
      </td>
      <td
        className="num small"
        title={
          p.usedIn.count === 0
            ? 'Not used in any assessment'
            : `Used in ${plural(p.usedIn.count, 'assessment')}: ${p.usedIn.assessments.map((a) => a.title).join(', ')}${p.usedIn.count > p.usedIn.assessments.length ? ', …' : ''}`
        }
      >
        {p.usedIn.count === 0 ? <span className="muted">—</span> : p.usedIn.count}
      </td>
      <td className="small nowrap">
        v{p.version}
        {p.latest ? (
          <span className="badge badge-ok version-badge">latest</span>
        ) : (
          <span className="muted"> of {p.versionCount}</span>
        )}
      </td>
    </tr>
  );
}

function PackList({ packs }: { packs: PackSummary[] }) {
  return (
    <section className="pack-list" aria-labelledby="packs-title">
      <h2 id="packs-title">Packs</h2>
      <ul className="pack-cards">
        {packs.map((pack) => (
          <li key={pack.id} className="pack-card" data-testid="pack-card">
            <div>
              <div className="pack-card-title">
                <span className="mono">{pack.id}</span>
                {pack.builtIn && <span className="badge badge-neutral">built in</span>}
              </div>
              <div className="muted small">{plural(pack.problemCount, 'problem')}</div>
            </div>
            {pack.exportable ? (
              <a
                className="btn btn-secondary btn-small"
                href={`/api/admin/packs/${encodeURIComponent(pack.id)}/export.zip`}
                download={`${pack.id}.zip`}
              >
                Export
              </a>
            ) : (
              <span
                className="muted small pack-no-export"
                title="Its problems were published in the browser: a published version keeps what candidates see, not the solutions a pack archive needs."
              >
                Published in the browser
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
