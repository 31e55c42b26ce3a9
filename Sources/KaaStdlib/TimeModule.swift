#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaRuntime

// The `time` module's clocks and sleep: CPython's Modules/timemodule.c (and Python/pytime.c for the conversions).
// Not yet: struct_time, gmtime/localtime/mktime, strftime/strptime, asctime/ctime, get_clock_info, tzname.

/// clock_gettime as nanoseconds (CPython: _PyTime_GetSystemClock / _PyTime_GetPerfCounter … all read a timespec).
@inline(__always) private func clockNanoseconds(_ clock: clockid_t) -> Int {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Int(ts.tv_sec) &* 1_000_000_000 &+ Int(ts.tv_nsec)
}

/// Seconds as a float the way CPython converts a _PyTime_t (CPython: _PyTime_AsSecondsDouble): whole seconds and
/// the remainder are divided separately when the count is a multiple of 1e9, else ns / 1e9.
@inline(__always) private func secondsDouble(_ ns: Int) -> Double {
    if ns % 1_000_000_000 == 0 { return Double(ns / 1_000_000_000) }
    return Double(ns) / 1e9
}

/// The argument check of a METH_NOARGS function: `time.time() takes no arguments (1 given)`.
private func noArgs(_ name: String, _ n: Int, _ kw: UInt) -> Bool {
    if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 {
        raise(typeErrorType, "time.\(name)() takes no keyword arguments")
        return false
    }
    if n != 0 {
        raise(typeErrorType, "time.\(name)() takes no arguments (\(n) given)")
        return false
    }
    return true
}

/// A sleep length in nanoseconds (CPython: _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT, which rounds up).
private func timeoutNanoseconds(_ v: PyValue) -> Int? {
    let tooLarge = "timestamp too large to convert to C _PyTime_t"
    if !v.isSmallInt && isSubtype(v.type, floatType) {
        let d = floatValue(v)
        if d.isNaN { raise(valueErrorType, "Invalid value NaN (not a number)"); return nil }
        let ns = (d * 1e9).rounded(.up)
        if !(ns >= -9.223372036854775808e18 && ns < 9.223372036854775808e18) {
            // CPython: _PyTime_FromDouble → pytime_time_t_overflow
            raise(overflowErrorType, "timestamp out of range for platform time_t"); return nil
        }
        return Int(ns)
    }
    // An int outside the small range is beyond 2**62 seconds: too large in nanoseconds.
    if smallOperand(v) == nil && isIntLike(v) { raise(overflowErrorType, tooLarge); return nil }
    guard let i = indexValueOrRaise(v) else { return nil }
    let (ns, o) = i.multipliedReportingOverflow(by: 1_000_000_000)
    if o { raise(overflowErrorType, tooLarge); return nil }
    return ns
}

func makeTimeModule() -> PyValue {
    let m = newModule("time")
    // Each clock in seconds (float) and in nanoseconds (int), as timemodule.c's time/time_ns pairs.
    let clocks: [(String, BuiltinFn, BuiltinFn)] = [
        ("time",
         { _, _, n, kw in noArgs("time", n, kw) ? newFloat(secondsDouble(clockNanoseconds(CLOCK_REALTIME))).raw : 0 },
         { _, _, n, kw in noArgs("time_ns", n, kw) ? makeInt(clockNanoseconds(CLOCK_REALTIME)).raw : 0 }),
        ("perf_counter",
         { _, _, n, kw in noArgs("perf_counter", n, kw) ? newFloat(secondsDouble(clockNanoseconds(CLOCK_MONOTONIC))).raw : 0 },
         { _, _, n, kw in noArgs("perf_counter_ns", n, kw) ? makeInt(clockNanoseconds(CLOCK_MONOTONIC)).raw : 0 }),
        ("monotonic",
         { _, _, n, kw in noArgs("monotonic", n, kw) ? newFloat(secondsDouble(clockNanoseconds(CLOCK_MONOTONIC))).raw : 0 },
         { _, _, n, kw in noArgs("monotonic_ns", n, kw) ? makeInt(clockNanoseconds(CLOCK_MONOTONIC)).raw : 0 }),
        ("process_time",
         { _, _, n, kw in noArgs("process_time", n, kw) ? newFloat(secondsDouble(clockNanoseconds(CLOCK_PROCESS_CPUTIME_ID))).raw : 0 },
         { _, _, n, kw in noArgs("process_time_ns", n, kw) ? makeInt(clockNanoseconds(CLOCK_PROCESS_CPUTIME_ID)).raw : 0 }),
        ("thread_time",
         { _, _, n, kw in noArgs("thread_time", n, kw) ? newFloat(secondsDouble(clockNanoseconds(CLOCK_THREAD_CPUTIME_ID))).raw : 0 },
         { _, _, n, kw in noArgs("thread_time_ns", n, kw) ? makeInt(clockNanoseconds(CLOCK_THREAD_CPUTIME_ID)).raw : 0 }),
    ]
    for (name, seconds, nanoseconds) in clocks {
        moduleAdd(m, name, newBuiltin(name, seconds))
        moduleAdd(m, name + "_ns", newBuiltin(name + "_ns", nanoseconds))
    }
    // CPython: time_sleep → pysleep (clock_nanosleep on the monotonic clock, resumed after EINTR).
    moduleAdd(m, "sleep", newBuiltin("sleep", { _, p, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 {
            return raise(typeErrorType, "time.sleep() takes no keyword arguments").raw
        }
        if n != 1 { return raise(typeErrorType, "time.sleep() takes exactly one argument (\(n) given)").raw }
        guard let ns = timeoutNanoseconds(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
        if ns < 0 { return raise(valueErrorType, "sleep length must be non-negative").raw }
        let deadline = clockNanoseconds(CLOCK_MONOTONIC) &+ ns
        while true {
            let left = deadline &- clockNanoseconds(CLOCK_MONOTONIC)
            if left <= 0 { break }
            var req = timespec(tv_sec: left / 1_000_000_000, tv_nsec: left % 1_000_000_000)
            if nanosleep(&req, nil) == 0 { break }
            if errno != EINTR { break }
            if !checkSignals() { return 0 }  // Ctrl-C (CPython: pysleep → PyErr_CheckSignals)
        }
        return newRef(pyNone).raw
    }))
    return m
}
