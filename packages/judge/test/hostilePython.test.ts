import { afterAll, describe, expect, it } from 'vitest';
import { languageAvailability, type ProblemSpec, type Verdict } from '../src/index.ts';
import { createJudge, solveProblem, submit, sumProblem } from './helpers.ts';

// The hostile Python suite ([J63]–[J67]): each submission gets its exact verdict, and a correct
// submission judged right after it on the same judge still passes. Submissions that probe for a way out
// return the right sum only when the way is shut, so `accepted` there means "contained".

const python = languageAvailability().python;

interface Case {
  name: string;
  source: string;
  verdict: Verdict;
  /** Part of the first test's message, when the message itself matters. */
  message?: RegExp;
  problem?: ProblemSpec;
}

const correctSum = 'def solve(nums):\n    return sum(nums)\n';
/** A solution that returns the right sum only when `shut` (a Python expression) is true. */
const onlyIf = (setup: string, shut: string) =>
  `import os, sys\n${setup}\ndef solve(nums):\n    return sum(nums) if (${shut}) else -1\n`;
const raises = (body: string) =>
  `import os, sys\ndef solve(nums):\n${body.replace(/^/gm, '    ')}\n    return sum(nums)\n`;

// Time and memory cases run one test: each one that hits a limit is judged twice ([J29]), in a new process.
const oneTest: ProblemSpec = { ...sumProblem, id: 'sum-one', tests: sumProblem.tests.slice(0, 1) };
// Memory bombs get a generous time limit, so that memory runs out before time does on a loaded machine.
const memoryProblem: ProblemSpec = { ...oneTest, id: 'sum-memory', limits: { cpuMs: 4000, memoryMb: 32 } };
const listProblem = solveProblem('list-copy', ['ListNode'], 'ListNode', [[1, 2, 3]], [1, 2, 3]);
const arrayProblem = solveProblem('array-copy', ['int[]'], 'int[]', [[1, 2, 3]], [1, 2, 3]);
const stringProblem = solveProblem('echo', ['string'], 'string', ['abc'], 'abc');

const cases: Case[] = [
  // Files
  {
    name: '[J63] reading /etc/passwd',
    source: raises("open('/etc/passwd').read()"),
    verdict: 'runtime_error',
    message: /FileNotFoundError/,
  },
  {
    name: "[J63] no host file is readable: the server's sources, home folders, /etc, /var, /root",
    source: onlyIf(
      `paths = ['/etc/shadow', '/etc/hosts', '/root', '/home', '/var', '/work', ${JSON.stringify(process.cwd())}, '/opt', '/srv', '/run', '/mnt']`,
      'not any(os.path.exists(p) for p in paths)',
    ),
    verdict: 'accepted',
  },
  {
    name: "[J63] /proc/self/environ and the sandbox init's environment are unreadable",
    source: onlyIf(
      'def unreadable(p):\n    try:\n        open(p, "rb").read()\n        return False\n    except OSError:\n        return True',
      "unreadable('/proc/self/environ') and unreadable('/proc/1/environ') and 'SECRET_KEY' not in os.environ and 'DATABASE_URL' not in os.environ",
    ),
    verdict: 'accepted',
  },
  {
    name: "[J63] the zygote's descriptors (its command channel to the host) cannot be opened through /proc",
    source: onlyIf(
      'def shut(p):\n    try:\n        open(p, "wb").write(b"{}\\n")\n        return False\n    except OSError:\n        return True',
      "shut('/proc/1/fd/1') and shut('/proc/1/fd/0') and shut('/proc/%d/fd/1' % os.getppid())",
    ),
    verdict: 'accepted',
  },
  {
    name: '[J63] writing outside the work directory: /usr is read-only',
    source: raises("open('/usr/lib/evil.py', 'w').write('x')"),
    verdict: 'runtime_error',
    message: /OSError|PermissionError|Read-only/,
  },
  {
    name: '[J63] a symlink in the work directory to a host file leads nowhere',
    source: raises("os.symlink('/etc/passwd', 'p')\nopen('p').read()"),
    verdict: 'runtime_error',
    message: /FileNotFoundError/,
  },
  {
    name: '[J63] a symlink to the sandbox root through /proc/1/root is refused',
    source: raises("os.symlink('/proc/1/root/etc', 'r')\nos.listdir('r')"),
    verdict: 'runtime_error',
    message: /PermissionError/,
  },
  {
    name: '[J67] files, links and module state left by one test are gone in the next',
    source: onlyIf(
      'import numpy',
      "(not os.path.lexists('/tmp/mark') and not os.path.lexists('/tmp/link') and getattr(numpy, '_assay_seen', None) is None) and (open('/tmp/mark', 'w').write('x') or os.symlink('/usr', '/tmp/link') or setattr(numpy, '_assay_seen', 1) or True)",
    ),
    verdict: 'accepted',
  },
  // Processes and the kernel
  {
    name: '[J64] os.system cannot start a shell',
    source: onlyIf('', "os.system('cat /etc/passwd') != 0"),
    verdict: 'accepted',
  },
  {
    name: '[J64] subprocess cannot start a program',
    source: raises("import subprocess\nsubprocess.run(['id'])"),
    verdict: 'runtime_error',
    message: /PermissionError/,
  },
  {
    name: '[J64] os.fork is refused',
    source: raises('os.fork()'),
    verdict: 'runtime_error',
    message: /PermissionError/,
  },
  {
    name: '[J64] a fork bomb stops at the first fork',
    source: raises('while True:\n    os.fork()'),
    verdict: 'runtime_error',
    message: /PermissionError/,
  },
  {
    name: '[J64] exec of another program is refused',
    source: raises("os.execv('/usr/bin/python3', ['python3', '-c', 'print(1)'])"),
    verdict: 'runtime_error',
    message: /PermissionError/,
  },
  {
    name: '[J64] ctypes reaches libc, but ptrace, mount and unshare are refused',
    source: onlyIf(
      'import ctypes\nlibc = ctypes.CDLL(None)',
      "libc.ptrace(16, 1, 0, 0) == -1 and libc.mount(b'none', b'/tmp', b'tmpfs', 0, None) == -1 and libc.unshare(0x10000000) == -1",
    ),
    verdict: 'accepted',
  },
  {
    name: '[J63] the network is unreachable: no loopback service, no outside host',
    source: raises(
      "import socket\nfor address in [('127.0.0.1', 5432), ('127.0.0.1', 6379), ('10.0.0.1', 80)]:\n    try:\n        socket.create_connection(address, timeout=1)\n        raise SystemError('connected to %s' % (address,))\n    except OSError:\n        pass\nsocket.create_connection(('1.1.1.1', 53), timeout=1)",
    ),
    verdict: 'runtime_error',
    message: /OSError|unreachable|refused/i,
  },
  {
    name: '[J64] threads run on the test’s own CPU clock: a thread spinning beside the answer costs nothing after it',
    source:
      'import threading\ndef spin():\n    while True:\n        pass\ndef solve(nums):\n    threading.Thread(target=spin, daemon=True).start()\n    return sum(nums)\n',
    verdict: 'accepted',
  },
  {
    name: '[J64] a thread bomb stops at the process limit',
    source: raises(
      'import threading, time\nfor _ in range(10000):\n    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()',
    ),
    verdict: 'runtime_error',
    message: /can't start new thread|RuntimeError/,
  },
  {
    name: '[J63] killing the zygote (the sandbox init) is ignored',
    source: onlyIf('import signal', 'os.kill(1, signal.SIGKILL) is None'),
    verdict: 'accepted',
  },
  {
    name: '[J67] signalling every process in the sandbox kills only the test itself',
    source: raises(
      'import signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept ProcessLookupError:\n    pass\nos.kill(os.getpid(), signal.SIGKILL)',
    ),
    verdict: 'runtime_error',
    message: /SIGKILL/,
  },
  {
    name: '[J64] raising its own CPU limit is refused',
    source: raises('import resource\nresource.setrlimit(resource.RLIMIT_CPU, (10**6, 10**6))'),
    verdict: 'runtime_error',
    message: /ValueError|not allowed/,
  },
  // Time
  {
    name: '[J65] an infinite loop',
    source: raises('while True:\n    pass'),
    verdict: 'time_limit_exceeded',
    problem: oneTest,
  },
  {
    name: '[J65] an infinite loop in top-level code',
    source: 'while True:\n    pass\ndef solve(nums):\n    return sum(nums)\n',
    verdict: 'time_limit_exceeded',
    problem: oneTest,
  },
  {
    name: '[J65] ignoring SIGXCPU and SIGTERM does not outlast the limit',
    source: raises(
      'import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass',
    ),
    verdict: 'time_limit_exceeded',
    problem: oneTest,
  },
  {
    name: '[J65] sleeping is stopped at the wall-clock limit',
    source: raises('import time\ntime.sleep(3600)'),
    verdict: 'time_limit_exceeded',
    problem: oneTest,
  },
  {
    name: '[J65] an output flood runs out of time, its output capped',
    source: raises("while True:\n    print('x' * 1000)"),
    verdict: 'time_limit_exceeded',
    problem: oneTest,
  },
  // Memory
  {
    name: '[J65] a list memory bomb',
    source: raises('x = [0] * (10**9)'),
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J65] a numpy memory bomb',
    source: raises('import numpy as np\nx = np.ones(10**9)'),
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J65] memory grown step by step until it runs out',
    source: raises("x = []\nwhile True:\n    x.append('y' * 10**6)"),
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J68] unbounded recursion with the recursion limit raised',
    source: raises('sys.setrecursionlimit(10**9)\ndef f(n):\n    return f(n + 1) + 1\nf(0)'),
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J68] unbounded recursion within the recursion limit',
    source: raises('def f(n):\n    return f(n + 1) + 1\nf(0)'),
    verdict: 'runtime_error',
    problem: oneTest,
    message: /recursion too deep/,
  },
  // Files that fill the disk
  {
    name: '[J64] a huge file stops at the file-size limit',
    source: raises("with open('big', 'wb') as f:\n    for _ in range(64):\n        f.write(b'x' * 2**20)"),
    verdict: 'runtime_error',
    message: /File too large|OSError/,
    problem: memoryProblem,
  },
  {
    name: '[J63] many files stop when the work directory is full',
    source: raises("for i in range(1000):\n    open('f%d' % i, 'wb').write(b'x' * (8 * 2**20))"),
    verdict: 'runtime_error',
    message: /No space left|OSError/,
    problem: memoryProblem,
  },
  // Exits
  {
    name: '[J65] sys.exit before answering',
    source: raises('sys.exit(0)'),
    verdict: 'runtime_error',
    message: /exit\(\)/,
  },
  {
    name: '[J65] os._exit before answering',
    source: raises('os._exit(0)'),
    verdict: 'runtime_error',
    message: /exited \(exit code 0\)/,
  },
  {
    name: '[J65] closing the result pipe and standard streams',
    source: raises('for fd in range(3, 64):\n    try:\n        os.close(fd)\n    except OSError:\n        pass'),
    verdict: 'runtime_error',
    message: /interfered/,
  },
  { name: '[J65] reading standard input', source: raises('input()'), verdict: 'runtime_error', message: /EOFError/ },
  // The checker cannot be fooled
  {
    name: '[J65] monkey-patching builtins and json before returning a wrong answer',
    source:
      "import builtins, json\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = lambda x: 0\njson.dumps = lambda *a, **k: '6'\nint.__repr__\ndef solve(nums):\n    return sum(nums) + 1\n",
    verdict: 'wrong_answer',
  },
  {
    name: '[J65] an int whose __eq__ and __repr__ lie',
    source:
      "class Liar(int):\n    def __eq__(self, other):\n        return True\n    def __repr__(self):\n        return '6'\n    __str__ = __repr__\ndef solve(nums):\n    return Liar(sum(nums) + 1)\n",
    verdict: 'wrong_answer',
  },
  {
    name: '[J65] a list whose __len__, __iter__ and __getitem__ lie',
    source:
      'class Liar(list):\n    def __len__(self):\n        return 3\n    def __iter__(self):\n        return iter([1, 2, 3])\n    def __getitem__(self, i):\n        return [1, 2, 3][i]\ndef solve(nums):\n    return Liar([9])\n',
    verdict: 'wrong_answer',
    problem: arrayProblem,
  },
  {
    name: '[J65] an object that equals everything is not an int',
    source:
      'class Anything:\n    def __eq__(self, other):\n        return True\ndef solve(nums):\n    return Anything()\n',
    verdict: 'runtime_error',
    message: /should be an int but is a Anything/,
  },
  {
    name: '[J65] a cyclic linked list',
    source: 'def solve(head):\n    head.next.next.next = head\n    return head\n',
    verdict: 'runtime_error',
    message: /cycle/,
    problem: listProblem,
  },
  {
    name: '[J65] an answer past the output limit',
    source: "def solve(s):\n    return 'x' * (9 * 2**20)\n",
    verdict: 'output_limit_exceeded',
    problem: { ...stringProblem, limits: { cpuMs: 2000, memoryMb: 64 } },
  },
];

describe.skipIf(!python.available)('hostile Python submissions', () => {
  const judge = createJudge();
  afterAll(() => judge.close());

  it.each(cases)('$name → $verdict', async ({ source, verdict, message, problem }) => {
    const target = problem ?? sumProblem;
    const report = await submit(judge, target, source, 'python');
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe(verdict);
    if (message) expect(report.tests[0]?.message).toMatch(message);
    expect(report.tests.every((t) => t.verdict !== 'internal_error')).toBe(true);

    const after = await submit(judge, sumProblem, correctSum, 'python');
    expect(after.verdict, JSON.stringify(after.tests)).toBe('accepted');
    expect(after.score).toBe(1);
  });

  it('[J65] an output flood before the right answer keeps the first 16 KiB and is accepted', async () => {
    const report = await submit(judge, sumProblem, raises("for _ in range(2000):\n    print('x' * 5000)"), 'python');
    expect(report.verdict).toBe('accepted');
    const first = report.tests[0];
    expect(first?.outputTruncated).toBe(true);
    expect(first?.output).toMatch(/output truncated/);
  });
});
