#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Minimal file access for the command-line entry points (no Foundation).
enum FileIO {
    struct Errno: Error { let code: Int32 }

    /// The whole file, or the errno text when it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], Errno> {
        guard let f = fopen(path, "rb") else { return .failure(Errno(code: errno)) }
        defer { fclose(f) }
        // open() of a directory succeeds on Linux; CPython's FileIO then fails with EISDIR (_io.FileIO.__init__).
        var st = stat()
        if fstat(fileno(f), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return .failure(Errno(code: EISDIR)) }
        var out: [UInt8] = []
        // One allocation of the file's size when it is known (regular files).
        if (st.st_mode & S_IFMT) == S_IFREG && fseek(f, 0, SEEK_END) == 0 {
            let size = ftell(f)
            if size > 0 && size < 1 << 40 { out.reserveCapacity(size + 1) }
            rewind(f)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(f) != 0 { return .failure(Errno(code: errno)) }
                break
            }
        }
        return .success(out)
    }

    static func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let f = fopen(path, "wb") else { return false }
        defer { fclose(f) }
        return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) } == bytes.count
    }

    static func readStdin() -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stdin) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        return out
    }

    static func writeStdout(_ s: String) {
        var s = s
        s.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, stdout) }
    }

    static func writeStdout(_ b: [UInt8]) {
        b.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
    }

    static func writeStderr(_ s: String) {
        var s = s
        s.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, stderr) }
    }

    static func errnoText(_ e: Int32) -> String { String(cString: strerror(e)) }

    /// Monotonic seconds, for the benchmark mode.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
