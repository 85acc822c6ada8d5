import ivm from 'isolated-vm';
import type { CheckResult } from './checkResult.ts';

const CHECKER_MEMORY_MB = 128;
const CHECKER_TIMEOUT_MS = 10_000;

/** Thrown when a problem's own checker fails; the judge reports it as `internal_error` ([J33]). */
export class CheckerError extends Error {
  override name = 'CheckerError';
  readonly code = 'JUDGE_ERR_CHECKER';
}

/**
 * A problem author's `check(input, expected, actual)` in an isolate of its own ([J33]), never in the
 * candidate's. Values go in and results come out as JSON strings.
 */
export class CustomChecker {
  private isolate: ivm.Isolate | undefined;
  private fn: ivm.Reference | undefined;

  constructor(private readonly source: string) {}

  async check(inputJson: string, expectedJson: string, actualJson: string): Promise<CheckResult> {
    const fn = await this.load();
    let raw: unknown;
    try {
      raw = await fn.apply(undefined, [inputJson, expectedJson, actualJson], {
        timeout: CHECKER_TIMEOUT_MS,
      });
    } catch (error) {
      this.dispose();
      throw new CheckerError(`the problem's checker failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result = JSON.parse(String(raw)) as {
      ok?: unknown;
      message?: unknown;
    };
    if (typeof result.ok !== 'boolean')
      throw new CheckerError("the problem's checker must return a boolean or { ok, message }");
    return result.ok
      ? { ok: true }
      : {
          ok: false,
          message: typeof result.message === 'string' ? result.message : 'wrong answer',
        };
  }

  private async load(): Promise<ivm.Reference> {
    if (this.fn && this.isolate && !this.isolate.isDisposed) return this.fn;
    this.isolate = new ivm.Isolate({ memoryLimit: CHECKER_MEMORY_MB });
    const context = await this.isolate.createContext();
    const wrapped = `(() => {\n${this.source}\n;return (i, e, a) => {
      const r = check(JSON.parse(i), JSON.parse(e), JSON.parse(a));
      return JSON.stringify(typeof r === 'boolean' ? { ok: r } : { ok: r && r.ok === true, message: r && r.message });
    };})()`;
    try {
      const script = await this.isolate.compileScript(wrapped, {
        filename: 'checker.js',
      });
      this.fn = (await script.run(context, {
        reference: true,
        timeout: CHECKER_TIMEOUT_MS,
      })) as ivm.Reference;
    } catch (error) {
      this.dispose();
      throw new CheckerError(
        `the problem's checker does not load: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return this.fn;
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.fn = undefined;
  }
}
