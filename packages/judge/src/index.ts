export type { CheckResult } from './checkers/checkResult.ts';
export {
  exactChecker,
  type FloatTolerance,
  floatChecker,
  runBuiltinChecker,
  unorderedChecker,
} from './checkers/index.ts';
export {
  type Classified,
  classifyFailure,
  type Failure,
} from './classifyFailure.ts';
export { type JudgeCliOptions, readText, runJudgeCli, UsageError } from './cli/runJudgeCli.ts';
export {
  Judge,
  type JudgeOptions,
  type LanguageAvailability,
  LanguageUnavailableError,
  languageAvailability,
  limitsFor,
  sandboxSettings,
  seedFor,
  type TestListener,
} from './Judge.ts';
export {
  type InteractiveStarter,
  isLanguage,
  LANGUAGE_DEFINITIONS,
  LANGUAGES,
  type LanguageDefinition,
  languageDefinition,
  languageOfFile,
  PROGRAM_ENTRY,
  programStarter,
  pythonStarter,
  pythonType,
  type RunnerId,
  type SourcePreparation,
  type StarterSignature,
  starterCode,
} from './languages/index.ts';
export { ChildPool, type ChildPoolOptions } from './pool/ChildPool.ts';
export {
  parseV8CompileError,
  prepareSource,
  SOURCE_LIMIT_BYTES,
  sourceFilename,
  stripTypes,
} from './prepareSource.ts';
export {
  type CompiledSignature,
  identifierSchema,
  ProblemSpecError,
  problemSpecSchema,
  typeTextSchema,
  validateProblemSpec,
} from './problemSchema.ts';
export { conditionFlags, type ProcessEntry, processEntry } from './processEntry.ts';
export { programProblem } from './programProblem.ts';
export type {
  RunnerAvailability,
  RunnerDefinition,
  RunnerEntry,
  SandboxRunner,
  SandboxSettings,
} from './runner/Runner.ts';
export { serveRunner } from './runner/serveRunner.ts';
export { RUNNERS } from './runners/index.ts';
export {
  formatType,
  isIdentifier,
  parseType,
  type TypeRef,
  TypeSyntaxError,
} from './signature.ts';
export type {
  CheckerSpec,
  CompileError,
  InteractiveSpec,
  JudgeReport,
  JudgeRequest,
  Language,
  LanguageLimits,
  Limits,
  Mode,
  Param,
  ProblemSpec,
  PythonLibrary,
  Signature,
  Submission,
  TestCase,
  TestKind,
  TestOutcome,
  TestReport,
} from './types.ts';
export { PYTHON_LIBRARIES } from './types.ts';
export { decodeWire, displayValue, ValueTypeError } from './values.ts';
export {
  isVerdict,
  summarizeVerdicts,
  VERDICT_PRIORITY,
  type Verdict,
} from './verdicts.ts';
