import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The theme's colours, read from its CSS variables when a chart is drawn. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  ok: string;
  warn: string;
  bad: string;
  surface: string;
}

function themeColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--border'),
    accent: read('--accent'),
    ok: read('--ok'),
    warn: read('--warn'),
    bad: read('--bad'),
    surface: read('--surface'),
  };
}

/**
 * A uPlot chart that fills its container's width and is drawn again, with the theme's colours, when the
 * theme switches ([W35]); resizing only resizes it.
 */
export function UChart(props: {
  options: (colors: ChartColors) => Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: drawn again for new data; options are read from the latest props.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      const width = Math.max(200, element.clientWidth);
      plot = new uPlot({ ...latest.current.options(themeColors()), width }, latest.current.data, element);
    };
    draw();
    const resize = new ResizeObserver(() => {
      if (plot && Math.abs(plot.width - element.clientWidth) > 1)
        plot.setSize({ width: Math.max(200, element.clientWidth), height: plot.height });
    });
    resize.observe(element);
    const theme = new MutationObserver(draw);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      resize.disconnect();
      theme.disconnect();
      plot?.destroy();
    };
  }, [props.data]);

  return <div ref={host} className="uchart" role="img" aria-label={props.label} />;
}

/** Axes in the theme's colours. */
export function axis(colors: ChartColors, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: colors.muted,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: '12px system-ui, sans-serif',
    labelFont: '12px system-ui, sans-serif',
    ...extra,
  };
}

/** A category axis: one tick per index, named by `labels`. */
export function categoryAxis(colors: ChartColors, labels: string[], extra: uPlot.Axis = {}): uPlot.Axis {
  return axis(colors, {
    grid: { show: false },
    splits: () => labels.map((_, i) => i),
    values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
    ...extra,
  });
}

export const bars = (align: -1 | 0 | 1 = 0, factor = 0.6) =>
  uPlot.paths.bars?.({ size: [factor, 64], align, radius: 0.15 }) ?? undefined;

/** A y scale from 0 that never collapses when every value is 0. */
export const fromZero: uPlot.Scale = {
  range: (_u, _min, max) => [0, Math.max(1, max * 1.15)],
};
