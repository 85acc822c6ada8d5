import type { AuditActor, AuditEntry, AuditResponse } from '@assay/contracts';
import { Fragment, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { navigate, useSearchParams } from '../../router.ts';
import { formatDateTime } from '../ui/format.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ACTION_GROUPS, actionLabel, actionTone } from './auditLabels.ts';
import './team.css';

const PAGE = 50;
const FILTERS = ['actor', 'action', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/**
 * `/admin/audit` ([W22]): every admin change and sign-in, newest first; filters by actor, action and
 * dates live in the address, so a filtered view is a link; "Load more" follows the API's cursor.
 */
export function AuditPage() {
  const params = useSearchParams();
  const filters: Filters = { actor: '', action: '', from: '', to: '' };
  for (const key of FILTERS) filters[key] = params.get(key) ?? '';
  const query = apiQuery(filters);

  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [meta, setMeta] = useState<Pick<AuditResponse, 'actors' | 'actions'>>({ actors: [], actions: [] });
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the retry button's reload.
  useEffect(() => {
    let live = true;
    setState('loading');
    setError(null);
    api<AuditResponse>('GET', `/api/admin/audit?${query}`).then(
      (page) => {
        if (!live) return;
        setEntries(page.entries);
        setMeta({ actors: page.actors, actions: page.actions });
        setNext(page.next);
        setState('ready');
      },
      (caught: Error) => {
        if (!live) return;
        setError(caught.message);
        setState('ready');
      },
    );
    return () => {
      live = false;
    };
  }, [query, round]);

  const loadMore = async () => {
    if (!next) return;
    setState('more');
    try {
      const page = await api<AuditResponse>('GET', `/api/admin/audit?${query}&cursor=${next}`);
      setEntries((list) => [...list, ...page.entries]);
      setNext(page.next);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setState('ready');
    }
  };

  const setFilter = (key: keyof Filters, value: string) => {
    const search = new URLSearchParams();
    for (const k of FILTERS) {
      const v = k === key ? value : filters[k];
      if (v) search.set(k, v);
    }
    const qs = search.toString();
    navigate(`/admin/audit${qs ? `?${qs}` : ''}`, { replace: true });
  };
  const filtered = FILTERS.some((k) => filters[k]);
  const people = new Map(meta.actors.map((a) => [a.id, a]));

  return (
    <>
      <PageHeader title="Audit log" subtitle="Every change made in this console and every sign-in, newest first." />
      <div className="toolbar audit-filters" data-testid="audit-filters">
        <label className="filter">
          <span>Person</span>
          <select className="input" value={filters.actor} onChange={(e) => setFilter('actor', e.target.value)}>
            <option value="">Everyone</option>
            {meta.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({actor.email})
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Action</span>
          <select
            className="input"
            aria-label="Action"
            value={filters.action}
            onChange={(e) => setFilter('action', e.target.value)}
          >
            <option value="">All actions</option>
            <optgroup label="Groups">
              {ACTION_GROUPS.map((group) => (
                <option key={group.value} value={group.value}>
                  {group.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Actions">
              {[...new Set([...meta.actions, ...(filters.action.endsWith('.') ? [] : [filters.action])])]
                .filter(Boolean)
                .map((action) => (
                  <option key={action} value={action}>
                    {actionLabel(action)}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label className="filter">
          <span>From</span>
          <input
            className="input"
            type="date"
            value={filters.from}
            onChange={(e) => setFilter('from', e.target.value)}
          />
        </label>
        <label className="filter">
          <span>To</span>
          <input className="input" type="date" value={filters.to} onChange={(e) => setFilter('to', e.target.value)} />
        </label>
        {filtered && (
          <button
            type="button"
            className="btn btn-ghost btn-small audit-clear"
            onClick={() => navigate('/admin/audit', { replace: true })}
          >
            Clear filters
          </button>
        )}
      </div>
      {error && (
        <div className="callout callout-bad team-error" role="alert">
          <span>{error}</span>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setRound((r) => r + 1)}>
            Try again
          </button>
        </div>
      )}
      {state === 'loading' ? (
        <p className="muted load-state">Loading…</p>
      ) : entries.length === 0 && !error ? (
        <div className="empty-state" data-testid="audit-empty">
          <h2>No entries {filtered ? 'match these filters' : 'yet'}</h2>
          <p className="muted">
            {filtered
              ? 'Widen the date range or choose another person or action.'
              : 'Sign-ins and every change made in the console will be listed here.'}
          </p>
        </div>
      ) : (
        <table className="data-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th className="when-col">When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Target</th>
              <th className="actions-col">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const expanded = open.has(entry.id);
              const hasDetail = Object.keys(entry.detail).length > 0;
              return (
                <Fragment key={entry.id}>
                  <tr data-testid="audit-row" data-action={entry.action} className={expanded ? 'expanded' : ''}>
                    <td className="muted when-col">{formatDateTime(entry.at)}</td>
                    <td>{entry.actor ? <ActorCell actor={entry.actor} /> : <span className="muted">System</span>}</td>
                    <td>
                      <span className={`audit-action tone-${actionTone(entry.action)}`}>
                        {actionLabel(entry.action)}
                      </span>
                      <code className="audit-code">{entry.action}</code>
                    </td>
                    <td className="audit-target">{targetLabel(entry, people)}</td>
                    <td className="actions-col">
                      {hasDetail && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          aria-expanded={expanded}
                          onClick={() =>
                            setOpen((set) => {
                              const copy = new Set(set);
                              if (copy.has(entry.id)) copy.delete(entry.id);
                              else copy.add(entry.id);
                              return copy;
                            })
                          }
                        >
                          {expanded ? 'Hide' : 'Details'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {expanded && (
                    <tr className="audit-detail-row">
                      <td colSpan={5}>
                        <dl className="audit-detail">
                          {Object.entries(entry.detail).map(([key, value]) => (
                            <Fragment key={key}>
                              <dt>{key}</dt>
                              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                            </Fragment>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {state !== 'loading' && next && (
        <div className="audit-more">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={state === 'more'}
            onClick={() => void loadMore()}
          >
            {state === 'more' ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}

function ActorCell({ actor }: { actor: AuditActor }) {
  return (
    <div className="audit-actor" title={actor.email}>
      <span>{actor.name}</span>
      <span className="muted small">{actor.email}</span>
    </div>
  );
}

/** A team change names the member it changed; other targets read as they are (an email, an id). */
function targetLabel(entry: AuditEntry, people: Map<string, AuditActor>): string {
  if (!entry.target) return '—';
  const person = people.get(entry.target);
  if (person) return person.name;
  return entry.target;
}

/** The API's query for the page's filters: the dates are whole days of the reader's time zone. */
function apiQuery(filters: Filters): string {
  const search = new URLSearchParams({ limit: String(PAGE) });
  if (filters.actor) search.set('actor', filters.actor);
  if (filters.action) search.set('action', filters.action);
  const from = localDay(filters.from, 0);
  const to = localDay(filters.to, 1);
  if (from) search.set('from', from);
  if (to) search.set('to', to);
  return search.toString();
}

/** The start of `yyyy-mm-dd` plus `days`, in the reader's time zone, as an instant; undefined if unreadable. */
function localDay(day: string, days: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
