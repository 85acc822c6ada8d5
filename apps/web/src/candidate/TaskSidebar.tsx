import type { Task } from '@assay/contracts';

export type TaskProgress = 'not_started' | 'in_progress' | 'submitted' | 'partial' | 'solved';

export function taskProgress(bestScore: number | null, edited: boolean): TaskProgress {
  if (bestScore === 1) return 'solved';
  if (bestScore !== null && bestScore > 0) return 'partial';
  if (bestScore !== null) return 'submitted';
  return edited ? 'in_progress' : 'not_started';
}

const LABEL: Record<TaskProgress, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted',
  partial: 'Partly solved',
  solved: 'Solved',
};

export function TaskSidebar(props: {
  tasks: Task[];
  current: number;
  progress: (task: Task) => { state: TaskProgress; best: number | null };
  onSelect: (index: number) => void;
}) {
  return (
    <nav className="sidebar" aria-label="Tasks">
      <div className="sidebar-title">Tasks</div>
      <ol>
        {props.tasks.map((task, index) => {
          const { state, best } = props.progress(task);
          return (
            <li key={task.position}>
              <button
                type="button"
                className={index === props.current ? 'task-item active' : 'task-item'}
                aria-current={index === props.current ? 'true' : undefined}
                data-testid={`task-${index}`}
                onClick={() => props.onSelect(index)}
              >
                <span className={`task-dot dot-${state}`} aria-hidden="true" />
                <span className="task-text">
                  <span className="task-name">
                    {index + 1}. {task.title}
                  </span>
                  <span className="task-meta">
                    {LABEL[state]}
                    {best !== null && ` · best ${Math.round(best * 100)}%`} · {task.points} pts
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
