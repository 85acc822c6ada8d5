export { type FloatTolerance, exactChecker, floatChecker, runBuiltinChecker, unorderedChecker } from './checkers/index.ts';
export type { CheckResult } from './checkers/checkResult.ts';
export { type Classified, type Failure, classifyFailure } from './classifyFailure.ts';
export { Judge, type JudgeOptions, type TestListener, seedFor } from './Judge.ts';
export { ChildPool, type ChildPoolOptions } from './pool/ChildPool.ts';
export { parseV8CompileError, prepareSource, SOURCE_LIMIT_BYTES, sourceFilename } from './prepareSource.ts';
export { type CompiledSignature, ProblemSpecError, problemSpecSchema, validateProblemSpec } from './problemSchema.ts';
export { formatType, isIdentifier, parseType, TypeSyntaxError, type TypeRef } from './signature.ts';
export type {
  CheckerSpec,
  CompileError,
  InteractiveSpec,
  JudgeReport,
  JudgeRequest,
  Language,
  Limits,
  Mode,
  Param,
  ProblemSpec,
  Signature,
  Submission,
  TestCase,
  TestKind,
  TestReport,
} from './types.ts';
export { LANGUAGES } from './types.ts';
export { decodeWire, displayValue, ValueTypeError } from './values.ts';
export { isVerdict, summarizeVerdicts, type Verdict, VERDICT_PRIORITY } from './verdicts.ts';
