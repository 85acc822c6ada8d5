// The ml-fundamentals pack as staff meet it (issue 14): every problem filed under one topic of the
// syllabus, in the README section of that topic, and every statement saying what answers it accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS_DIR, builtinPacks, loadPack } from '../src/index.ts';

const ML = join(BUILTIN_PACKS_DIR, 'ml-fundamentals');
const TOPICS = ['ensembles', 'evaluation metrics', 'classifiers', 'data manipulation'];
/** The README's section heading of each topic. */
const SECTIONS: Record<string, string> = {
  ensembles: '## Ensembles',
  'evaluation metrics': '## Evaluation metrics',
  classifiers: '## Classifier internals',
  'data manipulation': '## Data manipulation',
};

describe('ml-fundamentals', () => {
  const problems = loadPack(ML).problems;

  it('[P37] files every problem under one topic: tags start with machine learning and the topic, the README lists it in that section', () => {
    const readme = readFileSync(join(ML, 'README.md'), 'utf8');
    const sectionOf = (id: string) => {
      const at = readme.indexOf(`(${id}/statement.md)`);
      const headings = Object.entries(SECTIONS).filter(([, heading]) => readme.indexOf(heading) < at);
      return headings.sort(([, a], [, b]) => readme.indexOf(b) - readme.indexOf(a))[0]?.[0];
    };
    const filed = problems.map((p) => [p.ref, p.file.tags[0], p.file.tags[1], sectionOf(p.ref.split('/')[1] ?? '')]);
    expect(filed).toEqual(problems.map((p) => [p.ref, 'machine learning', expect.any(String), p.file.tags[1]]));
    for (const topic of TOPICS)
      expect(problems.filter((p) => p.file.tags[1] === topic).length).toBeGreaterThanOrEqual(4);
    expect(new Set(problems.map((p) => p.file.tags[1]))).toEqual(new Set(TOPICS));
  });

  it('[J70] every built-in statement whose answer is an array of numbers says typed arrays and numpy arrays are accepted', () => {
    const numeric = builtinPacks()
      .flatMap((dir) => loadPack(dir).problems)
      .filter((p) => /^(int|float)(\[\])+$/.test(p.spec.signature.returnType));
    expect(numeric.length).toBeGreaterThan(5);
    const silent = numeric.filter(
      (p) => !/typed array \(such as `\w+Array`\) is accepted/.test(p.statement.replace(/\s+/g, ' ')),
    );
    expect(silent.map((p) => p.ref)).toEqual([]);
  });
});
