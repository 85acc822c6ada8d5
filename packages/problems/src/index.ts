export { type StarterSignature, starterCode } from '@assay/judge';
export { buildGeneratedTests, checkGeneratedTests, runGenerator, serializeTest } from './buildTests.ts';
export { createRandom, type GeneratedTest, type Generator, type Random } from './generatorKit.ts';
export {
  IDIOMATIC_MARK,
  type LoadedPack,
  type LoadedProblem,
  loadPack,
  loadProblem,
  loadProblemOrThrow,
  SOLUTION_CATEGORIES,
  type SolutionCategory,
  type SolutionFile,
} from './loadProblem.ts';
export { BUILTIN_PACKS_DIR, builtinPacks, type PathTarget, resolveTarget } from './packPaths.ts';
export { type PackFile, type ProblemFile, packFileSchema, problemFileSchema, testFileSchema } from './packSchema.ts';
export { ScaffoldError, scaffoldProblem } from './scaffold.ts';
export { formatIssue, PackError, type PackIssue, readYamlFile } from './sourceIssues.ts';
export { exampleText, missingExamples } from './statementExamples.ts';
export { librariesLine, statementLibrariesIssue } from './statementLibraries.ts';
export { formatCpuLimit, limitsLine, statementLimitsIssue } from './statementLimits.ts';
export {
  LIBRARY_MINIMUMS,
  type ProblemReport,
  type SlowestRun,
  type SolutionResult,
  TOO_SLOW_FACTOR,
  tooSlowLimits,
  type ValidateOptions,
  validateProblem,
} from './validateProblem.ts';
export { quietCpuMs, Yardstick, type YardstickedRun } from './yardstick.ts';
export { exportPack, importPack, PackArchiveError } from './zipPack.ts';
