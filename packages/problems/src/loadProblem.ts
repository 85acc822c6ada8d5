import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type CheckerSpec,
  formatType,
  type InteractiveStarter,
  isVerdict,
  LANGUAGE_DEFINITIONS,
  LANGUAGES,
  type Language,
  languageOfFile,
  type ProblemSpec,
  parseType,
  pythonType,
  starterCode,
  stripTypes,
  type TestCase,
  type Verdict,
  validateProblemSpec,
} from '@assay/judge';
import { type PackFile, type ProblemFile, packFileSchema, problemFileSchema, testFileSchema } from './packSchema.ts';
import { PackError, type PackIssue, readYamlFile } from './sourceIssues.ts';

export const SOLUTION_CATEGORIES = ['accepted', 'wrong_answer', 'time_limit'] as const;
export type SolutionCategory = (typeof SOLUTION_CATEGORIES)[number];

const DEFAULT_EXPECT: Record<SolutionCategory, Verdict[]> = {
  accepted: ['accepted'],
  wrong_answer: ['wrong_answer'],
  time_limit: ['time_limit_exceeded'],
};

export interface SolutionFile {
  file: string;
  /** `category/file`, as reports name it. */
  name: string;
  category: SolutionCategory;
  language: Language;
  source: string;
  /** Verdicts this solution may get: the category's, or what a `// @expect a, b` line declares. */
  expect: Verdict[];
  /** Marked `// @idiomatic`: written the way an average candidate writes it ([P20]). */
  idiomatic: boolean;
}

export interface LoadedProblem {
  dir: string;
  /** `pack/problem-id`, or the problem id alone outside a pack. */
  ref: string;
  file: ProblemFile;
  statement: string;
  spec: ProblemSpec;
  starter: Record<Language, string>;
  solutions: SolutionFile[];
  /** Test files by test id, so issues can point at them. */
  testFiles: Map<string, string>;
  generator?: string;
}

export interface LoadedPack {
  dir: string;
  file: PackFile;
  problems: LoadedProblem[];
}

/**
 * [P20] The line that marks a solution as written the way an average candidate writes it: a comment
 * in the solution's language (`// @idiomatic`, or `# @idiomatic` in Python, [P32]).
 */
export const IDIOMATIC_MARK = /^[ \t]*(?:\/\/|#)[ \t]*@idiomatic\b/m;

/** [P10], [P32] The line that declares a known-bad solution's verdicts, `// @expect a, b` or `# @expect a, b`. */
const EXPECT_MARK = /^[ \t]*(?:\/\/|#)[ \t]*@expect[ \t]+(.+)$/m;

/** Solution files are read in every language the judge knows, by extension ([J50]). */
const SOLUTION_EXTENSIONS = LANGUAGES.map((id) => LANGUAGE_DEFINITIONS[id].extension);

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function listFiles(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => extensions.some((e) => f.endsWith(e)) && statSync(join(dir, f)).isFile())
    .sort(naturalOrder);
}

function toJs(file: string, issues: PackIssue[]): string | undefined {
  const source = readFileSync(file, 'utf8');
  if (!file.endsWith('.ts')) return source;
  const stripped = stripTypes(source, basename(file));
  if (stripped.ok) return stripped.js;
  issues.push({ file, line: stripped.error.line || 1, message: stripped.error.message });
  return undefined;
}

function readTests(
  dir: string,
  kind: 'sample' | 'hidden',
  issues: PackIssue[],
  files: Map<string, string>,
): TestCase[] {
  const tests: TestCase[] = [];
  for (const name of listFiles(join(dir, 'tests', kind), ['.json'])) {
    const file = join(dir, 'tests', kind, name);
    const id = basename(name, '.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      issues.push({ file, line: 1, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = testFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ file, line: 1, message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` });
      continue;
    }
    if (files.has(id)) {
      issues.push({
        file,
        line: 1,
        message: `test name "${id}" is also used by ${files.get(id)}; names must be unique across sample/ and hidden/`,
      });
      continue;
    }
    files.set(id, file);
    tests.push({
      id,
      kind,
      args: parsed.data.args,
      expected: parsed.data.expected,
      ...(parsed.data.data === undefined ? {} : { data: parsed.data.data }),
    });
  }
  return tests;
}

function readSolutions(dir: string, issues: PackIssue[]): SolutionFile[] {
  const solutions: SolutionFile[] = [];
  for (const category of SOLUTION_CATEGORIES) {
    for (const name of listFiles(join(dir, 'solutions', category), SOLUTION_EXTENSIONS)) {
      const file = join(dir, 'solutions', category, name);
      const source = readFileSync(file, 'utf8');
      let expect = DEFAULT_EXPECT[category];
      const declared = EXPECT_MARK.exec(source);
      if (declared?.[1] && category !== 'accepted') {
        const verdicts = declared[1].split(/[\s,]+/).filter(Boolean);
        const bad = verdicts.find((v) => !isVerdict(v) || v === 'accepted');
        if (bad) {
          const line = source.slice(0, declared.index).split('\n').length;
          issues.push({
            file,
            line,
            message: `@expect lists "${bad}", which is not a verdict a known-bad solution can expect`,
          });
        } else expect = verdicts as Verdict[];
      }
      solutions.push({
        file,
        name: `${category}/${name}`,
        category,
        language: languageOfFile(name) as Language,
        source,
        expect,
        idiomatic: IDIOMATIC_MARK.test(source),
      });
    }
  }
  return solutions;
}

/** Loads one problem folder ([P2]–[P7]), adding what is wrong to `issues`. */
export function loadProblem(dir: string, issues: PackIssue[], packId?: string): LoadedProblem | undefined {
  const before = issues.length;
  const file = readYamlFile(join(dir, 'problem.yaml'), problemFileSchema, issues);
  if (!file) return undefined;
  if (file.id !== basename(dir)) {
    issues.push({
      file: join(dir, 'problem.yaml'),
      line: 1,
      message: `id "${file.id}" must match the folder name "${basename(dir)}"`,
    });
  }
  const statementFile = join(dir, 'statement.md');
  const statement = existsSync(statementFile) ? readFileSync(statementFile, 'utf8') : '';
  if (statement.trim() === '')
    issues.push({ file: statementFile, line: 1, message: 'the statement is missing or empty' });

  const testFiles = new Map<string, string>();
  const tests = [...readTests(dir, 'sample', issues, testFiles), ...readTests(dir, 'hidden', issues, testFiles)];
  let checker: CheckerSpec;
  if (typeof file.checker === 'object') checker = file.checker;
  else if (file.checker === 'custom') {
    const checkerFile = join(dir, 'checker.ts');
    const source = existsSync(checkerFile) ? toJs(checkerFile, issues) : undefined;
    if (!existsSync(checkerFile))
      issues.push({
        file: checkerFile,
        line: 1,
        message: 'checker: custom needs a checker.ts defining check(input, expected, actual)',
      });
    checker = { type: 'custom', source: source ?? 'function check() { return false; }' };
  } else checker = { type: file.checker };

  let interactive: ProblemSpec['interactive'];
  if (file.interactive) {
    const harnessFile = join(dir, 'harness.ts');
    if (!existsSync(harnessFile))
      issues.push({
        file: harnessFile,
        line: 1,
        message: 'interactive problems need a harness.ts defining createInteractor(data, args)',
      });
    else {
      const source = toJs(harnessFile, issues);
      if (source) interactive = { functions: file.interactive.functions.map((f) => f.name), source };
    }
  }
  const generatorFile = join(dir, 'generator.ts');
  const spec: ProblemSpec = {
    id: file.id,
    title: file.title,
    signature: {
      functionName: file.signature.function,
      params: file.signature.params,
      returnType: file.signature.returns,
    },
    tests,
    limits: file.limits,
    checker,
    ...(interactive ? { interactive } : {}),
    ...(file.libraries?.length ? { libraries: file.libraries } : {}),
  };
  if (tests.length > 0 && issues.length === before) {
    try {
      validateProblemSpec(spec);
    } catch (error) {
      for (const message of (error as { issues?: string[] }).issues ?? [(error as Error).message]) {
        const id = /\((.+?)\)/.exec(message)?.[1];
        issues.push({ file: (id && testFiles.get(id)) || join(dir, 'problem.yaml'), line: 1, message });
      }
    }
  }
  const interactiveStarter = (language: Language): InteractiveStarter | undefined => {
    const functions = file.interactive?.functions;
    if (!functions) return undefined;
    // [P6] Each language declares the functions the judge provides in its own form: TypeScript's
    // `knows(a: number, b: number): boolean`, Python's `knows(a: int, b: int) -> bool` ([P33]).
    const declare =
      language === 'python'
        ? (f: (typeof functions)[number]) =>
            `${f.name}(${f.params.map((p) => `${p.name}: ${pythonType(parseType(p.type))}`).join(', ')}) -> ${pythonType(parseType(f.returns))}`
        : (f: (typeof functions)[number]) =>
            `${f.name}(${f.params.map((p) => `${p.name}: ${formatType(parseType(p.type))}`).join(', ')}): ${formatType(parseType(f.returns))}`;
    return {
      functions: functions.map((f) => f.name),
      declarations: Object.fromEntries(functions.map((f) => [f.name, declare(f)])),
    };
  };
  return {
    dir,
    ref: packId ? `${packId}/${file.id}` : file.id,
    file,
    statement,
    spec,
    starter: Object.fromEntries(
      LANGUAGES.map((language) => [language, starterCode(file.signature, language, interactiveStarter(language))]),
    ) as Record<Language, string>,
    solutions: readSolutions(dir, issues),
    testFiles,
    ...(existsSync(generatorFile) ? { generator: generatorFile } : {}),
  };
}

/** Loads a pack folder and every problem it lists, in order. Throws PackError listing every issue. */
export function loadPack(dir: string): LoadedPack {
  const issues: PackIssue[] = [];
  const pack = readYamlFile(join(dir, 'pack.yaml'), packFileSchema, issues);
  if (!pack) throw new PackError(issues);
  if (pack.id !== basename(dir))
    issues.push({
      file: join(dir, 'pack.yaml'),
      line: 1,
      message: `id "${pack.id}" must match the folder name "${basename(dir)}"`,
    });
  const problems: LoadedProblem[] = [];
  for (const id of pack.problems) {
    const problemDir = join(dir, id);
    if (!existsSync(join(problemDir, 'problem.yaml'))) {
      issues.push({
        file: join(dir, 'pack.yaml'),
        line: 1,
        message: `problem "${id}" is listed but ${id}/problem.yaml does not exist`,
      });
      continue;
    }
    const problem = loadProblem(problemDir, issues, pack.id);
    if (problem) problems.push(problem);
  }
  issues.push(...readmeIssues(dir, pack.problems));
  if (issues.length > 0) throw new PackError(issues);
  return { dir, file: pack, problems };
}

/**
 * [P36] A pack's README.md, where it has one, is its table of contents for staff: it names every problem
 * of pack.yaml as a link to the problem's folder (`(knn-classifier/)` or `(knn-classifier/statement.md)`).
 */
function readmeIssues(dir: string, problemIds: readonly string[]): PackIssue[] {
  const file = join(dir, 'README.md');
  if (!existsSync(file)) return [];
  const readme = readFileSync(file, 'utf8');
  return problemIds
    .filter((id) => !readme.includes(`(${id}/`))
    .map((id) => ({
      file,
      line: 1,
      message: `problem "${id}" is in pack.yaml but not in README.md; add it with its topic, difficulty and minutes, linked as [Title](${id}/statement.md)`,
    }));
}

/** Loads one problem and throws PackError if anything is wrong with it. */
export function loadProblemOrThrow(dir: string, packId?: string): LoadedProblem {
  const issues: PackIssue[] = [];
  const problem = loadProblem(dir, issues, packId);
  if (!problem || issues.length > 0) throw new PackError(issues);
  return problem;
}
