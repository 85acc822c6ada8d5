import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'to', 'sa', 'vi', 'de', 'po', 'fu', 'ga', 'hi', 'je', 'zo', 'bu'];

/** `count` distinct pronounceable words, none of them in `avoid`. */
function makeWords(random: Random, count: number, avoid: Set<string> = new Set()): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = random.int(1, 4);
    const word = Array.from({ length }, () => random.pick(SYLLABLES)).join('');
    if (!avoid.has(word)) words.add(word);
  }
  return [...words];
}

/** A sampler over `words` with Zipf-like weights reshuffled per class, so classes prefer different words. */
function classSampler(random: Random, words: string[], contrast: number): () => string {
  const order = random.shuffle(words.map((_, i) => i));
  const cumulative: number[] = [];
  let total = 0;
  order.forEach((w, rank) => {
    total += (1 / (rank + 1)) * (1 + contrast * random.next());
    cumulative[w] = total;
  });
  const sorted = words.map((_, i) => cumulative[i] as number);
  const byCumulative = words.map((_, i) => i).sort((a, b) => (sorted[a] as number) - (sorted[b] as number));
  const cuts = byCumulative.map((i) => sorted[i] as number);
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cuts[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return words[byCumulative[lo] as number] as string;
  };
}

interface Corpus {
  classes: number;
  vocabulary: number;
  /** Vocabulary words that no training document uses. */
  unusedVocabulary: number;
  trainDocs: number;
  trainLength: [number, number];
  testDocs: number;
  testLength: [number, number];
  /** Chance that a test token is a word outside the vocabulary. */
  unknownRate: number;
  /** Class frequencies are proportional to 1 + skew · U(0, 1). */
  skew: number;
  alpha: number;
  /** Chance that a test token comes from a random class instead of the document's own. */
  noise?: number;
}

function corpus(random: Random, opts: Corpus): unknown[] {
  const used = makeWords(random, opts.vocabulary);
  const unused = makeWords(random, opts.unusedVocabulary, new Set(used));
  const unknown = makeWords(random, 50, new Set([...used, ...unused]));
  const samplers = Array.from({ length: opts.classes }, () => classSampler(random, used, 3));
  const weights = Array.from({ length: opts.classes }, () => 1 + opts.skew * random.next());
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const drawClass = () => {
    let t = random.next() * weightTotal;
    for (let c = 0; c < opts.classes; c++) {
      t -= weights[c] as number;
      if (t < 0) return c;
    }
    return opts.classes - 1;
  };
  const labels = Array.from({ length: opts.trainDocs }, (_, i) => (i < opts.classes ? i : drawClass()));
  random.shuffle(labels);
  const doc = (c: number, [min, max]: [number, number], unknownRate: number) =>
    Array.from({ length: random.int(min, max) }, () => {
      if (random.next() < unknownRate) return random.pick(unknown);
      const source = random.next() < (opts.noise ?? 0.3) ? random.int(0, opts.classes - 1) : c;
      return (samplers[source] as () => string)();
    });
  const trainDocs = labels.map((c) => doc(c, opts.trainLength, 0));
  const testDocs = Array.from({ length: opts.testDocs }, () => doc(drawClass(), opts.testLength, opts.unknownRate));
  const vocabulary = random.shuffle([...used, ...unused]);
  return [trainDocs, labels, opts.classes, vocabulary, opts.alpha, testDocs];
}

/**
 * The statement promises that two classes' scores are either mathematically equal or more than 10^-6
 * apart, so that comparing doubles directly is safe. Checked here for every test.
 */
function assertClearWinners(args: unknown[]): unknown[] {
  const [trainDocs, labels, classes, vocabulary, alpha, testDocs] = args as [
    string[][],
    number[],
    number,
    string[],
    number,
    string[][],
  ];
  const known = new Set(vocabulary);
  const docs = new Array<number>(classes).fill(0);
  const totals = new Array<number>(classes).fill(0);
  const counts = Array.from({ length: classes }, () => new Map<string, number>());
  trainDocs.forEach((d, i) => {
    const c = labels[i] as number;
    docs[c] = (docs[c] as number) + 1;
    for (const w of d) {
      counts[c]?.set(w, (counts[c]?.get(w) ?? 0) + 1);
      totals[c] = (totals[c] as number) + 1;
    }
  });
  for (const d of testDocs) {
    const scores = docs.map((n, c) => {
      let s = Math.log(n / trainDocs.length);
      for (const w of d) {
        if (known.has(w))
          s += Math.log(((counts[c]?.get(w) ?? 0) + alpha) / ((totals[c] as number) + alpha * known.size));
      }
      return s;
    });
    const best = Math.max(...scores);
    for (const s of scores) {
      const gap = best - s;
      if (gap > 1e-12 && gap <= 1e-6) throw new Error(`scores ${best} and ${s} are too close to call`);
    }
  }
  return args;
}

/** Hand-made edge cases, then corpora up to 2 · 10^5 training and 10^5 test tokens. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261131);
  const small = {
    classes: 3,
    vocabulary: 30,
    unusedVocabulary: 5,
    trainDocs: 20,
    trainLength: [0, 12] as [number, number],
    testDocs: 20,
    testLength: [0, 10] as [number, number],
    unknownRate: 0.1,
    skew: 2,
    alpha: 1,
  };
  const tests: GeneratedTest[] = [
    {
      name: 'empty-and-unknown-test-documents',
      args: [
        [['spam'], ['ham', 'eggs'], ['eggs'], ['ham'], ['spam', 'spam'], ['ham', 'ham', 'eggs']],
        [0, 1, 1, 2, 1, 2],
        3,
        ['spam', 'ham', 'eggs'],
        1,
        [[], ['bacon'], ['bacon', 'toast', 'bacon'], []],
      ],
    },
    {
      name: 'no-test-documents',
      args: [[['a', 'b'], ['b']], [0, 1], 2, ['a', 'b'], 1, []],
    },
    {
      name: 'single-class',
      args: [[['a'], ['b', 'c'], []], [0, 0, 0], 1, ['c', 'b', 'a'], 0.5, [['a'], [], ['z'], ['c', 'c']]],
    },
    {
      name: 'identical-classes-tie',
      args: [
        [
          ['goal', 'match'],
          ['vote', 'poll'],
          ['goal', 'match', 'goal'],
          ['vote', 'poll'],
        ],
        [0, 1, 0, 2],
        3,
        ['goal', 'match', 'vote', 'poll'],
        1,
        [['vote'], ['poll', 'poll'], ['goal'], ['vote', 'goal'], [], ['match', 'vote', 'poll']],
      ],
    },
    {
      name: 'class-with-only-empty-documents',
      args: [
        [[], [], ['x', 'x', 'y'], ['y', 'z'], []],
        [0, 0, 1, 2, 0],
        3,
        ['x', 'y', 'z', 'w'],
        1,
        [['w'], ['x'], ['w', 'w', 'w'], ['z', 'w'], []],
      ],
    },
    {
      name: 'repeated-words-count',
      args: [
        [
          ['buy', 'now'],
          ['buy', 'cheap', 'cheap'],
          ['meeting', 'now'],
          ['meeting', 'agenda', 'buy'],
        ],
        [1, 1, 0, 0],
        2,
        ['buy', 'now', 'cheap', 'meeting', 'agenda'],
        1,
        [
          ['buy', 'meeting'],
          ['buy', 'buy', 'buy', 'meeting'],
          ['now', 'now', 'agenda'],
          ['cheap', 'agenda', 'agenda'],
        ],
      ],
    },
    { name: 'small-corpus', args: corpus(random, small) },
    { name: 'tiny-alpha', args: corpus(random, { ...small, alpha: 0.01, unusedVocabulary: 20 }) },
    { name: 'large-alpha', args: corpus(random, { ...small, alpha: 10 }) },
    {
      name: 'skewed-priors-short-documents',
      args: corpus(random, { ...small, skew: 30, testLength: [0, 2], noise: 0.8 }),
    },
    {
      name: 'many-unknown-words',
      args: corpus(random, { ...small, classes: 4, trainLength: [1, 40], unknownRate: 0.7, testLength: [5, 40] }),
    },
    {
      name: 'long-documents',
      args: corpus(random, {
        ...small,
        classes: 4,
        trainDocs: 40,
        trainLength: [50, 400],
        testDocs: 30,
        testLength: [300, 1500],
        noise: 0.6,
      }),
    },
    {
      name: 'ten-classes',
      args: corpus(random, {
        ...small,
        classes: 10,
        vocabulary: 300,
        trainDocs: 300,
        trainLength: [5, 60],
        testDocs: 300,
        testLength: [1, 30],
      }),
    },
    {
      name: 'large-vocabulary',
      args: corpus(random, {
        ...small,
        classes: 5,
        vocabulary: 9000,
        unusedVocabulary: 1000,
        trainDocs: 1000,
        trainLength: [20, 200],
        testDocs: 500,
        testLength: [5, 100],
      }),
    },
    {
      name: 'many-test-documents',
      args: corpus(random, {
        ...small,
        classes: 10,
        vocabulary: 3000,
        trainDocs: 2000,
        trainLength: [40, 140],
        testDocs: 2000,
        testLength: [30, 70],
        unknownRate: 0.05,
      }),
    },
    {
      name: 'long-training-documents',
      args: corpus(random, {
        ...small,
        classes: 6,
        vocabulary: 5000,
        trainDocs: 400,
        trainLength: [350, 550],
        testDocs: 1000,
        testLength: [80, 120],
      }),
    },
  ];
  return tests.map((t) => ({ ...t, args: assertClearWinners(t.args) }));
}
