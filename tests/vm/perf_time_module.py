# The time module's clocks and sleep (Modules/timemodule.c): types, monotonicity, argument errors.
import time

a = time.perf_counter()
b = time.perf_counter()
print(type(a).__name__, b >= a)
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time_ns() > 1_600_000_000 * 10**9)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
print(type(time.monotonic_ns()).__name__, type(time.process_time()).__name__, type(time.thread_time_ns()).__name__)
print(type(time.perf_counter_ns()).__name__, type(time.monotonic()).__name__, type(time.thread_time()).__name__)
print(type(time.process_time_ns()).__name__, time.process_time_ns() >= 0)
t = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - t >= 0.01)
t = time.monotonic_ns()
time.sleep(0)
time.sleep(False)
time.sleep(1e-9)
print(time.monotonic_ns() >= t)

cases = [
    lambda: time.time(1),
    lambda: time.time(x=1),
    lambda: time.sleep(),
    lambda: time.sleep("a"),
    lambda: time.sleep(None),
    lambda: time.sleep(-1),
    lambda: time.sleep(1, 2),
    lambda: time.sleep(float("nan")),
    lambda: time.sleep(10**30),
    lambda: time.sleep(x=1),
    lambda: time.perf_counter_ns(1),
    lambda: time.monotonic(1, 2),
    lambda: time.sleep(1e300),
    lambda: time.sleep(-0.5),
    lambda: time.sleep(float("-inf")),
]
for f in cases:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
