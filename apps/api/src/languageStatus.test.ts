import { describe, expect, it } from 'vitest';
import { languageStatusLine } from './languageStatus.ts';

const reason =
  'Bubblewrap (/nonexistent) is not installed; install them (Debian/Ubuntu: apt-get install bubblewrap python3 python3-numpy python3-pandas python3-sklearn) and restart';

describe('the start-up language line', () => {
  it('[A140] names every language when the machine judges them all', () => {
    const line = languageStatusLine({
      javascript: { available: true },
      typescript: { available: true },
      python: { available: true },
    });
    expect(line).toBe('JavaScript, TypeScript and Python 3 work');
  });

  it('[A140] says which language cannot be judged and what to install, after the ones that work', () => {
    const line = languageStatusLine({
      javascript: { available: true },
      typescript: { available: true },
      python: { available: false, reason },
    });
    expect(line).toBe(`JavaScript and TypeScript work; Python 3 cannot be judged here: ${reason}`);
  });
});
