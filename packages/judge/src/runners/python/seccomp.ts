import { arch } from 'node:os';

/**
 * [J64] The seccomp program the Python sandbox runs under, as bubblewrap's `--seccomp` reads it: classic
 * BPF over `struct seccomp_data`. It refuses (EPERM) the system calls that reach past the sandbox or into
 * another process — debugging and memory access of other processes, mounts and namespaces, kernel
 * keyrings, BPF, perf, userfaultfd, io_uring, modules, clocks, reboot — and kills a process that calls
 * in through another ABI (x32 on x86_64, or a foreign architecture), where the numbers differ.
 */

/** Syscall numbers per architecture: x86_64 from asm/unistd_64.h, aarch64 from asm-generic/unistd.h. */
const DENIED: Record<string, [x86_64: number, aarch64: number]> = {
  ptrace: [101, 117],
  process_vm_readv: [310, 270],
  process_vm_writev: [311, 271],
  pidfd_getfd: [438, 438],
  process_madvise: [440, 440],
  kcmp: [312, 272],
  mount: [165, 40],
  umount2: [166, 39],
  pivot_root: [155, 41],
  chroot: [161, 51],
  unshare: [272, 97],
  setns: [308, 268],
  mount_setattr: [442, 442],
  move_mount: [429, 429],
  open_tree: [428, 428],
  fsopen: [430, 430],
  fsconfig: [431, 431],
  fsmount: [432, 432],
  fspick: [433, 433],
  open_by_handle_at: [304, 265],
  name_to_handle_at: [303, 264],
  keyctl: [250, 219],
  add_key: [248, 217],
  request_key: [249, 218],
  bpf: [321, 280],
  perf_event_open: [298, 241],
  userfaultfd: [323, 282],
  io_uring_setup: [425, 425],
  io_uring_enter: [426, 426],
  io_uring_register: [427, 427],
  kexec_load: [246, 104],
  kexec_file_load: [320, 294],
  init_module: [175, 105],
  finit_module: [313, 273],
  delete_module: [176, 106],
  swapon: [167, 224],
  swapoff: [168, 225],
  reboot: [169, 142],
  acct: [163, 89],
  quotactl: [179, 60],
  syslog: [103, 116],
  personality: [135, 92],
  lookup_dcookie: [212, 18],
  fanotify_init: [300, 262],
  settimeofday: [164, 170],
  clock_settime: [227, 112],
  adjtimex: [159, 171],
  clock_adjtime: [305, 266],
  vhangup: [153, 58],
  move_pages: [279, 239],
  migrate_pages: [256, 238],
};

const AUDIT_ARCH = { x64: 0xc000003e, arm64: 0xc00000b7 } as const;
const X32_SYSCALL_BIT = 0x40000000;
const EPERM = 1;

// BPF opcodes and seccomp return values (linux/filter.h, linux/seccomp.h).
const LD_W_ABS = 0x20;
const JEQ_K = 0x15;
const JGE_K = 0x35;
const RET_K = 0x06;
const RET_ALLOW = 0x7fff0000;
const RET_ERRNO = 0x00050000;
const RET_KILL_PROCESS = 0x80000000;
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;

/** The architectures the filter knows; elsewhere Python is reported unavailable ([J62]). */
export function seccompSupported(machine: string = arch()): boolean {
  return machine in AUDIT_ARCH;
}

/** The filter for this machine's architecture, as bytes of `struct sock_filter[]` (8 bytes each). */
export function seccompProgram(machine: string = arch()): Buffer {
  if (!(machine in AUDIT_ARCH)) throw new Error(`no seccomp filter for the ${machine} architecture`);
  const auditArch = AUDIT_ARCH[machine as keyof typeof AUDIT_ARCH];
  const numbers = Object.values(DENIED).map(([x86, arm]) => (machine === 'x64' ? x86 : arm));
  const program: Instruction[] = [];
  program.push([LD_W_ABS, 0, 0, OFFSET_ARCH]);
  program.push([JEQ_K, 1, 0, auditArch]);
  program.push([RET_K, 0, 0, RET_KILL_PROCESS]);
  program.push([LD_W_ABS, 0, 0, OFFSET_NR]);
  if (machine === 'x64') {
    // x32 calls carry this bit: their numbers are another table, so none is allowed.
    program.push([JGE_K, 0, 1, X32_SYSCALL_BIT]);
    program.push([RET_K, 0, 0, RET_KILL_PROCESS]);
  }
  // One comparison per denied call; a match jumps to the EPERM return at the end.
  for (const [i, nr] of numbers.entries()) {
    const toDeny = numbers.length - i;
    program.push([JEQ_K, toDeny, 0, nr]);
  }
  program.push([RET_K, 0, 0, RET_ALLOW]);
  program.push([RET_K, 0, 0, RET_ERRNO | EPERM]);
  return encodeProgram(program);
}

const CLONE_THREAD = 0x10000;
const ENOSYS = 38;
const JSET_K = 0x45;
/** Low 32 bits of the first argument in `struct seccomp_data` (little-endian). */
const OFFSET_ARG0 = 16;

/** fork, vfork, clone, clone3, execve, execveat per architecture (arm64 has no fork or vfork). */
const PROCESS_CALLS: Record<
  keyof typeof AUDIT_ARCH,
  Record<'fork' | 'vfork' | 'clone' | 'clone3' | 'execve' | 'execveat', number | undefined>
> = {
  x64: { fork: 57, vfork: 58, clone: 56, clone3: 435, execve: 59, execveat: 322 },
  arm64: { fork: undefined, vfork: undefined, clone: 220, clone3: 435, execve: 221, execveat: 281 },
};

/**
 * [J64] The filter each test's child installs on itself before the candidate's code runs: threads
 * (clone with CLONE_THREAD) are allowed, new processes and exec are refused with EPERM, and clone3 —
 * whose flags a filter cannot read — answers ENOSYS so the C library falls back to clone.
 */
export function childSeccompProgram(machine: string = arch()): Buffer {
  if (!(machine in AUDIT_ARCH)) throw new Error(`no seccomp filter for the ${machine} architecture`);
  const calls = PROCESS_CALLS[machine as keyof typeof PROCESS_CALLS];
  const denied = [calls.fork, calls.vfork, calls.execve, calls.execveat].filter((n): n is number => n !== undefined);
  const program: Instruction[] = [
    [LD_W_ABS, 0, 0, OFFSET_ARCH],
    [JEQ_K, 1, 0, AUDIT_ARCH[machine as keyof typeof AUDIT_ARCH]],
    [RET_K, 0, 0, RET_KILL_PROCESS],
    [LD_W_ABS, 0, 0, OFFSET_NR],
  ];
  // Layout after the comparisons: [clone check: ld arg0; jset] ALLOW, DENY(EPERM), ENOSYS.
  const n = denied.length;
  for (const [i, nr] of denied.entries()) program.push([JEQ_K, n - i + 4, 0, nr]);
  program.push([JEQ_K, 5, 0, calls.clone3 as number]);
  program.push([JEQ_K, 0, 2, calls.clone as number]);
  program.push([LD_W_ABS, 0, 0, OFFSET_ARG0]);
  program.push([JSET_K, 0, 1, CLONE_THREAD]);
  program.push([RET_K, 0, 0, RET_ALLOW]);
  program.push([RET_K, 0, 0, RET_ERRNO | EPERM]);
  program.push([RET_K, 0, 0, RET_ERRNO | ENOSYS]);
  return encodeProgram(program);
}

type Instruction = [code: number, jt: number, jf: number, k: number];

function encodeProgram(program: Instruction[]): Buffer {
  const bytes = Buffer.alloc(program.length * 8);
  for (const [i, [code, jt, jf, k]] of program.entries()) {
    bytes.writeUInt16LE(code, i * 8);
    bytes.writeUInt8(jt, i * 8 + 2);
    bytes.writeUInt8(jf, i * 8 + 3);
    bytes.writeUInt32LE(k >>> 0, i * 8 + 4);
  }
  return bytes;
}
