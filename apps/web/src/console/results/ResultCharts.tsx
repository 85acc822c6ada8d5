import type { AssessmentResults } from '@assay/contracts';
import { type ReactNode, useMemo } from 'react';
import type uPlot from 'uplot';
import { axis, bars, type ChartColors, categoryAxis, fromZero, UChart } from './UChart.tsx';

const HEIGHT = 210;
/** Each bucket by where it starts: `40%` holds scores from 40% up to 50% of the maximum. */
const SCORE_LABELS = ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90'].map((from) => `${from}%`);
const SCORE_RANGES = SCORE_LABELS.map((from, i) => (i === 9 ? '90–100%' : `${from}–${(i + 1) * 10}%`));
const taskLabel = (i: number) => `Task ${i + 1}`;
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);

/** What every chart shares: its height, a live legend (the values under the cursor), no zoom by drag. */
const BASE = {
  height: HEIGHT,
  legend: { show: true, live: true },
  cursor: { points: { show: false }, drag: { x: false, y: false } },
  padding: [12, 20, 0, 0] as uPlot.Padding,
};

/** Counts: whole numbers only, thousands as `1.5k`, wide enough for them. */
const countAxis = (c: ChartColors) =>
  axis(c, {
    size: 56,
    values: (_u, splits) =>
      splits.map((v) => (Number.isInteger(v) ? (v >= 1000 ? `${Math.round(v / 100) / 10}k` : String(v)) : '')),
  });

function ChartCard(props: { title: string; hint: string; children: ReactNode; testId: string }) {
  return (
    <section className="card chart-card" data-testid={props.testId}>
      <header className="chart-card-head">
        <h3>{props.title}</h3>
        <p className="muted small">{props.hint}</p>
      </header>
      {props.children}
    </section>
  );
}

function NoData({ text }: { text: string }) {
  return (
    <div className="chart-empty">
      <p className="muted">{text}</p>
    </div>
  );
}

/**
 * The assessment's four charts ([W35]): score distribution, per-task pass rate and points, time per
 * task and activity over the attempt. Each shows what it would need instead of an empty axis.
 */
export function ResultCharts({ results }: { results: AssessmentResults }) {
  const { aggregates, tasks } = results;
  const taskNames = tasks.map((t) => `${taskLabel(t.position)} · ${t.title}`);
  const noneFinished = aggregates.finished === 0;

  const scoreData = useMemo<uPlot.AlignedData>(
    () => [aggregates.scoreBuckets.map((_, i) => i), aggregates.scoreBuckets],
    [aggregates],
  );
  const taskData = useMemo<uPlot.AlignedData>(
    () => [
      tasks.map((_, i) => i),
      aggregates.tasks.map((t) => Math.round(t.passRate * 1000) / 10),
      aggregates.tasks.map((t, i) => {
        const points = tasks[i]?.points ?? 0;
        return points > 0 ? Math.round((t.meanPoints / points) * 1000) / 10 : 0;
      }),
    ],
    [aggregates, tasks],
  );
  const timeData = useMemo<uPlot.AlignedData>(
    () => [
      tasks.map((_, i) => i),
      aggregates.tasks.map((t) => minutes(t.medianMs)),
      aggregates.tasks.map((t) => minutes(t.meanMs)),
    ],
    [aggregates, tasks],
  );
  const { activity } = aggregates;
  const activityData = useMemo<uPlot.AlignedData>(
    () => [activity.runs.map((_, i) => i * activity.bucketMinutes), activity.runs, activity.submissions],
    [activity],
  );
  const anyActivity = activity.runs.some((n) => n > 0) || activity.submissions.some((n) => n > 0);

  return (
    <div className="chart-grid">
      <ChartCard
        testId="chart-scores"
        title="Score distribution"
        hint={`Finished attempts by share of the ${aggregates.maxScore} points, in steps of 10%`}
      >
        {noneFinished ? (
          <NoData text="No finished attempts yet: scores appear here as candidates finish." />
        ) : (
          <UChart
            label="Score distribution"
            data={scoreData}
            options={(c) => ({
              ...BASE,
              scales: { x: { time: false, range: [-0.5, 9.5] }, y: fromZero },
              axes: [categoryAxis(c, SCORE_LABELS), countAxis(c)],
              series: [
                { label: 'Score', value: (_u, v) => (v === null ? '' : (SCORE_RANGES[v] ?? '')) },
                { label: 'Attempts', fill: c.accent, stroke: c.accent, paths: bars(0, 0.8), points: { show: false } },
              ],
            })}
          />
        )}
      </ChartCard>
      <ChartCard testId="chart-tasks" title="Pass rate and points per task" hint="Over finished attempts, in %">
        {noneFinished ? (
          <NoData text="No finished attempts yet." />
        ) : (
          <UChart
            label="Pass rate and mean points per task"
            data={taskData}
            options={(c) => ({
              ...BASE,
              scales: { x: { time: false, range: [-0.5, tasks.length - 0.5] }, y: { range: [0, 100] } },
              axes: [
                categoryAxis(
                  c,
                  tasks.map((_, i) => taskLabel(i)),
                ),
                axis(c, { size: 56, values: (_u, s) => s.map((v) => `${v}%`) }),
              ],
              series: [
                { label: 'Task', value: (_u, v) => (v === null ? '' : (taskNames[v] ?? '')) },
                {
                  label: 'Passed all tests',
                  fill: c.ok,
                  stroke: c.ok,
                  paths: bars(-1, 0.35),
                  points: { show: false },
                  value: (_u, v) => (v === null ? '—' : `${v}%`),
                },
                {
                  label: 'Mean points',
                  fill: c.accent,
                  stroke: c.accent,
                  paths: bars(1, 0.35),
                  points: { show: false },
                  value: (_u, v) => (v === null ? '—' : `${v}%`),
                },
              ],
            })}
          />
        )}
      </ChartCard>
      <ChartCard testId="chart-time" title="Time per task" hint="Active minutes on each task (median and mean)">
        {aggregates.tasks.every((t) => t.medianMs === null) ? (
          <NoData text="No finished attempt worked on a task yet." />
        ) : (
          <UChart
            label="Time per task"
            data={timeData}
            options={(c) => ({
              ...BASE,
              scales: { x: { time: false, range: [-0.5, tasks.length - 0.5] }, y: fromZero },
              axes: [
                categoryAxis(
                  c,
                  tasks.map((_, i) => taskLabel(i)),
                ),
                axis(c, { size: 56, values: (_u, s) => s.map((v) => `${v} m`) }),
              ],
              series: [
                { label: 'Task', value: (_u, v) => (v === null ? '' : (taskNames[v] ?? '')) },
                {
                  label: 'Median',
                  fill: c.warn,
                  stroke: c.warn,
                  paths: bars(-1, 0.35),
                  points: { show: false },
                  value: (_u, v) => (v === null ? '—' : `${v} min`),
                },
                {
                  label: 'Mean',
                  fill: c.muted,
                  stroke: c.muted,
                  paths: bars(1, 0.35),
                  points: { show: false },
                  value: (_u, v) => (v === null ? '—' : `${v} min`),
                },
              ],
            })}
          />
        )}
      </ChartCard>
      <ChartCard
        testId="chart-activity"
        title="Runs and submissions over the attempt"
        hint={`Minutes since each candidate's start, in ${activity.bucketMinutes}-minute steps`}
      >
        {!anyActivity ? (
          <NoData text="No runs or submissions yet." />
        ) : (
          <UChart
            label="Runs and submissions over time"
            data={activityData}
            options={(c) => ({
              ...BASE,
              scales: {
                x: {
                  time: false,
                  range: [-activity.bucketMinutes / 2, (activity.runs.length - 0.5) * activity.bucketMinutes],
                },
                y: fromZero,
              },
              axes: [axis(c, { values: (_u, s) => s.map((v) => `${v} m`) }), countAxis(c)],
              series: [
                { label: 'Minute', value: (_u, v) => (v === null ? '' : `${v}–${v + activity.bucketMinutes} min`) },
                { label: 'Runs', fill: c.muted, stroke: c.muted, paths: bars(-1, 0.4), points: { show: false } },
                {
                  label: 'Submissions',
                  fill: c.accent,
                  stroke: c.accent,
                  paths: bars(1, 0.4),
                  points: { show: false },
                },
              ],
            })}
          />
        )}
      </ChartCard>
    </div>
  );
}
