# Assay's Python harness and zygote ([J60]-[J68] in packages/judge/SPEC.md). It runs inside the
# bubblewrap sandbox, started by PythonRunner.ts, and serves one job at a time over stdin/stdout as
# newline-delimited JSON. It imports numpy once ("warm"), compiles the candidate's source, and for each
# test forks: the forked child runs the candidate's code under rlimits and hands back one string (the
# envelope); this process, which the candidate's code never runs in, measures the child (CPU time and
# memory from wait4, the exit status, its own clocks) and reports what it observed. Stray processes and
# files are removed after every test, so nothing carries over from one test to the next.
import builtins
import gc
import json
import os
import random
import resource
import selectors
import shutil
import signal
import sys
import time

import numpy

CMD_IN = sys.stdin.buffer
CMD_OUT = sys.stdout.buffer
WORK_DIR = os.getcwd()
INTERACT = 3  # a socket to the host, for interactive problems ([J66])
PAGE = os.sysconf('SC_PAGE_SIZE')
TICKS = os.sysconf('SC_CLK_TCK')
LIBRARIES = ('pandas', 'scipy', 'sklearn')


def send(message):
    CMD_OUT.write(json.dumps(message, separators=(',', ':')).encode('utf-8') + b'\n')
    CMD_OUT.flush()


class ChildFilter:
    """[J64] The second seccomp program, which each test's child installs on itself before the
    candidate's code runs: no new processes (threads only) and no exec, so every instruction the
    candidate runs is on the child's own CPU clock and under its limits."""

    def __init__(self, program):
        import ctypes

        class SockFprog(ctypes.Structure):
            _fields_ = [('len', ctypes.c_ushort), ('filter', ctypes.c_void_p)]

        self.buffer = ctypes.create_string_buffer(program, len(program))
        self.fprog = SockFprog(len(program) // 8, ctypes.cast(self.buffer, ctypes.c_void_p))
        self.pointer = ctypes.byref(self.fprog)
        self.prctl = ctypes.CDLL(None, use_errno=True).prctl

    def install(self):
        if self.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            os._exit(71)
        if self.prctl(22, 2, self.pointer, 0, 0) != 0:  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
            os._exit(71)


CHILD_FILTER = ChildFilter(bytes.fromhex(sys.argv[1]))
FILTER_FAILED = 71


def no_dumps():
    # [J63] Not dumpable: a child cannot open this process's /proc files (its descriptors, its memory).
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
    except Exception:
        pass


# ---- values: the wire form ([J2]), decoded for the candidate and encoded from the answer ----------


class ListNode:
    __slots__ = ('val', 'next')

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return 'ListNode(%r)' % (self.val,)


FLOAT_TAGS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf'), '-0': -0.0}


def decode(value, t):
    kind = t['kind']
    if kind == 'float':
        if isinstance(value, dict):
            return FLOAT_TAGS[value['$float']]
        return float(value)
    if kind == 'list':
        head = None
        for v in reversed(value or []):
            head = ListNode(v, head)
        return head
    if kind == 'array':
        of = t['of']
        return [decode(v, of) for v in value]
    if kind == 'nullable':
        return None if value is None else decode(value, t['of'])
    if kind == 'dict':
        of = t['of']
        return {k: decode(v, of) for k, v in value.items()}
    if kind == 'struct':
        return {f['name']: decode(value[f['name']], f['type']) for f in t['fields']}
    if kind == 'any':
        return decode_any(value)
    return value


def decode_any(value):
    if isinstance(value, list):
        return [decode_any(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and isinstance(value.get('$float'), str) and value['$float'] in FLOAT_TAGS:
            return FLOAT_TAGS[value['$float']]
        if len(value) == 1 and value.get('$undefined') is True:
            return None
        return {k: decode_any(v) for k, v in value.items()}
    return value


def install_harness():
    """Everything the child needs after the candidate's code has run, captured before it runs: the
    candidate may patch any builtin or module ([J65]). Only the base types' own methods are used on the
    answer, so a subclass's lying __eq__, __repr__, __iter__ or __len__ is never called."""
    _type = type
    _isinstance = isinstance
    _len = len
    _range = range
    _int_repr = int.__repr__
    _float_repr = float.__repr__
    _str_str = str.__str__
    _list_len = list.__len__
    _list_get = list.__getitem__
    _tuple_len = tuple.__len__
    _tuple_get = tuple.__getitem__
    _dict_keys = dict.keys
    _dict_get = dict.__getitem__
    _dict_contains = dict.__contains__
    _dumps = json.dumps
    _math_isnan = float.__ne__  # f != f only for NaN
    _ndarray = numpy.ndarray
    _np_integer = numpy.integer
    _np_floating = numpy.floating
    _np_bool = numpy.bool_
    _tolist = numpy.ndarray.tolist
    _np_item = numpy.generic.item
    _object_getattribute = object.__getattribute__
    _str_join = str.join
    _list_append = list.append
    _list = list
    _enumerate = enumerate
    _int = int
    _float = float
    _int_int = int.__int__
    _float_float = float.__float__
    _float_is_integer = float.is_integer
    _inf = float('inf')

    class TooLarge(Exception):
        pass

    class Mismatch(Exception):
        pass

    def kind_of(v):
        if v is None:
            return 'None'
        if _isinstance(v, bool):
            return 'the bool %s' % ('True' if v else 'False')
        if _isinstance(v, int):
            return 'the int %s' % _int_repr(v)
        if _isinstance(v, float):
            return 'the float %s' % _float_repr(v)
        if _isinstance(v, str):
            return 'a str'
        if _isinstance(v, _ndarray):
            return 'a numpy array'
        try:
            return 'a %s' % _type(v).__name__
        except Exception:
            return 'an object'

    MAX_SAFE = 2**53 - 1
    ANY_DEPTH = 64

    def make_encoder(room_holder):
        def emit(out, text):
            room_holder[0] -= _len(text)
            if room_holder[0] < 0:
                raise TooLarge()
            _list_append(out, text)

        def as_int(v, path):
            if _isinstance(v, bool) or _isinstance(v, _np_bool):
                raise Mismatch('%s should be an int but is %s' % (path, kind_of(v)))
            if _isinstance(v, _np_integer):
                v = _np_item(v)
            if _isinstance(v, _np_floating):
                v = _np_item(v)
            if _isinstance(v, float):
                # JavaScript cannot tell 3.0 from 3: an integral float is that int, as it is there.
                f = _float_float(v)
                if not _float_is_integer(f):
                    raise Mismatch('%s should be an int but is %s' % (path, kind_of(v)))
                v = _int(f)
            if not _isinstance(v, int):
                raise Mismatch('%s should be an int but is %s' % (path, kind_of(v)))
            n = _int_int(v)
            if n > MAX_SAFE or n < -MAX_SAFE:
                raise Mismatch('%s is %s, outside the exact integer range (±2**53 - 1)' % (path, _int_repr(n)))
            return _int_repr(n)

        def as_float(v, path):
            if _isinstance(v, bool) or _isinstance(v, _np_bool):
                raise Mismatch('%s should be a float but is %s' % (path, kind_of(v)))
            if _isinstance(v, (_np_integer, _np_floating)):
                v = _np_item(v)
            if _isinstance(v, int):
                n = _int_int(v)
                if n > MAX_SAFE or n < -MAX_SAFE:
                    return _float_repr(_float(n))
                return _int_repr(n)
            if not _isinstance(v, float):
                raise Mismatch('%s should be a float but is %s' % (path, kind_of(v)))
            f = _float_float(v)
            if _math_isnan(f, f):
                return '{"$float":"NaN"}'
            if f == _inf:
                return '{"$float":"Infinity"}'
            if f == -_inf:
                return '{"$float":"-Infinity"}'
            text = _float_repr(f)
            if text == '-0.0':
                return '{"$float":"-0"}'
            return text

        def sequence(v, path):
            """A list, tuple or numpy array as (length, getter), read through the base types only."""
            if _isinstance(v, _ndarray):
                items = _tolist(v)
                if not _isinstance(items, list):
                    raise Mismatch('%s should be a list but is a 0-dimensional numpy array' % path)
                return _list_len(items), (lambda i: _list_get(items, i))
            if _isinstance(v, list):
                return _list_len(v), (lambda i: _list_get(v, i))
            if _isinstance(v, tuple):
                return _tuple_len(v), (lambda i: _tuple_get(v, i))
            raise Mismatch('%s should be a list but is %s' % (path, kind_of(v)))

        def encode_any(out, v, path, depth):
            if depth > ANY_DEPTH:
                raise Mismatch('%s is nested more than %d levels deep (a cycle?)' % (path, ANY_DEPTH))
            if v is None:
                return emit(out, 'null')
            if _isinstance(v, (bool, _np_bool)):
                return emit(out, 'true' if v else 'false')
            if _isinstance(v, (int, float, _np_integer, _np_floating)):
                if _isinstance(v, (int, _np_integer)):
                    n = _np_item(v) if _isinstance(v, _np_integer) else _int_int(v)
                    if -MAX_SAFE <= n <= MAX_SAFE:
                        return emit(out, _int_repr(n))
                return emit(out, as_float(v, path))
            if _isinstance(v, str):
                return emit(out, _dumps(_str_str(v), ensure_ascii=False))
            if _isinstance(v, (list, tuple, _ndarray)):
                n, get = sequence(v, path)
                if n * 2 > room_holder[0]:
                    raise TooLarge()
                emit(out, '[')
                for i in _range(n):
                    if i:
                        emit(out, ',')
                    encode_any(out, get(i), '%s[%d]' % (path, i), depth + 1)
                return emit(out, ']')
            if _isinstance(v, dict):
                emit(out, '{')
                for i, k in _enumerate(_list(_dict_keys(v))):
                    if not _isinstance(k, str):
                        raise Mismatch('%s has the key %s; keys must be str' % (path, kind_of(k)))
                    if i:
                        emit(out, ',')
                    emit(out, _dumps(_str_str(k), ensure_ascii=False) + ':')
                    encode_any(out, _dict_get(v, k), '%s[%s]' % (path, _dumps(_str_str(k))), depth + 1)
                return emit(out, '}')
            raise Mismatch('%s should be plain data (None, bool, int, float, str, list or dict) but is %s' % (path, kind_of(v)))

        def encode(out, v, t, path):
            kind = t['kind']
            if kind == 'any':
                return encode_any(out, v, path, 0)
            if kind == 'int':
                return emit(out, as_int(v, path))
            if kind == 'float':
                return emit(out, as_float(v, path))
            if kind == 'bool':
                if _isinstance(v, _np_bool):
                    v = _np_item(v)
                if not _isinstance(v, bool):
                    raise Mismatch('%s should be a bool but is %s' % (path, kind_of(v)))
                return emit(out, 'true' if v else 'false')
            if kind == 'string':
                if not _isinstance(v, str):
                    raise Mismatch('%s should be a str but is %s' % (path, kind_of(v)))
                text = _str_str(v)
                if _len(text) > room_holder[0]:
                    raise TooLarge()
                return emit(out, _dumps(text, ensure_ascii=False))
            if kind == 'list':
                emit(out, '[')
                node = v
                slow = v
                n = 0
                while node is not None:
                    if n > 0 and node is slow:
                        raise Mismatch('%s has a cycle: node %d points back into the list' % (path, n))
                    try:
                        val = _object_getattribute(node, 'val')
                        nxt = _object_getattribute(node, 'next')
                    except AttributeError:
                        raise Mismatch('%s (node %d) should be a ListNode or None but is %s' % (path, n, kind_of(node)))
                    if n & 1:
                        slow = _object_getattribute(slow, 'next')
                    if n:
                        emit(out, ',')
                    emit(out, as_int(val, '%s (node %d).val' % (path, n)))
                    node = nxt
                    n += 1
                return emit(out, ']')
            if kind == 'array':
                n, get = sequence(v, path)
                if n * 2 > room_holder[0]:
                    raise TooLarge()
                emit(out, '[')
                of = t['of']
                for i in _range(n):
                    if i:
                        emit(out, ',')
                    encode(out, get(i), of, '%s[%d]' % (path, i))
                return emit(out, ']')
            if kind == 'nullable':
                if v is None:
                    return emit(out, 'null')
                return encode(out, v, t['of'], path)
            if kind == 'dict':
                if not _isinstance(v, dict):
                    raise Mismatch('%s should be a dict but is %s' % (path, kind_of(v)))
                emit(out, '{')
                for i, k in _enumerate(_list(_dict_keys(v))):
                    if not _isinstance(k, str):
                        raise Mismatch('%s has the key %s; keys must be str' % (path, kind_of(k)))
                    if i:
                        emit(out, ',')
                    emit(out, _dumps(_str_str(k), ensure_ascii=False) + ':')
                    encode(out, _dict_get(v, k), t['of'], '%s[%s]' % (path, _dumps(_str_str(k))))
                return emit(out, '}')
            if kind == 'struct':
                if not _isinstance(v, dict):
                    raise Mismatch('%s should be a dict with the keys %s but is %s' % (path, ', '.join(f['name'] for f in t['fields']), kind_of(v)))
                emit(out, '{')
                for i, f in _enumerate(t['fields']):
                    name = f['name']
                    if not _dict_contains(v, name):
                        raise Mismatch('%s is missing the key %s' % (path, _dumps(name)))
                    if i:
                        emit(out, ',')
                    emit(out, _dumps(name) + ':')
                    encode(out, _dict_get(v, name), f['type'], '%s[%s]' % (path, _dumps(name)))
                return emit(out, '}')
            raise Mismatch('unknown type %s' % kind)

        return encode

    return {
        'TooLarge': TooLarge,
        'Mismatch': Mismatch,
        'make_encoder': make_encoder,
        'dumps': _dumps,
        'join': _str_join,
    }


HARNESS = install_harness()


def snapshot_modules():
    """[J65] The namespaces the harness's own serialisation reads (builtins, json), as they were before
    the candidate's code ran: restored before the answer is written, so patches made to them cannot
    break or bend it."""
    import json.decoder
    import json.encoder

    modules = [builtins, json, json.encoder, json.decoder, sys]
    saved = [(m.__dict__, dict(m.__dict__)) for m in modules]
    clear = dict.clear
    update = dict.update

    def restore():
        for namespace, copy in saved:
            if namespace is not sys.__dict__:
                clear(namespace)
            update(namespace, copy)

    return restore


RESTORE_MODULES = snapshot_modules()


# ---- the child: one test, one fork -----------------------------------------------------------------


class CappedWriter:
    """sys.stdout and sys.stderr of the child: keeps the first `cap` characters, counts the rest ([J14])."""

    def __init__(self, cap):
        self.cap = cap
        self.parts = []
        self.size = 0
        self.dropped = 0

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not %s' % type(text).__name__)
        room = self.cap - self.size
        n = len(text)
        if n <= room:
            self.parts.append(text)
            self.size += n
        else:
            if room > 0:
                self.parts.append(text[:room])
                self.size += room
            self.dropped += n - max(room, 0)
        return n

    def flush(self):
        pass

    @property
    def buffer(self):
        """`sys.stdout.buffer.write(b'...')` writes the bytes as text, decoded as UTF-8."""
        writer = self

        class Bytes:
            def write(self, data):
                writer.write(bytes(data).decode('utf-8', 'replace'))
                return len(data)

            def flush(self):
                pass

        return Bytes()

    def isatty(self):
        return False

    def writable(self):
        return True

    @property
    def encoding(self):
        return 'utf-8'

    def text(self):
        return ''.join(self.parts)


def candidate_stack(tb, source_lines, limit=30):
    """The traceback's frames in the candidate's file only ([J15]), innermost last, as Python prints
    them. Only the last `limit` are kept while walking, so a RecursionError's thousands of frames cost
    nothing to describe."""
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == 'solution.py':
            frames.append((tb.tb_lineno, code.co_name))
            if len(frames) > limit:
                del frames[0]
        tb = tb.tb_next
    lines = []
    for lineno, name in frames:
        lines.append('  File "solution.py", line %d, in %s' % (lineno or 0, name))
        if lineno and 0 < lineno <= len(source_lines):
            text = source_lines[lineno - 1].strip()
            if text:
                lines.append('    ' + text[:300])
    return lines, (frames[-1][0] if frames else None)


def describe(exc):
    try:
        name = type(exc).__name__
    except Exception:
        name = 'Exception'
    try:
        message = str(exc)
    except Exception:
        message = '(a message that could not be read)'
    if len(message) > 4000:
        message = message[:4000] + '…'
    return name[:200], message


def interactive_function(name, nonce):
    """[J66] A function the problem provides: each call goes to the host and waits for its answer."""
    buffer = [b'']
    write = os.write
    dumps = json.dumps
    loads = json.loads

    def read_line():
        while b'\n' not in buffer[0]:
            chunk = os.read(INTERACT, 65536)
            if not chunk:
                raise RuntimeError('the judge stopped answering %s()' % name)
            buffer[0] += chunk
        line, _, rest = buffer[0].partition(b'\n')
        buffer[0] = rest
        return line

    def call(*args):
        request = dumps({'n': nonce, 'f': name, 'a': list(args)}, default=plain).encode() + b'\n'
        view = memoryview(request)
        while view:
            view = view[write(INTERACT, view) :]
        while True:
            reply = loads(read_line())
            if reply.get('n') != nonce:
                continue  # an answer to a call a previous test's child made before it was stopped
            if 'error' in reply:
                raise RuntimeError(reply['error'])
            return reply['v']

    call.__name__ = name
    return call


def plain(value):
    """numpy scalars as the Python values they hold, for arguments of interactive calls."""
    if isinstance(value, numpy.generic):
        return value.item()
    raise TypeError('an argument of type %s cannot be sent to the judge' % type(value).__name__)


class LibraryGate:
    """[J69] A meta-path finder that refuses the libraries a problem does not allow, with a message
    saying so (a policy, not a boundary: the sandbox is the boundary)."""

    def __init__(self, blocked, allowed):
        self.blocked = blocked
        self.allowed = allowed

    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in self.blocked:
            allowed = ', '.join(['numpy'] + list(self.allowed))
            raise ImportError('%s is not available in this problem; it allows %s and the standard library' % (name.split('.')[0], allowed), name=name)
        return None


def gate_libraries(job):
    allowed = set(job['libraries'])
    if 'sklearn' in allowed:
        allowed.add('scipy')  # scikit-learn is built on SciPy and imports its parts as it goes
    blocked = [name for name in LIBRARIES if name not in allowed]
    for name in list(sys.modules):
        if name.split('.')[0] in blocked:
            del sys.modules[name]
    sys.meta_path.insert(0, LibraryGate(blocked, sorted(allowed)))


def child_main(job, test, args, result_fd):
    limits = job['limits']
    # [J63] Standard streams point nowhere: printed output goes to the capped writers, and the zygote's
    # own command channel is out of reach. Descriptors other than the result pipe (and, for interactive
    # problems, the two interaction pipes) are closed.
    null = os.open('/dev/null', os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    keep = {0, 1, 2, result_fd}
    if job.get('interactive'):
        keep.add(INTERACT)
    for fd in range(3, 256):
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass
    console = CappedWriter(limits['consoleBytes'])
    sys.stdout = console
    sys.stderr = console
    sys.stdin = open(os.devnull)
    cpu_s = -(-limits['cpuMs'] // 1000) + 1
    # [J64] Limits the kernel enforces on the child (and anything it starts): CPU seconds past the
    # supervisor's own clock, address space, processes/threads, file size and open files, no core files.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_AS, (job['addressSpaceBytes'], job['addressSpaceBytes']))
    resource.setrlimit(resource.RLIMIT_NPROC, (job['processLimit'], job['processLimit']))
    resource.setrlimit(resource.RLIMIT_FSIZE, (job['fileSizeBytes'], job['fileSizeBytes']))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # [J13] random and numpy's global generator are seeded per test.
    random.seed(test['seed'])
    numpy.random.seed(test['seed'] & 0xFFFFFFFF)
    sys.setrecursionlimit(job['recursionLimit'])
    gc.enable()
    CHILD_FILTER.install()
    gate_libraries(job)

    dumps = HARNESS['dumps']
    TooLarge = HARNESS['TooLarge']
    Mismatch = HARNESS['Mismatch']
    room = [limits['outputBytes']]
    encode = HARNESS['make_encoder'](room)
    write = os.write

    def finish(fields, value=None):
        RESTORE_MODULES()
        fields['log'] = console.text()
        fields['dropped'] = console.dropped
        text = dumps(fields, ensure_ascii=False)
        if value is not None:
            text = text[:-1] + ',"value":' + value + '}'
        data = text.encode('utf-8', 'replace')
        view = memoryview(data)
        while view:
            n = write(result_fd, view[:65536])
            view = view[n:]
        os._exit(0)

    def thrown(exc):
        name, message = describe(exc)
        lines, line = candidate_stack(exc.__traceback__, job['lines'])
        stack = '\n'.join(['Traceback (most recent call last):'] + lines + ['%s: %s' % (name, message)])
        status = 'memory' if isinstance(exc, MemoryError) else 'thrown'
        finish({'status': status, 'name': name, 'message': message, 'stack': stack[:8000], 'line': line or 0})

    if job.get('burnCpuMs'):
        start = time.process_time()
        while (time.process_time() - start) * 1000 < job['burnCpuMs']:
            pass

    namespace = {'__name__': '__main__' if job.get('entryOptional') else 'solution', '__builtins__': builtins, 'ListNode': ListNode}
    for name in job.get('interactive') or []:
        namespace[name] = interactive_function(name, test['nonce'])
    function_name = job['functionName']
    try:
        exec(job['code'], namespace)
        fn = namespace.get(function_name)
        if not callable(fn):
            holder = namespace.get('Solution')
            if isinstance(holder, type) and callable(getattr(holder, function_name, None)):
                fn = getattr(holder(), function_name)
        if not callable(fn):
            if not job.get('entryOptional'):
                finish({'status': 'missing', 'message': 'your code must define a function named %s at the top level' % function_name})
            result = None
        else:
            result = fn(*args)
    except SystemExit as exc:
        finish({'status': 'exited', 'message': 'your code called exit() (code %s) before returning an answer' % (exc.code,)})
    except BaseException as exc:  # noqa: BLE001 - everything the candidate raises is a verdict
        thrown(exc)
    RESTORE_MODULES()
    try:
        out = []
        encode(out, result, job['returnType'], 'the return value')
        value = HARNESS['join']('', out)
    except TooLarge:
        finish({'status': 'too_large', 'message': 'the return value is larger than %d characters' % limits['outputBytes']})
    except Mismatch as exc:
        finish({'status': 'mismatch', 'message': str(exc.args[0]) if exc.args else 'the return value has the wrong type'})
    except BaseException as exc:  # noqa: BLE001
        thrown(exc)
    finish({'status': 'ok'}, value)


# ---- the zygote: supervising one child per test -----------------------------------------------------


def cpu_ms_of(pid):
    try:
        with open('/proc/%d/stat' % pid, 'rb') as f:
            stat = f.read()
        fields = stat[stat.rindex(b')') + 2 :].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / TICKS
    except (OSError, ValueError, IndexError):
        return 0.0


def rss_bytes():
    with open('/proc/self/statm', 'rb') as f:
        return int(f.read().split()[1]) * PAGE


def vm_bytes():
    with open('/proc/self/statm', 'rb') as f:
        return int(f.read().split()[0]) * PAGE


def count_tasks():
    count = 0
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                count += len(os.listdir('/proc/%s/task' % entry))
            except OSError:
                pass
    return count


def clean_up():
    """After a test: every other process in the sandbox is killed, and the work directory emptied ([J67])."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.001)
            continue
    for entry in os.scandir(WORK_DIR):
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


def run_test(job, test):
    limits = job['limits']
    args = [decode(a, t) for a, t in zip(json.loads(test['inputJson']), job['params'])]
    read_fd, write_fd = os.pipe()
    base_rss = rss_bytes()
    # Everything the zygote holds moves to the collector's permanent generation: a child's collections
    # then never touch (and so never copy) the zygote's pages. Not undone: what the zygote allocates per
    # test is freed by reference counting.
    gc.freeze()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            child_main(job, test, args, write_fd)
        finally:
            os._exit(70)  # the harness itself failed: the host reports it as the judge's fault
    os.close(write_fd)
    cap = limits['outputBytes'] + 4 * limits['consoleBytes'] + 65536
    chunks = []
    size = 0
    killed = None
    pidfd = os.pidfd_open(pid)
    selector = selectors.DefaultSelector()
    selector.register(read_fd, selectors.EVENT_READ)
    selector.register(pidfd, selectors.EVENT_READ)
    reading = True
    exited = False
    cpu_limit = limits['cpuMs']
    wall_deadline = started + limits['wallMs'] / 1000
    while reading or not exited:
        for key, _ in selector.select(timeout=0.005):
            if key.fd == read_fd:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    selector.unregister(read_fd)
                    reading = False
                elif killed is None:
                    size += len(chunk)
                    if size > cap:
                        killed = 'output'
                        os.kill(pid, signal.SIGKILL)
                    else:
                        chunks.append(chunk)
            elif key.fd == pidfd:
                selector.unregister(pidfd)
                exited = True
        if exited and reading:
            # The child is gone; a process it left behind may hold the pipe open: take what is there.
            os.set_blocking(read_fd, False)
            try:
                while True:
                    chunk = os.read(read_fd, 1 << 16)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > cap:
                        break
                    chunks.append(chunk)
            except BlockingIOError:
                pass
            selector.unregister(read_fd)
            reading = False
        if not exited and killed is None:
            if cpu_ms_of(pid) > cpu_limit:
                killed = 'cpu'
                os.kill(pid, signal.SIGKILL)
            elif time.monotonic() > wall_deadline:
                killed = 'wall'
                os.kill(pid, signal.SIGKILL)
    selector.close()
    os.close(pidfd)
    os.close(read_fd)
    _, status, usage = os.wait4(pid, 0)
    wall_ms = (time.monotonic() - started) * 1000
    clean_up()
    signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    return {
        'type': 'result',
        'index': test['index'],
        'cpuMs': (usage.ru_utime + usage.ru_stime) * 1000,
        'wallMs': wall_ms,
        'grownMb': max(0, usage.ru_maxrss * 1024 - base_rss) / (1024 * 1024),
        'exitCode': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        'signal': signal.Signals(signum).name if signum else None,
        'killed': killed,
        'envelope': b''.join(chunks).decode('utf-8', 'replace') if chunks else None,
    }


def prepare(message):
    """Compiles the candidate's source ([J27]); a syntax error is a compile error with its line and column."""
    job = message['job']
    try:
        code = compile(message['source'], 'solution.py', 'exec', dont_inherit=True)
    except SyntaxError as exc:
        text = '%s: %s' % (type(exc).__name__, exc.msg)
        return None, {'type': 'compile-error', 'message': text, 'line': exc.lineno or 0, 'column': exc.offset or 0}
    except (ValueError, OverflowError, MemoryError, RecursionError) as exc:
        return None, {'type': 'compile-error', 'message': '%s: %s' % (type(exc).__name__, exc), 'line': 0, 'column': 0}
    for name in job.get('preload') or []:
        if name.split('.')[0] in LIBRARIES and name.split('.')[0] in job['libraries'] and name not in sys.modules:
            __import__(name)
    job['code'] = code
    job['lines'] = message['source'].splitlines()
    # Tasks already in the sandbox (its init and this process) plus room for the candidate's threads.
    job['processLimit'] = count_tasks() + job['threadLimit']
    # Room for the candidate: the address space already mapped (the interpreter, numpy) plus the limit.
    job['addressSpaceBytes'] = vm_bytes() + job['limits']['memoryMb'] * 1024 * 1024 + 64 * 1024 * 1024
    return job, {'type': 'prepared'}


def main():
    no_dumps()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    send({'type': 'ready', 'python': '%d.%d.%d' % sys.version_info[:3], 'numpy': numpy.__version__})
    job = None
    for line in CMD_IN:
        message = json.loads(line)
        kind = message['type']
        if kind == 'job':
            job, reply = prepare(message)
            send(reply)
        elif kind == 'test':
            try:
                send(run_test(job, message))
            except Exception as exc:  # noqa: BLE001 - the harness's own fault, never the candidate's
                send({'type': 'internal', 'index': message['index'], 'message': '%s: %s' % (type(exc).__name__, exc)})


main()
