// Seeded generator of mutated workspaces for the fuzz suite. Every workspace is a function of
// (seed, index) alone, so one failing case can be replayed without running the cases before it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Workspace path with `/` → file bytes. */
export type FuzzFiles = Map<string, Buffer>;

export interface FuzzCase {
  seed: number;
  index: number;
  files: FuzzFiles;
  /** One line per mutation applied, such as `.env: insert "${"`, for failure reports. */
  log: string[];
}

/** Small fast PRNG (mulberry32): 32-bit state, uniform floats in [0, 1). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Seed of case `index` under run seed `seed`, mixed so neighbouring cases share no state. */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const seedFolder = new URL('../fixtures/robustness/seed/', import.meta.url);

/** Reads every file of the seed workspace, dotfiles included. */
export function readSeedFiles(folder: string = seedFolder.pathname): FuzzFiles {
  const files: FuzzFiles = new Map();
  const visit = (absolute: string, relative: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(join(absolute, entry.name), path);
      else files.set(path, readFileSync(join(absolute, entry.name)));
    }
  };
  visit(folder, '');
  return files;
}

/**
 * Byte sequences that change how a parser reads what follows: quotes, brackets, interpolation,
 * escapes, line breaks of every kind, encodings (BOM, invalid UTF-8, NUL) and YAML anchors.
 */
const tokens: readonly (string | Buffer)[] = [
  '"', "'", '"""', "'''", '`', '{', '}', '[', ']', '(', ')', '${', '${VAR', '${VAR:-', '${VAR:?',
  '$(touch x)', '$$', '\\', '\\\n', '#', ';', ':', ': ', '- ', '=', '==', '\t', ' ', '%', '{{',
  '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\u0085', '\ufeff', '\u200b', 'é', '😀',
  '&anchor ', '*anchor', '<<: ', '!!str ', '!!binary ', '|', '>-', '---\n', '...\n',
  'include ', 'server {', 'location / {', 'if (', 'http {', 'f"', 'r"', 'b"', 'lambda: ',
  'import os\n', 'os.environ["X"]', 'export ', '0x', '1e309', '-0', 'NaN', '9'.repeat(40),
  Buffer.from([0x00]), Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf0, 0x9f]), Buffer.from([0xef, 0xbb, 0xbf]),
];

type Mutation = (bytes: Buffer, random: Random, donors: Buffer[]) => { bytes: Buffer; note: string };

function cut(bytes: Buffer, start: number, end: number, insert: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([bytes.subarray(0, start), insert, bytes.subarray(end)]);
}

function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** Span of a random line, its line break included. */
function randomLine(bytes: Buffer, random: Random): [number, number] {
  const starts = lineStarts(bytes);
  const line = random.int(0, starts.length - 1);
  return [starts[line]!, starts[line + 1] ?? bytes.length];
}

const mutations: readonly Mutation[] = [
  function flipByte(bytes, random) {
    if (bytes.length === 0) return { bytes, note: 'flip (empty)' };
    const at = random.int(0, bytes.length - 1);
    const copy = Buffer.from(bytes);
    copy[at] = random.chance(0.5) ? copy[at]! ^ (1 << random.int(0, 7)) : random.int(0, 255);
    return { bytes: copy, note: `flip byte ${at}` };
  },
  function deleteSpan(bytes, random) {
    const start = random.int(0, bytes.length);
    const end = Math.min(bytes.length, start + random.int(1, 40));
    return { bytes: cut(bytes, start, end), note: `delete ${start}..${end}` };
  },
  function duplicateSpan(bytes, random) {
    const start = random.int(0, bytes.length);
    const span = bytes.subarray(start, Math.min(bytes.length, start + random.int(1, 200)));
    const at = random.int(0, bytes.length);
    return { bytes: cut(bytes, at, at, span), note: `duplicate ${span.length} bytes from ${start} at ${at}` };
  },
  function repeatLine(bytes, random) {
    const [start, end] = randomLine(bytes, random);
    const times = random.pick([2, 3, 10, 300]);
    const line = bytes.subarray(start, end);
    const copies = Buffer.concat(Array.from({ length: times }, () => line));
    return { bytes: cut(bytes, start, end, copies), note: `repeat line at ${start} ${times} times` };
  },
  function spliceDonorLines(bytes, random, donors) {
    const donor = random.pick(donors);
    const [start] = randomLine(donor, random);
    const end = Math.min(donor.length, start + random.int(1, 300));
    const at = random.pick(lineStarts(bytes));
    return { bytes: cut(bytes, at, at, donor.subarray(start, end)), note: `splice ${end - start} donor bytes at ${at}` };
  },
  function insertToken(bytes, random) {
    const token = random.pick(tokens);
    const insert = typeof token === 'string' ? Buffer.from(token, 'utf8') : token;
    const at = random.int(0, bytes.length);
    return { bytes: cut(bytes, at, at, insert), note: `insert ${JSON.stringify(insert.toString('latin1'))} at ${at}` };
  },
  function insertBurst(bytes, random) {
    const unit = random.pick(['{', '[', '(', '- ', '  ', '"', '\\', '${', 'a']);
    const times = random.pick([50, 500, 3000]);
    const at = random.int(0, bytes.length);
    return { bytes: cut(bytes, at, at, Buffer.from(unit.repeat(times))), note: `insert ${JSON.stringify(unit)} x${times} at ${at}` };
  },
  function truncate(bytes, random) {
    const at = random.int(0, bytes.length);
    return { bytes: bytes.subarray(0, at), note: `truncate at ${at}` };
  },
  function lineEndings(bytes, random) {
    const ending = random.pick(['\r\n', '\r', '\u2028']);
    // Latin-1 maps each byte to one character, so the round trip keeps every other byte as is.
    const replacement = Buffer.from(ending, 'utf8').toString('latin1');
    const text = bytes.toString('latin1').replace(/\r?\n/g, replacement);
    return { bytes: Buffer.from(text, 'latin1'), note: `line endings ${JSON.stringify(ending)}` };
  },
  function prependBom(bytes) {
    return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), note: 'prepend BOM' };
  },
  function swapLines(bytes, random) {
    const lines = bytes.toString('latin1').split('\n');
    const a = random.int(0, lines.length - 1);
    const b = random.int(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return { bytes: Buffer.from(lines.join('\n'), 'latin1'), note: `swap lines ${a} and ${b}` };
  },
  function shiftIndent(bytes, random) {
    const [start, end] = randomLine(bytes, random);
    const line = bytes.subarray(start, end).toString('latin1');
    const shifted = random.chance(0.5) ? ` ${random.chance(0.3) ? '\t' : ' '}${line}` : line.replace(/^\s{1,3}/, '');
    return { bytes: cut(bytes, start, end, Buffer.from(shifted, 'latin1')), note: `indent line at ${start}` };
  },
];

/** Extra paths a mutated file may be copied to, so one kind's text is read as another kind. */
const crossPaths = [
  '.env.production',
  'docker-compose.prod.yml',
  'compose.override.yaml',
  'nginx/conf.d/extra.conf',
  'nginx/nginx.conf',
  'app/config/settings/local.py',
  '.envs/.production/.django',
];

/**
 * Builds workspace `index` of run `seed`: every seed file, one to three of them mutated one to
 * five times, sometimes a file dropped and sometimes a mutated file copied to a path of another
 * kind.
 */
export function generateCase(seed: number, index: number, seeds: FuzzFiles): FuzzCase {
  const random = new Random(caseSeed(seed, index));
  const files: FuzzFiles = new Map(seeds);
  const paths = [...seeds.keys()].sort();
  const donors = paths.map((path) => seeds.get(path)!);
  const log: string[] = [];
  const targets = random.int(1, 3);
  for (let t = 0; t < targets; t++) {
    const path = random.pick(paths);
    let bytes = files.get(path)!;
    const count = random.int(1, 5);
    for (let m = 0; m < count; m++) {
      const result = random.pick(mutations)(bytes, random, donors);
      bytes = result.bytes;
      log.push(`${path}: ${result.note}`);
    }
    files.set(path, bytes);
  }
  if (random.chance(0.1)) {
    const path = random.pick(paths);
    files.delete(path);
    log.push(`${path}: removed`);
  }
  if (random.chance(0.25)) {
    const from = random.pick(paths);
    const to = random.pick(crossPaths);
    const source = files.get(from) ?? seeds.get(from)!;
    files.set(to, random.pick(mutations)(source, random, donors).bytes);
    log.push(`${to}: mutated copy of ${from}`);
  }
  return { seed, index, files, log };
}
