import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILTIN_PACKS_DIR, exportPack, loadPack, scaffoldProblem } from '@assay/problems';

/** A built-in pack's problems as the library lists them: title and tags, in pack order. */
export function builtinPackProblems(packId: string): { title: string; tags: string[] }[] {
  return loadPack(join(BUILTIN_PACKS_DIR, packId)).problems.map(({ file }) => ({ title: file.title, tags: file.tags }));
}

/**
 * A pack folder with one problem that passes `pnpm problems validate`: the scaffold grown to the library
 * minimums (3 samples in the statement, 15+ hidden tests, and a test large enough that the quadratic
 * solution is too slow even at 3 × the limits on a fast, quiet machine).
 */
export function validPackDir(packId: string, problemId = 'sum-it', title = 'Sum It'): string {
  const pack = join(mkdtempSync(join(tmpdir(), 'assay-pack-fixture-')), packId);
  scaffoldProblem(pack, problemId);
  const dir = join(pack, problemId);
  const samples = [[1, 2, 3], [-5], []];
  const blocks = samples.map((nums, i) => {
    const sum = nums.reduce((a, b) => a + b, 0);
    writeFileSync(
      join(dir, 'tests', 'sample', `${i + 1}.json`),
      `${JSON.stringify({ args: [nums], expected: sum })}\n`,
    );
    return `\`\`\`\nInput: nums = ${JSON.stringify(nums)}\nOutput: ${sum}\n\`\`\``;
  });
  for (let i = 0; i < 15; i++) {
    const nums = Array.from({ length: i * 3 }, (_, j) => ((j * 7919 + i) % 100) - 50);
    writeFileSync(
      join(dir, 'tests', 'hidden', `h${i}.json`),
      `${JSON.stringify({ args: [nums], expected: nums.reduce((a, b) => a + b, 0) })}\n`,
    );
  }
  const big = Array.from({ length: 150_000 }, (_, i) => i % 7);
  writeFileSync(
    join(dir, 'tests', 'hidden', 'big.json'),
    `${JSON.stringify({ args: [big], expected: big.reduce((a, b) => a + b, 0) })}\n`,
  );
  writeFileSync(
    join(dir, 'statement.md'),
    `# ${title}\n\nReturn the sum of \`nums\`.\n\n## Examples\n\n${blocks.join('\n\n')}\n\n**Limits:** 300 ms of CPU time per test, 128 MB of memory.\n`,
  );
  writeFileSync(
    join(dir, 'problem.yaml'),
    readFileSync(join(dir, 'problem.yaml'), 'utf8')
      .replace('cpuMs: 1000', 'cpuMs: 300')
      .replace(/^title: .*$/m, `title: ${title}`)
      .replace('tags: []', 'tags: [arrays, warm-up]'),
  );
  return pack;
}

/** A pack folder zipped as `pnpm problems export` writes it. */
export function zipOf(packDir: string): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'assay-pack-zip-')), 'pack.zip');
  exportPack(packDir, file);
  return readFileSync(file);
}

/**
 * A zip of `files` (path → bytes), stored without compression: for archives `exportPack` refuses to
 * write, such as a pack that does not load.
 */
export function storedZip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const path = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(path.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, path, data);
    central.push(entry, path);
    offset += local.length + path.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
