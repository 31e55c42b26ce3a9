"""A small stand-in for pyperf (https://pyperf.readthedocs.io), enough to run pyperformance's benchmark programs
under both kaa and python3 with the same timing code (bench/pyperformance/run).

What it keeps from pyperf: Runner.bench_func / bench_time_func / bench_command-free subset, the `--loops`,
`--values` and `--warmups` options (and `--clock cpu|wall`, its own), the benchmark's own command-line options (their defaults, or values given on
the command line), `metadata`, `perf_counter`. What it leaves out: worker processes, calibration, statistics
beyond min/mean, JSON output. Each value is the time of `loops` calls divided by loops * inner_loops, as in pyperf.
It prints one line per benchmark:  `#kaa-bench NAME MIN MEAN N` (seconds per loop), which the harness reads.
"""
import sys
import time

# The clock of every measurement. `--clock cpu` (the harness's default on a shared machine) measures the process's
# CPU time instead of wall time, so other processes competing for the cores do not count against the benchmark.
_clock = time.perf_counter


def perf_counter():
    return _clock()


class _Namespace:
    pass


class _ArgumentParser:
    """The part of argparse the benchmarks use: add_argument with a default (and type), parse_args."""

    def __init__(self):
        self._options = []      # (option strings, dest, type, default, action)
        self._positionals = []  # (dest, type, default)

    def add_argument(self, *names, **kwargs):
        dest = kwargs.get("dest")
        action = kwargs.get("action")
        default = kwargs.get("default")
        if action == "store_true" and default is None:
            default = False
        elif action == "store_false" and default is None:
            default = True
        conv = kwargs.get("type")
        if names and names[0].startswith("-"):
            if dest is None:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs[0] if longs else names[0]).lstrip("-").replace("-", "_")
            self._options.append((names, dest, conv, default, action))
        else:
            self._positionals.append((dest or names[0], conv, default))

    def add_mutually_exclusive_group(self, *args, **kwargs):
        return self

    def parse_args(self, argv):
        ns = _Namespace()
        for names, dest, conv, default, action in self._options:
            setattr(ns, dest, default)
        for dest, conv, default in self._positionals:
            setattr(ns, dest, default)
        positional = 0
        i = 0
        while i < len(argv):
            arg = argv[i]
            i += 1
            if arg.startswith("-"):
                value = None
                if "=" in arg:
                    arg, value = arg.split("=", 1)
                for names, dest, conv, default, action in self._options:
                    if arg in names:
                        if action == "store_true":
                            setattr(ns, dest, True)
                        elif action == "store_false":
                            setattr(ns, dest, False)
                        else:
                            if value is None:
                                value = argv[i]
                                i += 1
                            setattr(ns, dest, conv(value) if conv is not None else value)
                        break
                else:
                    raise SystemExit("pyperf stand-in: unknown option %s" % arg)
            elif positional < len(self._positionals):
                dest, conv, default = self._positionals[positional]
                setattr(ns, dest, conv(arg) if conv is not None else arg)
                positional += 1
        return ns


class Runner:
    def __init__(self, values=None, warmups=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None, **kwargs):
        self.metadata = dict(metadata) if metadata else {}
        self.argparser = _ArgumentParser()
        self.argparser.add_argument("--loops", "-l", type=int, default=loops or 1)
        self.argparser.add_argument("--values", "-n", type=int, default=values or 3)
        self.argparser.add_argument("--warmups", "-w", type=int, default=1 if warmups is None else warmups)
        self.argparser.add_argument("--clock", default="wall")
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(sys.argv[1:] if args is None else args)
            global _clock
            _clock = time.process_time if self.args.clock == "cpu" else time.perf_counter
        return self.args

    def _run(self, name, measure, inner_loops):
        args = self.parse_args()
        loops = args.loops
        inner = inner_loops or 1
        for _ in range(args.warmups):
            measure(loops)
        values = []
        for _ in range(args.values):
            values.append(measure(loops) / (loops * inner))
        mean = sum(values) / len(values)
        print("#kaa-bench %s %r %r %d" % (name, min(values), mean, len(values)))
        sys.stdout.flush()
        return None

    def bench_time_func(self, name, time_func, *args, inner_loops=None, **kwargs):
        return self._run(name, lambda loops: time_func(loops, *args), inner_loops)

    def bench_func(self, name, func, *args, inner_loops=None, **kwargs):
        def measure(loops):
            t0 = perf_counter()
            for _ in range(loops):
                func(*args)
            return perf_counter() - t0
        return self._run(name, measure, inner_loops)

    def bench_async_func(self, name, func, *args, inner_loops=None, **kwargs):
        raise NotImplementedError("pyperf stand-in: bench_async_func needs asyncio")
