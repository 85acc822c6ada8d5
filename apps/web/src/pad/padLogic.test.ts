import { PadConnection, type PadSocket } from '@assay/collab';
import { CLOSE_CODES, PAD_ORIGIN, type PadParticipant, type PadRun } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import {
  CURSOR_LABEL_MS,
  closeMessage,
  connectionSummary,
  cssString,
  cursorCss,
  cursorLabelShown,
  cursorOwners,
  mergeRun,
  ownPresence,
  type PadAwarenessState,
  padStarter,
  presentParticipants,
  replaceWithStarter,
  starterAfterSwitch,
  starterMayReplace,
  textOn,
} from './padLogic.ts';

const ada: PadParticipant = { id: 'p1', name: 'Ada', colour: '#e11d48', role: 'interviewer' };
const bob: PadParticipant = { id: 'p2', name: 'Bob', colour: '#2563eb', role: 'candidate' };
const cy: PadParticipant = { id: 'p3', name: 'Cy', colour: '#16a34a', role: 'interviewer' };

describe('participants and presence', () => {
  it('[W47] takes the liveliest presence of a participant across tabs; no awareness state is "left"', () => {
    const states = new Map<number, PadAwarenessState>([
      [11, { presence: 'away' }],
      [12, { presence: 'active' }],
      [13, { presence: 'idle' }],
    ]);
    const owners = new Map([
      [11, bob],
      [12, bob],
      [13, cy],
    ]);
    const people = presentParticipants([ada, bob, cy, { ...ada, name: 'Ada again' }], states, owners, ada, 'active');
    expect(people.map((p) => [p.name, p.presence, p.me])).toEqual([
      ['Ada', 'active', true],
      ['Bob', 'active', false],
      ['Cy', 'idle', false],
    ]);
    const later = presentParticipants([ada, bob, cy], new Map([[13, { presence: 'away' }]]), owners, ada, 'idle');
    expect(later.map((p) => [p.name, p.presence])).toEqual([
      ['Ada', 'idle'],
      ['Cy', 'away'],
      ['Bob', 'left'],
    ]);
  });

  it('[W47] [A111] names cursors by the client ids of the participants event; a cursor nobody owns names no one', () => {
    const owners = cursorOwners([
      { ...bob, presence: 'active', clientIds: [5, 6] },
      { ...cy, presence: 'left', clientIds: [] },
    ]);
    expect([...owners]).toEqual([
      [5, bob],
      [6, bob],
    ]);
    const people = presentParticipants(
      [],
      new Map([
        [5, {}],
        [9, { presence: 'idle' }],
      ]),
      owners,
      ada,
      'active',
    );
    expect(people.map((p) => [p.name, p.presence])).toEqual([
      ['Ada', 'active'],
      ['Bob', 'active'],
    ]);
  });

  it('[W47] is away while the tab is hidden, idle after a minute without input, else active', () => {
    expect(ownPresence(true, 0)).toBe('away');
    expect(ownPresence(false, 59_999)).toBe('active');
    expect(ownPresence(false, 60_000)).toBe('idle');
  });
});

describe('remote cursors', () => {
  it("[W46] paints a client id's selection and caret in its colour with the name as a label", () => {
    const css = cursorCss(42, { name: 'Bob', colour: '#2563eb' });
    expect(css).toContain('.yRemoteSelection-42 { background-color: #2563eb40; }');
    expect(css).toContain('.yRemoteSelectionHead-42 {');
    expect(css).toContain('border-left: 2px solid #2563eb');
    expect(css).toMatch(/\.yRemoteSelectionHead-42::after \{ content: "Bob"; background: #2563eb; color: #ffffff; \}/);
  });

  it('[W46] shows the name only for a moment after the caret moved, or while the mouse is over it', () => {
    expect(cursorCss(42, { name: 'Bob', colour: '#2563eb' }, true)).toContain(
      '.yRemoteSelectionHead-42::after { opacity: 1; }',
    );
    expect(cursorCss(42, { name: 'Bob', colour: '#2563eb' }, false)).not.toContain('opacity');
    expect(cursorLabelShown(1000, 1000 + CURSOR_LABEL_MS - 1, false)).toBe(true);
    expect(cursorLabelShown(1000, 1000 + CURSOR_LABEL_MS, false)).toBe(false);
    expect(cursorLabelShown(1000, 1000 + CURSOR_LABEL_MS, true)).toBe(true);
    expect(cursorLabelShown(undefined, 5000, false)).toBe(false);
  });

  it('[W46] cannot be broken out of by a name or colour: both are escaped or replaced', () => {
    const css = cursorCss(7, { name: 'x"; } body { display: none } \\', colour: 'red; } *{' });
    expect(css).not.toContain('display: none }');
    expect(css).not.toContain('red;');
    expect(css).toContain('#888888');
    // Every rule is still one line, closed where it should be.
    for (const line of css.split('\n')) expect(line.match(/\{/g)?.length).toBe(line.match(/\}/g)?.length);
    expect(cssString('a"b\\c\nd')).toBe('"a\\22 b\\5c c\\a d"');
    expect(cursorCss(-1, bob)).toBe('');
  });

  it('[W46] labels read on light and dark colours', () => {
    expect(textOn('#fde047')).toBe('#000000');
    expect(textOn('#1e3a8a')).toBe('#ffffff');
    expect(textOn('#fff')).toBe('#000000');
  });
});

describe('connection state and closes', () => {
  it('[W45] says synced, saving N edits, offline', () => {
    expect(connectionSummary('synced', 0).text).toBe('All changes saved');
    expect(connectionSummary('synced', 1).text).toBe('Saving 1 edit…');
    expect(connectionSummary('synced', 3).text).toBe('Saving 3 edits…');
    expect(connectionSummary('offline', 3)).toEqual({ text: 'Offline, reconnecting… edits are kept', tone: 'warn' });
  });

  it('[W52] explains every final close code with what to do, by role where it differs', () => {
    const codes = [
      CLOSE_CODES.NOT_SIGNED_IN,
      CLOSE_CODES.FORBIDDEN,
      CLOSE_CODES.PAD_NOT_FOUND,
      CLOSE_CODES.PAD_TOO_LARGE,
      CLOSE_CODES.TOO_MANY_SOCKETS,
      CLOSE_CODES.TOO_MANY_FRAMES,
    ];
    for (const code of codes) expect(closeMessage(code, 'candidate')).toBeTruthy();
    expect(closeMessage(CLOSE_CODES.NOT_SIGNED_IN, 'candidate')).toContain('link your interviewer sent');
    expect(closeMessage(CLOSE_CODES.NOT_SIGNED_IN, 'interviewer')).toContain('Sign in');
    expect(closeMessage(1006, 'candidate')).toBeUndefined();
  });
});

describe('language switch and runs', () => {
  it('[W48] lets the starter replace only empty code or the previous starter', () => {
    expect(starterMayReplace('', 'function f() {}')).toBe(true);
    expect(starterMayReplace('  \n', undefined)).toBe(true);
    expect(starterMayReplace('function f() {}\n', 'function f() {}')).toBe(true);
    expect(starterMayReplace('function f() { return 1; }', 'function f() {}')).toBe(false);
  });

  it('[W48] replaces the code with the starter in one update labelled STARTER, then labels edits EDIT again', () => {
    const sent: Uint8Array[] = [];
    const socket: PadSocket = {
      binaryType: '',
      readyState: 0,
      send: (data) => sent.push(data),
      close: () => {},
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
    };
    const connection = new PadConnection({ url: 'ws://test', connect: () => socket });
    connection.code.getText('code').insert(0, 'old');
    const origins: number[] = [];
    let updates = 0;
    connection.code.on('update', () => {
      updates++;
      origins.push(connection.origin);
    });
    replaceWithStarter(connection, 'function main() {}\n');
    expect(connection.code.getText('code').toString()).toBe('function main() {}\n');
    expect(updates).toBe(1);
    expect(origins).toEqual([PAD_ORIGIN.STARTER]);
    expect(connection.origin).toBe(PAD_ORIGIN.EDIT);
    connection.destroy();
  });

  it('[W49] keeps one entry per run, newest first, a later event replacing an earlier one', () => {
    const run = (id: string, createdAt: string, status: PadRun['status']): PadRun => ({
      id,
      participantId: 'p1',
      by: 'Ada',
      language: 'javascript',
      status,
      verdict: status === 'done' ? 'accepted' : null,
      compileError: null,
      tests: [],
      createdAt,
      finishedAt: null,
    });
    let runs = mergeRun([], run('a', '2026-01-01T10:00:00Z', 'queued'));
    runs = mergeRun(runs, run('b', '2026-01-01T10:01:00Z', 'queued'));
    runs = mergeRun(runs, run('a', '2026-01-01T10:00:00Z', 'done'));
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      ['b', 'queued'],
      ['a', 'done'],
    ]);
  });

  it("[W49] a run never goes back: the socket's done arriving before the Run request's own queued answer stays done", () => {
    const run = (status: PadRun['status']): PadRun => ({
      id: 'a',
      participantId: 'p1',
      by: 'Ada',
      language: 'javascript',
      status,
      verdict: status === 'done' ? 'accepted' : null,
      compileError: null,
      tests: [],
      createdAt: '2026-01-01T10:00:00Z',
      finishedAt: null,
    });
    let runs = mergeRun([], run('running'));
    runs = mergeRun(runs, run('done'));
    runs = mergeRun(runs, run('queued'));
    runs = mergeRun(runs, run('running'));
    expect(runs.map((r) => [r.status, r.verdict])).toEqual([['done', 'accepted']]);
  });
});

describe('starters', () => {
  it("[W48] takes a problem pad's starter per language, and the program starter in a blank pad", () => {
    const task = { starters: { javascript: 'function twoSum(nums, target) {\n}\n' } };
    expect(padStarter(task, 'javascript')).toBe(task.starters.javascript);
    expect(padStarter(task, 'typescript')).toBeUndefined();
    expect(padStarter(null, 'typescript')).toContain('function main()');
  });

  it("[W48] a switch replaces the server's starter (or empty code) with the new language's, and keeps written code", () => {
    // The page seeds nothing itself ([A123]): the new pad's code already holds the starter from the server.
    const js = padStarter(null, 'javascript') as string;
    const ts = padStarter(null, 'typescript') as string;
    expect(starterAfterSwitch(js, null, 'javascript', 'typescript')).toBe(ts);
    expect(starterAfterSwitch(`${js}\n\n`, null, 'javascript', 'typescript')).toBe(ts);
    expect(starterAfterSwitch('', null, 'javascript', 'typescript')).toBe(ts);
    expect(starterAfterSwitch(`${js}// mine\n`, null, 'javascript', 'typescript')).toBeUndefined();
    const task = { starters: { javascript: 'function f(a) {\n}\n', typescript: 'function f(a: number) {\n}\n' } };
    expect(starterAfterSwitch(task.starters.javascript, task, 'javascript', 'typescript')).toBe(
      task.starters.typescript,
    );
    expect(starterAfterSwitch('function f(a) { return a; }', task, 'javascript', 'typescript')).toBeUndefined();
    expect(starterAfterSwitch('', { starters: { javascript: 'x' } }, 'javascript', 'typescript')).toBeUndefined();
  });
});
