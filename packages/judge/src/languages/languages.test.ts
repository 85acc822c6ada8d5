import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RUNNERS } from '../runners/index.ts';
import { LANGUAGE_DEFINITIONS, LANGUAGES, languageDefinition, languageOfFile, starterCode } from './index.ts';

/**
 * Every bare module a file reaches, following its relative imports. TypeScript's own pre-processor
 * finds them, so side-effect imports (`import 'node:fs'`) and `import()` count too.
 */
function reachableModules(entry: string): Set<string> {
  const modules = new Set<string>();
  const pending = [entry];
  const seen = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) pending.push(join(dirname(file), fileName));
      else modules.add(fileName);
    }
  }
  return modules;
}

describe('the language registry', () => {
  it('[J50] the web app can load it: nothing it imports reaches node, isolated-vm or the transpiler', () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    expect([...reachableModules(entry)]).toEqual([]);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.exports['./languages'].default).toBe('./src/languages/index.ts');
  });

  it('[J50] every language has its own extension, read back from file names, and a runner the judge has', () => {
    const extensions = LANGUAGES.map((id) => LANGUAGE_DEFINITIONS[id].extension);
    expect(new Set(extensions).size).toBe(LANGUAGES.length);
    for (const id of LANGUAGES) {
      const language = LANGUAGE_DEFINITIONS[id];
      expect(language.id).toBe(id);
      expect(languageOfFile(`solutions/accepted/reference${language.extension}`)).toBe(id);
      expect(RUNNERS[language.runner].id).toBe(language.runner);
    }
    expect(languageOfFile('notes.md')).toBeUndefined();
  });

  it('[J50] refuses a language it does not have, naming the ones it has', () => {
    expect(() => languageDefinition('cobol' as never)).toThrow(
      'unknown language "cobol"; the judge knows javascript, typescript',
    );
  });

  it('[P6] writes each language its own starter code from one signature', () => {
    const signature = { function: 'solve', params: [{ name: 'nums', type: 'int[]' }], returns: 'int' };
    expect(starterCode(signature, 'typescript')).toContain('function solve(nums: number[]): number {');
    expect(starterCode(signature, 'javascript')).toContain(' * @param {number[]} nums\n');
  });
});
