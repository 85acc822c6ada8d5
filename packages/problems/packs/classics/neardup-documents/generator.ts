import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const MAX_DOC_FREQUENCY = 50;

/** A vocabulary of distinct random words of 2 to 7 letters. */
function vocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    const length = random.int(2, 7);
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + random.int(0, 25));
    words.add(word);
  }
  return [...words];
}

const randomDoc = (random: Random, vocab: string[], min: number, max: number): string[] =>
  Array.from({ length: random.int(min, max) }, () => random.pick(vocab));

/** A copy of `words` with `edits` random replacements, deletions and insertions. */
function edit(random: Random, vocab: string[], words: string[], edits: number, maxWords = 200): string[] {
  const out = [...words];
  for (let e = 0; e < edits; e++) {
    const op = random.int(0, 2);
    const at = random.int(0, Math.max(0, out.length - 1));
    if (op === 0 && out.length > 0) out[at] = random.pick(vocab);
    else if (op === 1 && out.length > 0) out.splice(at, 1);
    else if (out.length < maxWords) out.splice(at, 0, random.pick(vocab));
  }
  return out;
}

/** Checks the statement's constraints, including that no shingle occurs in more than 50 documents. */
function checked(name: string, docs: string[][], k: number, thresholdPercent: number): GeneratedTest {
  const frequency = new Map<string, number>();
  let total = 0;
  for (const words of docs) {
    if (words.length > 200) throw new Error(`${name}: a document has ${words.length} words`);
    total += words.length;
    const own = new Set<string>();
    for (let s = 0; s + k <= words.length; s++) own.add(words.slice(s, s + k).join(' '));
    for (const shingle of own) frequency.set(shingle, (frequency.get(shingle) ?? 0) + 1);
  }
  if (docs.length < 1 || docs.length > 3000) throw new Error(`${name}: ${docs.length} documents`);
  if (total > 200_000) throw new Error(`${name}: ${total} words in all`);
  for (const [shingle, count] of frequency)
    if (count > MAX_DOC_FREQUENCY) throw new Error(`${name}: "${shingle}" occurs in ${count} documents`);
  return { name, args: [docs.map((words) => words.join(' ')), k, thresholdPercent] };
}

interface Corpus {
  random: Random;
  vocab: string[];
  count: number;
  minWords: number;
  maxWords: number;
  /** Near-duplicate families: each is a base document and variants with up to maxEdits edits. */
  families: number;
  familySize: [number, number];
  maxEdits: number;
}

/** Random documents plus families of edited copies, shuffled together. */
function corpus(c: Corpus): string[][] {
  const docs: string[][] = [];
  for (let f = 0; f < c.families && docs.length < c.count; f++) {
    const base = randomDoc(c.random, c.vocab, c.minWords, c.maxWords);
    const size = c.random.int(c.familySize[0], c.familySize[1]);
    docs.push(base);
    for (let v = 1; v < size && docs.length < c.count; v++)
      docs.push(edit(c.random, c.vocab, base, c.random.int(0, c.maxEdits)));
  }
  while (docs.length < c.count) docs.push(randomDoc(c.random, c.vocab, c.minWords, c.maxWords));
  return c.random.shuffle(docs);
}

/** Songs: a private chorus repeated a varying number of times, so shingle lists and sets differ. */
function songs(random: Random, vocab: string[], count: number): string[][] {
  const docs: string[][] = [];
  while (docs.length < count) {
    const chorus = randomDoc(random, vocab, 2, 4);
    const verse = randomDoc(random, vocab, 3, 10);
    const family = random.int(1, 6);
    for (let v = 0; v < family && docs.length < count; v++) {
      const words: string[] = random.int(0, 1) ? [...verse] : edit(random, vocab, verse, 1);
      const repeats = random.int(1, 8);
      for (let r = 0; r < repeats; r++) words.push(...chorus);
      docs.push(words);
    }
  }
  return random.shuffle(docs);
}

/**
 * k = 1 pairs exactly at 50% similarity: a base of 30 distinct words, and a copy with 10 of them replaced
 * (20 shared, 40 in the union) or with 11 replaced (19 shared, 41 in the union: just below).
 */
function ties(random: Random, vocab: string[], count: number): string[][] {
  const docs: string[][] = [];
  let next = 0;
  const fresh = () => vocab[next++ % vocab.length] as string;
  while (docs.length < count) {
    const base = Array.from({ length: 30 }, fresh);
    const copy = [...base];
    const replaced = random.int(10, 11);
    for (let r = 0; r < replaced; r++) copy[r] = fresh();
    docs.push(base, random.shuffle(copy));
  }
  return random.shuffle(docs.slice(0, count));
}

/** Groups of exact copies plus one-edit copies that fall short of a 100% threshold. */
function exactCopies(random: Random, vocab: string[], count: number): string[][] {
  const docs: string[][] = [];
  while (docs.length < count) {
    const base = randomDoc(random, vocab, 10, 60);
    const kind = random.int(0, 3);
    docs.push(base);
    if (kind === 1) for (let c = random.int(1, 3); c > 0; c--) docs.push([...base]);
    if (kind === 2) docs.push(edit(random, vocab, base, 1));
  }
  return random.shuffle(docs.slice(0, count));
}

/**
 * k = 1 pairs exactly at the threshold where `shared / union * 100` rounds below it in floating point
 * (29/50 · 100 = 57.99…): each pair is `shared` common words plus private words up to `union`.
 */
function exactThresholds(vocab: string[], pairs: [number, number][]): string[][] {
  const docs: string[][] = [];
  let next = 0;
  const fresh = (count: number) => Array.from({ length: count }, () => vocab[next++] as string);
  for (const [shared, union] of pairs) {
    const common = fresh(shared);
    const own = union - shared;
    const a = Math.ceil(own / 2);
    docs.push([...common, ...fresh(a)], [...fresh(own - a), ...common]);
  }
  return docs;
}

/** Words over a tiny alphabet, so that "ab c" and "a bc" would collide if a shingle's words were joined. */
function collidingWords(random: Random, count: number, words: string[]): string[][] {
  return Array.from({ length: count }, () => randomDoc(random, words, 2, 6));
}

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261123);
  const small = vocabulary(random, 400);
  const medium = vocabulary(random, 6000);
  const large = vocabulary(random, 30000);
  const distinct = vocabulary(random, 60000);
  return [
    checked(
      'random-300-k2-t30',
      corpus({
        random,
        vocab: small,
        count: 300,
        minWords: 5,
        maxWords: 40,
        families: 15,
        familySize: [2, 3],
        maxEdits: 8,
      }),
      2,
      30,
    ),
    checked(
      'clusters-1500-k3-t60',
      corpus({
        random,
        vocab: medium,
        count: 1500,
        minWords: 20,
        maxWords: 100,
        families: 30,
        familySize: [2, 25],
        maxEdits: 10,
      }),
      3,
      60,
    ),
    checked(
      'sparse-3000-k3-t50',
      corpus({
        random,
        vocab: medium,
        count: 3000,
        minWords: 20,
        maxWords: 70,
        families: 150,
        familySize: [2, 2],
        maxEdits: 12,
      }),
      3,
      50,
    ),
    checked(
      'long-900-k5-t80',
      corpus({
        random,
        vocab: medium,
        count: 900,
        minWords: 150,
        maxWords: 200,
        families: 40,
        familySize: [2, 4],
        maxEdits: 8,
      }),
      5,
      80,
    ),
    checked(
      'words-2000-k1-t70',
      corpus({
        random,
        vocab: large,
        count: 2000,
        minWords: 10,
        maxWords: 50,
        families: 80,
        familySize: [2, 5],
        maxEdits: 6,
      }),
      1,
      70,
    ),
    checked(
      'short-2000-k10-t40',
      corpus({
        random,
        vocab: small,
        count: 2000,
        minWords: 8,
        maxWords: 20,
        families: 150,
        familySize: [2, 4],
        maxEdits: 3,
      }),
      10,
      40,
    ),
    checked(
      'low-threshold-800-k2-t1',
      corpus({
        random,
        vocab: vocabulary(random, 1500),
        count: 800,
        minWords: 10,
        maxWords: 50,
        families: 10,
        familySize: [2, 3],
        maxEdits: 20,
      }),
      2,
      1,
    ),
    checked('songs-600-k2-t90', songs(random, medium, 600), 2, 90),
    checked('ties-1000-k1-t50', ties(random, distinct, 1000), 1, 50),
    checked('exact-copies-2000-k4-t100', exactCopies(random, medium, 2000), 4, 100),
    ...fairness(),
  ];
}

/** Issue 9: classes of mistakes the tests above let through. */
function fairness(): GeneratedTest[] {
  const random = createRandom(20261128);
  const words = vocabulary(random, 3000);
  return [
    checked(
      'float-threshold-58-k1',
      exactThresholds(words.slice(0, 1000), [
        [29, 50],
        [58, 100],
        [87, 150],
        [116, 200],
        [145, 250],
      ]),
      1,
      58,
    ),
    checked(
      'float-threshold-57-k1',
      exactThresholds(words.slice(1000, 2000), [
        [57, 100],
        [114, 200],
      ]),
      1,
      57,
    ),
    checked(
      'float-threshold-29-k1',
      exactThresholds(words.slice(2000), [
        [29, 100],
        [58, 200],
        [87, 300],
      ]),
      1,
      29,
    ),
    checked('joined-words-ab-c', [['ab', 'c'], ['a', 'bc'], ['abc'], ['a', 'b', 'c']], 2, 100),
    checked('joined-words-200-k3', collidingWords(random, 200, ['a', 'b', 'ab', 'ba', 'aba', 'bab']), 3, 50),
    checked('joined-words-300-k2', collidingWords(random, 300, ['x', 'y', 'xy', 'yx', 'xyx']), 2, 40),
  ];
}
