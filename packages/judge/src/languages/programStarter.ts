import type { Language } from './languages.ts';

/** [J53] The function a whole program (a pad's blank run) may define; its returned value is shown. */
export const PROGRAM_ENTRY = 'main';

const STARTERS: Record<Language, string> = {
  javascript: `// Run executes this file: console output is shown, and so is what main() returns.
// (Code without a main() also runs, top to bottom.)
function main() {
  console.log('Hello, world!');
  return { answer: 42 };
}
`,
  typescript: `// Run executes this file: console output is shown, and so is what main() returns.
// (Code without a main() also runs, top to bottom.)
function main(): unknown {
  const greeting: string = 'Hello, world!';
  console.log(greeting);
  return { answer: 42 };
}
`,
  python: `# Run executes this file: printed output is shown, and so is what main() returns.
# (Code without a main() also runs, top to bottom.)
import numpy as np


def main():
    print('Hello, world!')
    return {'answer': int(np.int64(42))}
`,
};

/** [J53] The starter code of a blank pad in `language`. */
export function programStarter(language: Language): string {
  return STARTERS[language];
}
