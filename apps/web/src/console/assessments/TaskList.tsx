import { type DragEvent, useMemo, useState } from 'react';
import { LoadState } from '../ui/LoadState.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { assessmentApi, type LibraryProblem } from './assessmentApi.ts';
import { type DraftTask, moved, taskKey } from './assessmentDraft.ts';

/**
 * The assessment's tasks in order ([W31]): drag a row by its handle, or use the up and down buttons;
 * points per task; tasks added from the library picker.
 */
export function TaskList(props: { tasks: DraftTask[]; locked: boolean; onChange(tasks: DraftTask[]): void }) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const { tasks, locked, onChange } = props;

  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging !== null) onChange(moved(tasks, dragging, index));
    setDragging(null);
    setOver(null);
  };

  return (
    <div className="task-builder">
      {tasks.length === 0 ? (
        <div className="empty-inline" data-testid="no-tasks">
          No tasks yet. Add problems from the library; candidates see them in this order.
        </div>
      ) : (
        <ol className="task-rows" data-testid="task-rows">
          {tasks.map((task, index) => (
            <li
              key={task.key}
              className={`task-row${dragging === index ? ' dragging' : ''}${over === index && dragging !== index ? ' drop-target' : ''}`}
              data-testid="task-row"
              draggable={!locked}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', String(index));
                setDragging(index);
              }}
              onDragOver={(event) => {
                if (dragging === null) return;
                event.preventDefault();
                setOver(index);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDrop={(event) => drop(event, index)}
            >
              <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
              <span className="task-number">{index + 1}</span>
              <div className="task-row-text">
                <div className="task-row-title">{task.title}</div>
                <div className="muted small">
                  <span className="mono">{task.ref}</span> ·{' '}
                  <span className={`difficulty difficulty-${task.difficulty}`}>{task.difficulty}</span>
                </div>
              </div>
              <label className="points">
                <input
                  type="number"
                  min={1}
                  max={1000}
                  className="input input-short"
                  aria-label={`Points for ${task.title}`}
                  value={task.points}
                  disabled={locked}
                  onChange={(e) => onChange(tasks.map((t, i) => (i === index ? { ...t, points: e.target.value } : t)))}
                />
                <span className="muted small">pts</span>
              </label>
              <div className="task-row-actions">
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Move ${task.title} up`}
                  disabled={locked || index === 0}
                  onClick={() => onChange(moved(tasks, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Move ${task.title} down`}
                  disabled={locked || index === tasks.length - 1}
                  onClick={() => onChange(moved(tasks, index, index + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove ${task.title}`}
                  disabled={locked}
                  onClick={() => onChange(tasks.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {!locked &&
        (picking ? (
          <ProblemPicker
            chosen={tasks}
            onPick={(problem) =>
              onChange([
                ...tasks,
                {
                  key: taskKey(),
                  problemVersionId: problem.id,
                  ref: problem.ref,
                  title: problem.title,
                  difficulty: problem.difficulty,
                  points: '100',
                },
              ])
            }
            onClose={() => setPicking(false)}
          />
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => setPicking(true)}>
            + Add task from library
          </button>
        ))}
    </div>
  );
}

/** The library, searchable by title, ref and tag; the newest version of each problem. */
function ProblemPicker(props: { chosen: DraftTask[]; onPick(problem: LibraryProblem): void; onClose(): void }) {
  const loaded = useLoad(() => assessmentApi.problems(), []);
  const [query, setQuery] = useState('');
  return (
    <div className="picker" data-testid="problem-picker">
      <div className="picker-head">
        <input
          className="input"
          type="search"
          // biome-ignore lint/a11y/noAutofocus: the picker opens to be searched
          autoFocus
          placeholder="Search problems by title, ref or tag"
          aria-label="Search the problem library"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="btn btn-ghost btn-small" onClick={props.onClose}>
          Done
        </button>
      </div>
      <LoadState loaded={loaded}>
        {(data) => <PickerList problems={data.problems} query={query} chosen={props.chosen} onPick={props.onPick} />}
      </LoadState>
    </div>
  );
}

function PickerList(props: {
  problems: LibraryProblem[];
  query: string;
  chosen: DraftTask[];
  onPick(problem: LibraryProblem): void;
}) {
  const latest = useMemo(() => {
    const seen = new Set<string>();
    return props.problems.filter((p) => !seen.has(p.ref) && seen.add(p.ref));
  }, [props.problems]);
  const q = props.query.trim().toLowerCase();
  const shown = latest.filter(
    (p) =>
      !q ||
      p.title.toLowerCase().includes(q) ||
      p.ref.toLowerCase().includes(q) ||
      p.tags.some((tag) => tag.toLowerCase().includes(q)),
  );
  if (shown.length === 0)
    return <p className="muted picker-empty">No problem matches “{props.query}”. Try a tag such as “graphs”.</p>;
  return (
    <ul className="picker-list">
      {shown.slice(0, 200).map((problem) => {
        const count = props.chosen.filter((t) => t.ref === problem.ref).length;
        return (
          <li key={problem.id} className="picker-item">
            <div className="picker-item-text">
              <div className="task-row-title">{problem.title}</div>
              <div className="muted small">
                <span className="mono">{problem.ref}</span> ·{' '}
                <span className={`difficulty difficulty-${problem.difficulty}`}>{problem.difficulty}</span>
                {problem.tags.length > 0 && <> · {problem.tags.slice(0, 4).join(', ')}</>}
              </div>
            </div>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={`Add ${problem.title}`}
              onClick={() => props.onPick(problem)}
            >
              {count > 0 ? 'Add again' : 'Add'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
