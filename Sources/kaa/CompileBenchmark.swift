#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore
import KaaSyntax
import KaaCompiler

/// The Kaa side of bench/compile/run, chosen by KAA_COMPILE_BATCH=compile on `kaa -m dis`: stdin holds
/// NUL-separated paths; every file is read first, then each is compiled to a code object (parse + symtable +
/// codegen + flow graph + assembler, as `compile(source, path, 'exec')` does) under the clock and discarded.
/// Prints "WALL_SECONDS CPU_SECONDS FILES_COMPILED" (CPU: the process's CPU time, which a shared machine
/// disturbs less than the wall clock). With KAA_COMPILE_TIMES=1 it also prints, to stderr, the parse and compile
/// split. KAA_COMPILE_REPEAT=N compiles the whole set N times (for profiling) and reports the last pass.
enum CompileBenchmark {
    static func run() -> Int32 {
        let paths = readStandardInput().split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let sources = paths.map { (path: $0, bytes: readFile($0) ?? []) }
        let split = getenv("KAA_COMPILE_TIMES") != nil
        let repeats = getenv("KAA_COMPILE_REPEAT").flatMap { Int(String(cString: $0)) } ?? 1
        // One large-stack thread for the whole batch (as a running program's imports get): parseSource and
        // Compiler.compile then run in place instead of each starting a thread.
        return withLargeStack { measure(sources, split: split, repeats: repeats) }
    }

    static func measure(_ sources: [(path: String, bytes: [UInt8])], split: Bool, repeats: Int) -> Int32 {
        var compiled = 0
        var elapsed = 0.0, cpu = 0.0, tParse = 0.0, tCompile = 0.0
        for _ in 0..<max(1, repeats) {
            compiled = 0
            tParse = 0; tCompile = 0
            let start = ParseBenchmark.monotonicSeconds(), cpuStart = cpuSeconds()
            for (path, bytes) in sources {
                let t0 = split ? ParseBenchmark.monotonicSeconds() : 0
                guard let module = try? parseSource(bytes, filename: path, mode: .file, inputMode: .bytes) else {
                    continue
                }
                let t1 = split ? ParseBenchmark.monotonicSeconds() : 0
                if (try? Compiler.compile(module, filename: path, source: bytes)) != nil { compiled += 1 }
                if split {
                    tParse += t1 - t0
                    tCompile += ParseBenchmark.monotonicSeconds() - t1
                }
            }
            elapsed = ParseBenchmark.monotonicSeconds() - start
            cpu = cpuSeconds() - cpuStart
        }
        if split { writeStderr("parse \(tParse) s, compile \(tCompile) s\n") }
        writeStdout("\(elapsed) \(cpu) \(compiled)\n")
        return 0
    }

    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
