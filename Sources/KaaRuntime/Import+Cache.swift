#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaBytecode

/// write(2), named apart from ImportCache.write.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// The bytecode cache (`__pycache__/NAME.kaa-311[.opt-N].pyc`) exactly as importlib keeps it for CPython
/// (Lib/importlib/_bootstrap_external.py: cache_from_source, SourceLoader.get_code, _classify_pyc,
/// _validate_timestamp_pyc, _validate_hash_pyc, SourceFileLoader.set_data, _write_atomic).
///
/// Kaa's code objects are CPython 3.11's, so the files carry CPython 3.11's magic number; only the tag differs
/// (`sys.implementation.cache_tag`), so Kaa and CPython never read each other's cache by accident.
/// One deliberate difference: importlib lets a marshal error in a cache file whose header matches the source
/// propagate (EOFError/ValueError at import). Kaa ignores such a file and recompiles, as it does for a bad header:
/// a broken cache is never run and never stops an import.
public enum ImportCache {
    /// `sys.implementation.cache_tag`
    public static let cacheTag = "kaa-311"

    /// `-B` / PYTHONDONTWRITEBYTECODE: the initial `sys.dont_write_bytecode`.
    nonisolated(unsafe) public static var dontWriteBytecode = false
    /// PYTHONPYCACHEPREFIX / `-X pycache_prefix=PATH`: the initial `sys.pycache_prefix` (absolute, as CPython
    /// makes it).
    nonisolated(unsafe) public static var pycachePrefix: String? = nil
    /// `--check-hash-based-pycs always|default|never` (CPython: _imp.check_hash_based_pycs).
    nonisolated(unsafe) public static var checkHashBasedPycs = "default"

    /// The optimisation level compiled code and cache names use (`sys.flags.optimize`).
    static var optimizeLevel: Int { optimizationLevel }

    /// `importlib.util.cache_from_source(path)` with `optimization=None` (the interpreter's level) or a given one.
    public static func cacheFromSource(_ path: String, optimization: Int? = nil, prefix: String?) -> String {
        var (head, tail) = ImportPath.split(path)
        // base, sep, rest = tail.rpartition('.')
        var almost: String
        if let dot = tail.lastIndex(of: ".") {
            let base = String(tail[..<dot])
            let rest = String(tail[tail.index(after: dot)...])
            almost = (base.isEmpty ? rest : base) + "." + cacheTag
        } else {
            almost = tail + cacheTag
        }
        let level = optimization ?? optimizeLevel
        if level != 0 { almost += ".opt-\(level)" }
        let filename = almost + ".pyc"
        if let prefix = prefix {
            if !ImportPath.isAbsolute(head) { head = ImportPath.join(ImportPath.currentDirectory(), head) }
            while head.hasPrefix("/") { head.removeFirst() }
            return ImportPath.join(prefix, head, filename)
        }
        _ = tail
        return ImportPath.join(head, "__pycache__", filename)
    }

    /// What reading the cache for a source file found.
    struct Lookup {
        /// The cached code when the file exists and is valid for the source.
        var code: CodeObject?
        /// The source's mtime (importlib's `source_mtime`), nil when the source could not be stat'ed.
        var sourceMtime: Int?
        /// The cache was hash-based: a rewrite stays hash-based with the same check flag.
        var hashBased = false
        var checkSource = true
        /// The source bytes when validation read them already.
        var sourceBytes: [UInt8]?
        var sourceHash: [UInt8]?
    }

    /// SourceLoader.get_code's first half: stat the source, read the cache, classify and validate its header,
    /// unmarshal it. Anything wrong with the cache file makes `code` nil (the caller compiles the source).
    static func lookup(sourcePath: String, bytecodePath: String) -> Lookup {
        var result = Lookup()
        guard let st = ImportPath.stat(sourcePath) else { return result }
        let mtime = ImportPath.mtimeSeconds(st)
        result.sourceMtime = mtime
        guard let data = ImportPath.readFile(bytecodePath) else { return result }
        // _classify_pyc
        guard data.count >= 16, Array(data[0..<4]) == PycFile.magicNumber else { return result }
        let flags = u32(data, 4)
        guard flags & ~0b11 == 0 else { return result }
        if flags & 1 != 0 {
            result.hashBased = true
            result.checkSource = flags & 2 != 0
            if checkHashBasedPycs != "never" && (result.checkSource || checkHashBasedPycs == "always") {
                guard let source = ImportPath.readFile(sourcePath) else { return result }
                let hash = PycFile.sourceHash(source)
                result.sourceBytes = source
                result.sourceHash = hash
                // _validate_hash_pyc
                guard Array(data[8..<16]) == hash else { return result }
            }
        } else {
            // _validate_timestamp_pyc: both fields modulo 2**32.
            guard u32(data, 8) == UInt32(truncatingIfNeeded: mtime),
                  u32(data, 12) == UInt32(truncatingIfNeeded: Int(st.st_size)) else { return result }
        }
        // _compile_bytecode (a marshal error or a non-code object: ignored here, see above)
        guard let pyc = try? PycFile.read(data), validateCode(pyc.code) == nil else { return result }
        result.code = pyc.code
        return result
    }

    /// SourceLoader.get_code's second half: the bytes of the cache file for freshly compiled code.
    static func cacheBytes(for code: CodeObject, lookup: Lookup, source: [UInt8]) -> [UInt8]? {
        let validation: PycFile.Validation
        if lookup.hashBased {
            validation = .hash(checkSource: lookup.checkSource, sourceHash: lookup.sourceHash ?? PycFile.sourceHash(source))
        } else {
            guard let mtime = lookup.sourceMtime else { return nil }
            validation = .timestamp(mtime: UInt32(truncatingIfNeeded: mtime),
                                    sourceSize: UInt32(truncatingIfNeeded: source.count))
        }
        return try? PycFile(validation: validation, code: code).bytes()
    }

    /// SourceFileLoader._cache_bytecode + set_data: creates the missing folders, then writes atomically with the
    /// source's permission bits plus owner-write (`_calc_mode`). Failures (read-only folder, no permission) are
    /// silent, as in importlib. Returns whether the file was written.
    @discardableResult
    static func write(_ data: [UInt8], to path: String, sourcePath: String) -> Bool {
        var mode: mode_t = 0o666
        if let st = ImportPath.stat(sourcePath) { mode = st.st_mode }
        mode |= 0o200
        var (parent, _) = ImportPath.split(path)
        var missing: [String] = []
        while !parent.isEmpty && !ImportPath.isDirectory(parent) {
            let (p, part) = ImportPath.split(parent)
            missing.append(part)
            parent = p
        }
        for part in missing.reversed() {
            parent = ImportPath.join(parent, part)
            if mkdir(parent, 0o777) != 0 && errno != EEXIST { return false }
        }
        return writeAtomic(path, data, mode: mode)
    }

    nonisolated(unsafe) static var temporaryCounter = 0

    /// `_write_atomic`: write `PATH.NUMBER` (O_EXCL) then rename it over `PATH`, so a reader never sees a partial
    /// file and concurrent writers cannot interleave.
    static func writeAtomic(_ path: String, _ data: [UInt8], mode: mode_t) -> Bool {
        temporaryCounter += 1
        let temporary = "\(path).\(getpid())\(temporaryCounter)"
        let fd = open(temporary, O_EXCL | O_CREAT | O_WRONLY, mode & 0o666)
        if fd < 0 { return false }
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; return }
                offset += n
            }
        }
        if close(fd) != 0 { ok = false }
        if ok && rename(temporary, path) == 0 { return true }
        unlink(temporary)
        return false
    }

    static func u32(_ d: [UInt8], _ at: Int) -> UInt32 {
        UInt32(d[at]) | UInt32(d[at + 1]) << 8 | UInt32(d[at + 2]) << 16 | UInt32(d[at + 3]) << 24
    }
}
