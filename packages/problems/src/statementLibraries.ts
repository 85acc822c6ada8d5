import type { PythonLibrary } from '@assay/judge';

/** How statements name the libraries a problem may allow ([J69]). */
const LIBRARY_NAMES: Record<PythonLibrary, string> = { pandas: 'pandas', scipy: 'SciPy', sklearn: 'scikit-learn' };

/** [P35] The sentence that tells candidates which Python libraries they may import. */
export function librariesLine(libraries: readonly PythonLibrary[]): string {
  return `**Python:** numpy, ${libraries.map((l) => LIBRARY_NAMES[l]).join(', ')} and the standard library can be imported.`;
}

/**
 * [P35] A problem that allows Python libraries beside numpy says so in its statement, or candidates
 * would not know to use them: each must be named (as `pandas`, `SciPy` or `scikit-learn`, or by its
 * module name). Returns the problem, or undefined when the statement names them all.
 */
export function statementLibrariesIssue(
  statement: string,
  libraries: readonly PythonLibrary[] = [],
): string | undefined {
  const missing = libraries.filter(
    (library) => !new RegExp(`\\b(${library}|${LIBRARY_NAMES[library]})\\b`, 'i').test(statement),
  );
  if (missing.length === 0) return undefined;
  return `allows ${missing.map((l) => LIBRARY_NAMES[l]).join(', ')} in Python but does not say so; add the line:\n${librariesLine(libraries)}`;
}
