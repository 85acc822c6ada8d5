/** Options of a BackgroundLoop. */
export interface BackgroundLoopOptions {
  /** Names the loop in error reports. */
  name: string;
  /** Time from the end of one run to the start of the next. */
  everyMs: number;
  /** One run; runs never overlap. */
  run: () => Promise<unknown>;
  /** Receives a run's error; the loop carries on. */
  onError: (error: unknown, name: string) => void;
}

/**
 * A task the server repeats in the background (the deadline sweep, the reconciler, session purging),
 * one run at a time ([A27]). `stop()` waits for a run in progress, so shutdown never closes the database
 * under one (issue 9 F3: `Cannot use a pool after calling end on the pool`).
 */
export class BackgroundLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: BackgroundLoopOptions) {
    if (!(options.everyMs > 0)) throw new RangeError(`BackgroundLoop ${options.name}: everyMs must be positive`);
  }

  /** Schedules the first run after `everyMs` (or at once with `{ now: true }`); returns the loop. */
  start({ now = false }: { now?: boolean } = {}): this {
    this.stopped = false;
    this.schedule(now ? 0 : this.options.everyMs);
    return this;
  }

  /** Runs once now, unless a run is already in progress (then waits for that one). */
  runOnce(): Promise<void> {
    this.running ??= this.options
      .run()
      .then(
        () => undefined,
        (error: unknown) => this.options.onError(error, this.options.name),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runOnce().then(() => this.schedule(this.options.everyMs));
    }, delayMs);
  }

  /** Stops scheduling runs and resolves when the run in progress, if any, has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
