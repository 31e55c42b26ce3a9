#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore
import KaaRuntime

/// `kaa -m compileall [-l] [-r N] [-f] [-q] [-b] [-d DIR] [-s DIR] [-p DIR] [-x RE] [-i FILE] [-o N]
/// [--invalidation-mode MODE] [-j N] [-e DIR] [--hardlink-dupes] [FILE|DIR ...]`, as CPython 3.11's
/// Lib/compileall.py main/compile_dir/compile_file/_walk_dir, in Swift (the VM cannot run compileall.py yet).
/// Same messages (stdout), same exit status (`int(not success)`), files written through PyCompile with Kaa's tag.
/// `-j` is accepted and the work done in this process (same files, the order of messages CPython's pool gives).
enum CompileAll {
    struct Options {
        var maxLevels: Int? = nil
        var recursion: Int? = nil
        var force = false
        var quiet = 0
        var legacy = false
        var ddir: String? = nil
        var stripdir: String? = nil
        var prependdir: String? = nil
        var rx: Regex<AnyRegexOutput>? = nil
        var flist: String? = nil
        var dests: [String] = []
        var invalidation: PyCompile.InvalidationMode? = nil
        var optLevels: [Int] = []
        var limitSlDest: String? = nil
        var hardlinkDupes = false
        var workers = 1
    }

    static let usage = """
        usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]
                             [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]
                             [-j WORKERS]
                             [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                             [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes]
                             [FILE|DIR ...]

        """

    /// What `-h` prints after the usage (argparse at its default width of 80 columns).
    static let helpText = """

        Utilities to support installing Python libraries.

        positional arguments:
          FILE|DIR              zero or more file and directory names to compile; if
                                no arguments given, defaults to the equivalent of -l
                                sys.path

        options:
          -h, --help            show this help message and exit
          -l                    don't recurse into subdirectories
          -r RECURSION          control the maximum recursion level. if `-l` and `-r`
                                options are specified, then `-r` takes precedence.
          -f                    force rebuild even if timestamps are up to date
          -q                    output only error messages; -qq will suppress the
                                error messages as well.
          -b                    use legacy (pre-PEP3147) compiled file locations
          -d DESTDIR            directory to prepend to file paths for use in compile-
                                time tracebacks and in runtime tracebacks in cases
                                where the source file is unavailable
          -s STRIPDIR           part of path to left-strip from path to source file -
                                for example buildroot. `-d` and `-s` options cannot be
                                specified together.
          -p PREPENDDIR         path to add as prefix to path to source file - for
                                example / to make it absolute when some part is
                                removed by `-s` option. `-d` and `-p` options cannot
                                be specified together.
          -x REGEXP             skip files matching the regular expression; the regexp
                                is searched for in the full path of each file
                                considered for compilation
          -i FILE               add all the files and directories listed in FILE to
                                the list considered for compilation; if "-", names are
                                read from stdin
          -j WORKERS, --workers WORKERS
                                Run compileall concurrently
          --invalidation-mode {checked-hash,timestamp,unchecked-hash}
                                set .pyc invalidation mode; defaults to "checked-hash"
                                if the SOURCE_DATE_EPOCH environment variable is set,
                                and "timestamp" otherwise.
          -o OPT_LEVELS         Optimization levels to run compilation with. Default
                                is -1 which uses the optimization level of the Python
                                interpreter itself (see -O).
          -e DIR                Ignore symlinks pointing outsite of the DIR
          --hardlink-dupes      Hardlink duplicated pyc files

        """

    static func usageError(_ message: String) -> Int32 {
        writeStderr(usage + "compileall.py: error: \(message)\n")
        return 2
    }

    static func main(_ arguments: [String], optimizeLevel: Int) -> Int32 {
        var o = Options()
        var i = 0
        var positionalOnly = false
        func value(_ option: String, _ attached: Substring) -> String? {
            if !attached.isEmpty { return String(attached.hasPrefix("=") ? attached.dropFirst() : attached) }
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        func intValue(_ s: String?, _ option: String) -> Int?? {
            guard let s = s else { return .some(nil) }
            guard let n = Int(strippedWhitespace(s)) else { return nil }
            return .some(n)
        }
        while i < arguments.count {
            let a = arguments[i]
            if positionalOnly || !a.hasPrefix("-") || a == "-" {
                o.dests.append(a)
                i += 1
                continue
            }
            if a == "--" { positionalOnly = true; i += 1; continue }
            if a.hasPrefix("--") {
                let (name, attached): (String, Substring) = {
                    if let eq = a.firstIndex(of: "=") { return (String(a[..<eq]), a[eq...]) }
                    return (a, "")
                }()
                switch name {
                case "--help": writeStdout(usage + helpText); return 0
                case "--hardlink-dupes": o.hardlinkDupes = true
                case "--workers":
                    guard let v = value(name, attached) else { return usageError("argument -j/--workers: expected one argument") }
                    guard let n = Int(v) else { return usageError("argument -j/--workers: invalid int value: '\(v)'") }
                    o.workers = n
                case "--invalidation-mode":
                    guard let v = value(name, attached) else { return usageError("argument --invalidation-mode: expected one argument") }
                    guard let mode = PyCompile.InvalidationMode(rawValue: v) else {
                        return usageError("argument --invalidation-mode: invalid choice: '\(v)' (choose from 'checked-hash', 'timestamp', 'unchecked-hash')")
                    }
                    o.invalidation = mode
                default:
                    return usageError("unrecognized arguments: \(a)")
                }
                i += 1
                continue
            }
            // A cluster of short options; one taking a value ends it.
            var letters = Substring(a.dropFirst())
            clusterLoop: while let letter = letters.first {
                letters = letters.dropFirst()
                switch letter {
                case "h": writeStdout(usage + helpText); return 0
                case "l": o.maxLevels = 0
                case "f": o.force = true
                case "q": o.quiet += 1
                case "b": o.legacy = true
                case "r", "j", "o":
                    let flag = letter == "j" ? "-j/--workers" : "-\(letter)"
                    guard let v = value(String(letter), letters) else { return usageError("argument \(flag): expected one argument") }
                    guard let n = Int(v) else { return usageError("argument \(flag): invalid int value: '\(v)'") }
                    if letter == "r" { o.recursion = n }
                    if letter == "j" { o.workers = n }
                    if letter == "o" { o.optLevels.append(n) }
                    break clusterLoop
                case "d", "s", "p", "x", "i", "e":
                    guard let v = value(String(letter), letters) else {
                        return usageError("argument -\(letter): expected one argument")
                    }
                    switch letter {
                    case "d": o.ddir = v
                    case "s": o.stripdir = v
                    case "p": o.prependdir = v
                    case "x":
                        guard let rx = try? Regex(v) else { return usageError("bad regular expression") }
                        o.rx = rx
                    case "i": o.flist = v
                    default: o.limitSlDest = v.isEmpty ? nil : v
                    }
                    break clusterLoop
                default:
                    return usageError("unrecognized arguments: \(a)")
                }
            }
            i += 1
        }
        let maxLevels = o.recursion ?? o.maxLevels
        if o.optLevels.isEmpty { o.optLevels = [-1] }
        if o.optLevels.count == 1 && o.hardlinkDupes {
            return usageError("Hardlinking of duplicated bytecode makes sense only for more than one optimization level.")
        }
        if o.ddir != nil && (o.stripdir != nil || o.prependdir != nil) {
            return usageError("-d cannot be used in combination with -s or -p")
        }
        if let flist = o.flist {
            let bytes: [UInt8]? = flist == "-" ? readStandardInput() : readFile(flist)
            guard let data = bytes else {
                if o.quiet < 2 { writeStdout("Error reading file list \(flist)\n") }
                return 1
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                o.dests.append(strippedWhitespace(line))
            }
            if o.dests.last == "" && String(decoding: data, as: UTF8.self).hasSuffix("\n") { o.dests.removeLast() }
        }
        let run = Run(options: o, optimizeLevel: optimizeLevel)
        var success = true
        if !o.dests.isEmpty {
            for dest in o.dests {
                if isFile(dest) {
                    if !run.compileFile(dest, ddir: o.ddir, stripdir: o.stripdir, prependdir: o.prependdir) { success = false }
                } else {
                    if !run.compileDir(dest, maxLevels: maxLevels) { success = false }
                }
            }
        } else {
            // compile_path(): every sys.path entry, not recursively, skipping the current folder ('' or '.').
            var entries: [String] = []
            if let zero = ImportSettings.pathZero { entries.append(zero) }
            entries += ImportSettings.pythonPath
            for dir in entries {
                if dir.isEmpty || dir == "." {
                    if o.quiet < 2 { writeStdout("Skipping current directory\n") }
                } else {
                    success = success && run.compileDir(dir, maxLevels: 0)
                }
            }
        }
        return success ? 0 : 1
    }

    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// os.path.join for two parts.
    static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") || a.isEmpty { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    struct Run {
        var options: Options
        var optimizeLevel: Int

        /// compile_dir: `ddir` becomes stripdir=dir, prependdir=ddir.
        func compileDir(_ dir: String, maxLevels: Int?) -> Bool {
            var stripdir = options.stripdir, prependdir = options.prependdir
            if let ddir = options.ddir { stripdir = dir; prependdir = ddir }
            var success = true
            if options.workers != 1 {
                // With workers, CPython's executor.map consumes the whole walk (its Listing lines) before the
                // results come back in order; Kaa compiles them here in that order.
                var files: [String] = []
                walk(dir, maxLevels: maxLevels ?? recursionLimitDefault) { files.append($0) }
                for file in files where !compileFile(file, ddir: nil, stripdir: stripdir, prependdir: prependdir) {
                    success = false
                }
                return success
            }
            walk(dir, maxLevels: maxLevels ?? recursionLimitDefault) { file in
                if !compileFile(file, ddir: nil, stripdir: stripdir, prependdir: prependdir) { success = false }
            }
            return success
        }

        /// sys.getrecursionlimit()
        var recursionLimitDefault: Int { 1000 }

        /// _walk_dir: `Listing 'DIR'...`, then the sorted entries; subfolders (not links) while levels remain.
        func walk(_ dir: String, maxLevels: Int, _ body: (String) -> Void) {
            if options.quiet == 0 { writeStdout("Listing \(PyRepr.string(dir))...\n") }
            var names: [String] = []
            if let d = opendir(dir.isEmpty ? "." : dir) {
                while let entry = readdir(d) {
                    let name = withUnsafePointer(to: entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(d)
            } else {
                if options.quiet < 2 { writeStdout("Can't list \(PyRepr.string(dir))\n") }
            }
            // Python sorts str by code point; Swift's String < compares by Unicode scalars too for these.
            names.sort { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            for name in names where name != "__pycache__" {
                let full = join(dir, name)
                if !isDirectory(full) {
                    body(full)
                } else if maxLevels > 0 && !isLink(full) {
                    walk(full, maxLevels: maxLevels - 1, body)
                }
            }
        }

        /// compile_file
        func compileFile(_ fullname: String, ddir: String?, stripdir: String?, prependdir: String?) -> Bool {
            var success = true
            let name = fullname.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fullname
            var dfile: String? = nil
            if let ddir = ddir { dfile = join(ddir, name) }
            if let stripdir = stripdir {
                let fullParts = fullname.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                let stripParts = stripdir.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                var parts = fullParts
                for (s, f) in zip(stripParts, fullParts) where s == f {
                    if let k = parts.firstIndex(of: s) { parts.remove(at: k) }
                }
                dfile = parts.reduce("") { join($0, $1) }
            }
            if let prependdir = prependdir {
                dfile = join(prependdir, dfile ?? fullname)
            }
            let levels = Array(Set(options.optLevels)).sorted()
            if let rx = options.rx, fullname.firstMatch(of: rx) != nil {
                return success
            }
            if let limit = options.limitSlDest, isLink(fullname) {
                let target = resolvedPath(fullname)
                let root = resolvedPath(limit)
                if !target.hasPrefix(root + "/") { return success }
            }
            guard isFile(fullname) else { return success }
            var cfiles: [Int: String] = [:]
            for level in levels {
                if options.legacy {
                    cfiles[level] = fullname + "c"
                } else {
                    cfiles[level] = ImportCache.cacheFromSource(fullname, optimization: level >= 0 ? level : optimizeLevel,
                                                                prefix: ImportCache.pycachePrefix)
                }
            }
            guard name.hasSuffix(".py") else { return success }
            if !options.force, let upToDate = upToDate(fullname, Array(cfiles.values)), upToDate { return success }
            if options.quiet == 0 { writeStdout("Compiling \(PyRepr.string(fullname))...\n") }
            do {
                var previous: String? = nil
                for level in levels {
                    let cfile = cfiles[level]!
                    try PyCompile.compile(fullname, cfile: cfile, dfile: dfile, optimize: level,
                                          invalidationMode: options.invalidation, optimizeLevel: optimizeLevel)
                    if options.hardlinkDupes, let prev = previous, readFile(prev) == readFile(cfile) {
                        unlink(cfile)
                        link(prev, cfile)
                    }
                    previous = cfile
                }
            } catch PyCompile.Failure.compile(let msg) {
                success = false
                if options.quiet >= 2 { return success }
                if options.quiet > 0 { writeStdout("*** Error compiling \(PyRepr.string(fullname))...\n") } else { writeStdout("*** ") }
                writeStdout(msg + "\n")
            } catch PyCompile.Failure.os(let cls, let msg) {
                success = false
                if options.quiet >= 2 { return success }
                if options.quiet > 0 { writeStdout("*** Error compiling \(PyRepr.string(fullname))...\n") } else { writeStdout("*** ") }
                writeStdout("\(cls): \(msg)\n")
            } catch {
                success = false
            }
            return success
        }

        /// The cache files all start with the magic, flags 0 and the source's mtime (`struct.pack('<4sLL', ...)`).
        func upToDate(_ fullname: String, _ cfiles: [String]) -> Bool? {
            var st = stat()
            guard stat(fullname, &st) == 0 else { return nil }
            let sec = Int(st.st_mtim.tv_sec)
            let mtime = UInt32(truncatingIfNeeded: sec < 0 && st.st_mtim.tv_nsec > 0 ? sec + 1 : sec)
            var expect: [UInt8] = [0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]
            for k in 0..<4 { expect.append(UInt8(truncatingIfNeeded: mtime >> (8 * UInt32(k)))) }
            for cfile in cfiles {
                guard let data = readFile(cfile) else { return nil }
                if Array(data.prefix(12)) != expect { return false }
            }
            return true
        }
    }
}

// Without Foundation (docs/ARCHITECTURE.md, "No Foundation"): str.strip() and Path.resolve().
private func strippedWhitespace<S: StringProtocol>(_ s: S) -> String {
    let kept = s.unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
    return String(String.UnicodeScalarView(kept.reversed()))
}

private func resolvedPath(_ path: String) -> String {
    guard let p = realpath(path, nil) else { return path }
    defer { free(p) }
    return String(cString: p)
}
