import XCTest
import Foundation

/// The bytecode cache through the real `kaa`, in temporary folders: importing writes __pycache__/NAME.kaa-311.pyc,
/// the cache is used only while its header matches the source (mtime and size, or PEP 552 hashes), broken caches
/// are ignored and rewritten, and -B / PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX / -X pycache_prefix behave as
/// in CPython (Lib/importlib/_bootstrap_external.py). Hash-based fixtures made by python3 are in tests/import_cache
/// (scripts/regen-import-cache-fixtures).
final class ImportCacheTests: XCTestCase {
    static let fixtures = CommandGoldenTests.root.appendingPathComponent("tests/import_cache")
    let fm = FileManager.default
    var folder: URL!

    override func setUpWithError() throws {
        folder = fm.temporaryDirectory.appendingPathComponent("kaa-cache-\(getpid())-\(name.filter { $0.isLetter })")
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        // The cache folder path python3 and Kaa compute from the real path of the folder.
        folder = folder.resolvingSymlinksInPath()
    }

    override func tearDownWithError() throws {
        _ = chmod(folder.path, 0o755)
        try? fm.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func bytes(_ name: String) -> [UInt8]? {
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { [UInt8]($0) }
    }

    func exists(_ name: String) -> Bool { fm.fileExists(atPath: folder.appendingPathComponent(name).path) }

    func setMtime(_ name: String, _ seconds: Double) throws {
        try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)],
                             ofItemAtPath: folder.appendingPathComponent(name).path)
    }

    /// Runs kaa in the folder with PYTHONDONTWRITEBYTECODE and the prefix variable removed (unless given).
    func kaa(_ arguments: [String], env: [String: String] = [:]) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = CommandGoldenTests.kaa
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "SOURCE_DATE_EPOCH", "PYTHONPATH"] {
            environment.removeValue(forKey: name)
        }
        environment["PYTHONHASHSEED"] = "0"
        environment.merge(env) { $1 }
        process.environment = environment
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), process.terminationStatus)
    }

    /// The 16-byte header importlib writes for a timestamp pyc of `source` (flags 0, mtime, size).
    func timestampHeader(_ source: String) throws -> [UInt8] {
        let attributes = try fm.attributesOfItem(atPath: folder.appendingPathComponent(source).path)
        let mtime = UInt32(truncatingIfNeeded: Int((attributes[.modificationDate] as! Date).timeIntervalSince1970))
        let size = UInt32(truncatingIfNeeded: (attributes[.size] as! NSNumber).intValue)
        func le(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } }
        return [0xa7, 0x0d, 0x0d, 0x0a] + le(0) + le(mtime) + le(size)
    }

    let cache = "__pycache__/mod.kaa-311.pyc"

    func setUpModule(_ value: String = "1") throws {
        try write("mod.py", "VALUE = \(value)\n")
        try write("main.py", "import mod\nprint(mod.VALUE)\n")
        try setMtime("mod.py", 1_700_000_000)
    }

    func testImportWritesTheCacheAndNotForTheMainScript() throws {
        try setUpModule()
        let r = try kaa(["main.py"])
        XCTAssertEqual(r.stdout, "1\n", r.stderr)
        XCTAssertEqual(Array(bytes(cache)?.prefix(16) ?? []), try timestampHeader("mod.py"))
        XCTAssertFalse(exists("__pycache__/main.kaa-311.pyc"))
        // No temporary file is left beside it.
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("__pycache__").path),
                       ["mod.kaa-311.pyc"])
        XCTAssertEqual(try kaa(["-c", "import sys; print(sys.implementation.cache_tag, sys.dont_write_bytecode)"]).stdout,
                       "kaa-311 False\n")
    }

    func testTheCacheIsUsedWhileTheHeaderMatches() throws {
        // A cache compiled from other source with this source's header is what runs: the source is not read.
        try setUpModule()
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        let header = try timestampHeader("mod.py")
        try write("mod.py", "VALUE = 7\n")  // same size
        try setMtime("mod.py", 1_700_000_000)
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        XCTAssertEqual(Array(bytes(cache)!.prefix(16)), header)
    }

    func testTouchedSourceIsRecompiled() throws {
        try setUpModule()
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        try write("mod.py", "VALUE = 2\n")  // same size, new mtime
        try setMtime("mod.py", 1_700_000_100)
        XCTAssertEqual(try kaa(["main.py"]).stdout, "2\n")
        XCTAssertEqual(Array(bytes(cache)!.prefix(16)), try timestampHeader("mod.py"))
    }

    func testStaleSourceIsRecompiled() throws {
        try setUpModule()
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        try write("mod.py", "VALUE = 'longer'\n")  // new size, same mtime
        try setMtime("mod.py", 1_700_000_000)
        XCTAssertEqual(try kaa(["main.py"]).stdout, "longer\n")
        XCTAssertEqual(Array(bytes(cache)!.prefix(16)), try timestampHeader("mod.py"))
    }

    /// Broken cache files are never run: the source is compiled and the cache rewritten.
    func testCorruptTruncatedAndForeignCachesAreIgnoredAndRewritten() throws {
        try setUpModule()
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        let good = bytes(cache)!
        let cases: [(String, [UInt8])] = [
            ("corrupt body", Array(good.prefix(16)) + [0xff, 0x00, 0x13, 0x37]),
            ("truncated body", Array(good.prefix(good.count - 3))),
            ("truncated header", Array(good.prefix(10))),
            ("empty", []),
            ("wrong magic", [0x6f, 0x0d, 0x0d, 0x0a] + good.dropFirst(4)),
            ("bad flags", Array(good.prefix(4)) + [4, 0, 0, 0] + good.dropFirst(8)),
            ("not a code object", Array(good.prefix(16)) + [0xe9, 1, 0, 0, 0]),
        ]
        for (what, data) in cases {
            try Data(data).write(to: folder.appendingPathComponent(cache))
            let r = try kaa(["main.py"])
            XCTAssertEqual(r.stdout, "1\n", "\(what): \(r.stderr)")
            XCTAssertEqual(r.status, 0, what)
            XCTAssertEqual(bytes(cache), good, "\(what): the cache is rewritten")
        }
    }

    func testUnwritableCacheFolderSkipsWriting() throws {
        try setUpModule()
        // __pycache__ is a file: the folder cannot be made (what a read-only folder does, even for root).
        try write("__pycache__", "not a folder\n")
        let r = try kaa(["main.py"])
        XCTAssertEqual(r.stdout, "1\n")
        XCTAssertEqual(r.stderr, "")
        // A prefix that cannot be created.
        let p = try kaa(["main.py"], env: ["PYTHONPYCACHEPREFIX": "/proc/kaa-no-such-place"])
        XCTAssertEqual(p.stdout, "1\n")
        XCTAssertEqual(p.stderr, "")
        if getuid() != 0 {
            try fm.removeItem(at: folder.appendingPathComponent("__pycache__"))
            XCTAssertEqual(chmod(folder.path, 0o555), 0)
            let ro = try kaa(["main.py"])
            XCTAssertEqual(ro.stdout, "1\n")
            XCTAssertFalse(exists("__pycache__"))
        }
    }

    func testDontWriteBytecode() throws {
        try setUpModule()
        let b = try kaa(["-B", "-c", "import mod, sys; print(sys.dont_write_bytecode)"])
        XCTAssertEqual(b.stdout, "True\n", b.stderr)
        XCTAssertFalse(exists("__pycache__"))
        let e = try kaa(["-c", "import mod, sys; print(sys.dont_write_bytecode)"], env: ["PYTHONDONTWRITEBYTECODE": "1"])
        XCTAssertEqual(e.stdout, "True\n")
        XCTAssertFalse(exists("__pycache__"))
        // -E ignores the variable; "0" is not set (CPython: _Py_get_env_flag).
        XCTAssertEqual(try kaa(["-E", "-c", "import sys; print(sys.dont_write_bytecode)"],
                               env: ["PYTHONDONTWRITEBYTECODE": "1"]).stdout, "False\n")
        XCTAssertEqual(try kaa(["-c", "import sys; print(sys.dont_write_bytecode)"],
                               env: ["PYTHONDONTWRITEBYTECODE": "0"]).stdout, "False\n")
        // The program can turn writing off and on.
        XCTAssertEqual(try kaa(["-c", "import sys; sys.dont_write_bytecode = True; import mod; print(mod.VALUE)"]).stdout, "1\n")
        XCTAssertFalse(exists("__pycache__"))
        XCTAssertEqual(try kaa(["-B", "-c", "import sys; sys.dont_write_bytecode = False; import mod"]).status, 0)
        XCTAssertTrue(exists(cache))
    }

    func testPycachePrefix() throws {
        try setUpModule()
        let prefix = folder.appendingPathComponent("prefix").path
        let relative = String(folder.path.drop(while: { $0 == "/" }))
        let r = try kaa(["-c", "import mod, sys; print(sys.pycache_prefix); print(mod.__cached__)"],
                        env: ["PYTHONPYCACHEPREFIX": prefix])
        let expected = "\(prefix)/\(relative)/mod.kaa-311.pyc"
        XCTAssertEqual(r.stdout, "\(prefix)\n\(expected)\n", r.stderr)
        XCTAssertTrue(fm.fileExists(atPath: expected))
        XCTAssertFalse(exists("__pycache__"))
        // -X pycache_prefix wins over the variable; an empty value means none.
        let x = try kaa(["-X", "pycache_prefix=\(prefix)2", "-c", "import mod, sys; print(sys.pycache_prefix)"],
                        env: ["PYTHONPYCACHEPREFIX": prefix])
        XCTAssertEqual(x.stdout, "\(prefix)2\n")
        XCTAssertTrue(fm.fileExists(atPath: "\(prefix)2/\(relative)/mod.kaa-311.pyc"))
        XCTAssertEqual(try kaa(["-c", "import sys; print(sys.pycache_prefix)"], env: ["PYTHONPYCACHEPREFIX": ""]).stdout,
                       "None\n")
    }

    func testOptimizationLevelsHaveTheirOwnCacheFiles() throws {
        try write("mod.py", "def f():\n    '''doc'''\n    assert False, 'no'\n    return f.__doc__\nprint(f())\n")
        let plain = try kaa(["-c", "import mod"])
        XCTAssertTrue(plain.stderr.hasSuffix("AssertionError: no\n"), plain.stderr)
        XCTAssertTrue(exists("__pycache__/mod.kaa-311.pyc"))
        XCTAssertEqual(try kaa(["-O", "-c", "import mod"]).stdout, "doc\n")
        XCTAssertEqual(try kaa(["-OO", "-c", "import mod"]).stdout, "None\n")
        XCTAssertTrue(exists("__pycache__/mod.kaa-311.opt-1.pyc"))
        XCTAssertTrue(exists("__pycache__/mod.kaa-311.opt-2.pyc"))
        XCTAssertEqual(try kaa(["-O", "-c", "import mod; print(mod.__cached__.split('/')[-1])"]).stdout,
                       "doc\nmod.kaa-311.opt-1.pyc\n")
    }

    /// PEP 552 hash-based caches made by python3: checked ones are validated against the source's hash
    /// (importlib's _imp.source_hash), unchecked ones are trusted, and --check-hash-based-pycs changes both.
    func testHashBasedCachesMadeByPython() throws {
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent("hashmod.py"), encoding: .utf8)
        try write("hashmod.py", source)
        try fm.createDirectory(at: folder.appendingPathComponent("__pycache__"), withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("__pycache__/hashmod.kaa-311.pyc")
        func install(_ fixture: String) throws -> [UInt8] {
            try? fm.removeItem(at: target)
            try fm.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: target)
            return bytes("__pycache__/hashmod.kaa-311.pyc")!
        }
        // Checked and matching: used as is.
        let checked = try install("hashmod.checked.pyc")
        XCTAssertEqual(try kaa(["-c", "import hashmod"]).stdout, "hashmod runs checked source\n")
        XCTAssertEqual(bytes("__pycache__/hashmod.kaa-311.pyc"), checked)
        // Unchecked, compiled from other source: trusted.
        let unchecked = try install("hashmod.unchecked-other.pyc")
        XCTAssertEqual(try kaa(["-c", "import hashmod"]).stdout, "hashmod runs from the unchecked cache\n")
        XCTAssertEqual(bytes("__pycache__/hashmod.kaa-311.pyc"), unchecked)
        // ... unless --check-hash-based-pycs always: then it is stale, recompiled, rewritten unchecked.
        XCTAssertEqual(try kaa(["--check-hash-based-pycs", "always", "-c", "import hashmod"]).stdout,
                       "hashmod runs checked source\n")
        let rewritten = bytes("__pycache__/hashmod.kaa-311.pyc")!
        XCTAssertEqual(Array(rewritten[4..<16]), [1, 0, 0, 0] + Array(checked[8..<16]))
        // Checked, from other source: stale, recompiled and rewritten as a checked pyc with the new hash.
        _ = try install("hashmod.checked-other.pyc")
        XCTAssertEqual(try kaa(["-c", "import hashmod"]).stdout, "hashmod runs checked source\n")
        XCTAssertEqual(Array(bytes("__pycache__/hashmod.kaa-311.pyc")!.prefix(16)), Array(checked.prefix(16)))
        // ... but trusted with --check-hash-based-pycs never.
        _ = try install("hashmod.checked-other.pyc")
        XCTAssertEqual(try kaa(["--check-hash-based-pycs", "never", "-c", "import hashmod"]).stdout,
                       "hashmod runs from the unchecked cache\n")
    }

    /// python3 (when installed) loads Kaa's cache file: same code objects as its own compile(), and it runs.
    func testPythonLoadsKaasCache() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
            .first(where: { fm.isExecutableFile(atPath: $0) }) else { throw XCTSkip("no python3") }
        try write("mod.py", "def f(x):\n    return [i * x for i in range(3)]\nprint('mod', f(2))\n")
        XCTAssertEqual(try kaa(["-c", "import mod"]).stdout, "mod [0, 2, 4]\n")
        let check = """
            import marshal, sys
            data = open('__pycache__/mod.kaa-311.pyc', 'rb').read()
            code = marshal.loads(data[16:])
            print(code == compile(open('mod.py', 'rb').read(), code.co_filename, 'exec', dont_inherit=True))
            exec(code)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", check]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "True\nmod [0, 2, 4]\n")
    }

    func testRunModule() throws {
        try write("runme.py", "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('/runme.py'))\n")
        try write("apkg/__init__.py", "print('apkg init', __name__)\n")
        try write("apkg/__main__.py", "print('apkg main', __name__, __package__)\n")
        try write("bpkg/__init__.py", "")
        XCTAssertEqual(try kaa(["-m", "runme", "x", "y"]).stdout, "__main__ ['x', 'y'] True\n")
        XCTAssertTrue(exists("__pycache__/runme.kaa-311.pyc"))  // -m modules are cached, as by runpy
        XCTAssertEqual(try kaa(["-m", "apkg"]).stdout, "apkg init apkg\napkg main __main__ apkg\n")
        let missing = try kaa(["-m", "nosuchmodule"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasSuffix(": No module named nosuchmodule\n"), missing.stderr)
        // Tracebacks start with runpy's frozen frames (python3 3.11.7's text; Kaa does not print ~^~ markers yet).
        try write("boom.py", "raise KeyError(1)\n")
        try write("cpkg/__init__.py", "raise KeyError(2)\n")
        XCTAssertEqual(try kaa(["-m", "boom"]).stderr, """
            Traceback (most recent call last):
              File "<frozen runpy>", line 198, in _run_module_as_main
              File "<frozen runpy>", line 88, in _run_code
              File "\(folder.path)/boom.py", line 1, in <module>
                raise KeyError(1)
            KeyError: 1

            """)
        XCTAssertEqual(try kaa(["-m", "cpkg"]).stderr, """
            Traceback (most recent call last):
              File "<frozen runpy>", line 189, in _run_module_as_main
              File "<frozen runpy>", line 148, in _get_module_details
              File "<frozen runpy>", line 112, in _get_module_details
              File "\(folder.path)/cpkg/__init__.py", line 1, in <module>
                raise KeyError(2)
            KeyError: 2

            """)
        let nomain = try kaa(["-m", "bpkg"])
        XCTAssertEqual(nomain.status, 1)
        XCTAssertTrue(nomain.stderr.hasSuffix(
            ": No module named bpkg.__main__; 'bpkg' is a package and cannot be directly executed\n"), nomain.stderr)
    }

    /// A module with only a .pyc beside it (importlib's SourcelessFileLoader); broken ones raise importlib's errors.
    func testSourcelessModules() throws {
        try write("solo.py", "print('solo runs', __file__.split('/')[-1], __cached__.split('/')[-1])\n")
        XCTAssertEqual(try kaa(["-m", "compileall", "-b", "-q", "solo.py"]).status, 0)
        try fm.removeItem(at: folder.appendingPathComponent("solo.py"))
        XCTAssertEqual(try kaa(["-c", "import solo"]).stdout, "solo runs solo.pyc solo.pyc\n")
        try Data([0x61, 0x62, 0x63]).write(to: folder.appendingPathComponent("magic.pyc"))
        XCTAssertTrue(try kaa(["-c", "import magic"]).stderr.hasSuffix("ImportError: bad magic number in 'magic': b'abc'\n"))
        try Data([0xa7, 0x0d, 0x0d, 0x0a, 0, 0]).write(to: folder.appendingPathComponent("short.pyc"))
        XCTAssertTrue(try kaa(["-c", "import short"]).stderr.hasSuffix("EOFError: reached EOF while reading pyc header of 'short'\n"))
    }

    /// Processes importing the same changed module at once: each runs the new source, and the cache left behind
    /// is whole and valid (each writer renames its own complete temporary file into place).
    func testConcurrentWriters() throws {
        try setUpModule()
        XCTAssertEqual(try kaa(["main.py"]).stdout, "1\n")
        try write("mod.py", "VALUE = 'changed'\n" + String(repeating: "X = [1, 2, 3]\n", count: 2000))
        var processes: [(Process, Pipe)] = []
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PYTHONDONTWRITEBYTECODE")
        for _ in 0..<8 {
            let p = Process()
            p.executableURL = CommandGoldenTests.kaa
            p.arguments = ["main.py"]
            p.environment = environment
            p.currentDirectoryURL = folder
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            processes.append((p, out))
        }
        for (p, out) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(String(decoding: data, as: UTF8.self), "changed\n")
        }
        XCTAssertEqual(Array(bytes(cache)!.prefix(16)), try timestampHeader("mod.py"))
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("__pycache__").path),
                       ["mod.kaa-311.pyc"])
        XCTAssertEqual(try kaa(["main.py"]).stdout, "changed\n")
    }

    /// sys.path: the script's folder ('' for -c), then PYTHONPATH made absolute (CPython's getpath); nothing
    /// prepended with -P or -I; -E ignores PYTHONPATH. CPython's own Lib/ is not on Kaa's path.
    func testSysPath() throws {
        try write("lib/inlib.py", "WHERE = 'lib'\n")
        try write("sub/script.py", "import sys, inlib\nprint(sys.path, inlib.WHERE)\n")
        let f = folder.path
        XCTAssertEqual(try kaa(["-c", "import sys; print(sys.path)"], env: ["PYTHONPATH": "lib:/abs/x/::lib/../lib"]).stdout,
                       "['', '\(f)/lib', '/abs/x', '\(f)', '\(f)/lib']\n")
        XCTAssertEqual(try kaa(["sub/script.py"], env: ["PYTHONPATH": "lib"]).stdout, "['\(f)/sub', '\(f)/lib'] lib\n")
        XCTAssertEqual(try kaa(["-P", "-c", "import sys; print(sys.path)"], env: ["PYTHONPATH": "lib"]).stdout,
                       "['\(f)/lib']\n")
        XCTAssertEqual(try kaa(["-I", "-c", "import sys; print(sys.path)"], env: ["PYTHONPATH": "lib"]).stdout, "[]\n")
        XCTAssertEqual(try kaa(["-E", "-c", "import sys; print(sys.path)"], env: ["PYTHONPATH": "lib"]).stdout, "['']\n")
        XCTAssertEqual(try kaa(["-m", "inlib"], env: ["PYTHONPATH": "lib"]).status, 0)
    }

    // MARK: py_compile and compileall (expected texts printed by python3 3.11.7 for the same files)

    func testPyCompile() throws {
        try write("ok.py", "x = 1\n")
        try write("syn.py", "def f(:\n  pass\n")
        try write("ind.py", "if 1:\n  x\n   y\n")
        let ok = try kaa(["-m", "py_compile", "ok.py"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(Array(bytes("__pycache__/ok.kaa-311.pyc")!.prefix(16)), try timestampHeader("ok.py"))
        let syn = try kaa(["-m", "py_compile", "ok.py", "syn.py"])
        XCTAssertEqual(syn.status, 1)
        XCTAssertEqual(syn.stderr, "  File \"syn.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n")
        let ind = try kaa(["-m", "py_compile", "ind.py"])
        XCTAssertEqual(ind.status, 1)
        XCTAssertEqual(ind.stderr, "Sorry: IndentationError: unexpected indent (ind.py, line 3)")
        let missing = try kaa(["-m", "py_compile", "nofile.py"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "[Errno 2] No such file or directory: 'nofile.py'")
        XCTAssertEqual(try kaa(["-m", "py_compile", "-q", "syn.py"]).stderr, "")
        let usage = try kaa(["-m", "py_compile"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertEqual(usage.stderr, "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n"
            + "py_compile.py: error: the following arguments are required: filenames\n")
        // SOURCE_DATE_EPOCH: checked hash pycs (flags 3), -O: the opt-1 file.
        XCTAssertEqual(try kaa(["-O", "-m", "py_compile", "ok.py"], env: ["SOURCE_DATE_EPOCH": "1"]).status, 0)
        XCTAssertEqual(Array(bytes("__pycache__/ok.kaa-311.opt-1.pyc")![4..<8]), [3, 0, 0, 0])
    }

    func testCompileAll() throws {
        try write("t/a.py", "x=1\n")
        try write("t/bad.py", "def (\n")
        try write("t/sub/b.py", "y=2\n")
        try write("t/sub/deeper/c.py", "z=3\n")
        try write("t/notes.txt", "data\n")
        let all = try kaa(["-m", "compileall", "t"])
        XCTAssertEqual(all.status, 1)
        XCTAssertEqual(all.stdout, """
            Listing 't'...
            Compiling 't/a.py'...
            Compiling 't/bad.py'...
            ***   File "t/bad.py", line 1
                def (
                    ^
            SyntaxError: invalid syntax

            Listing 't/sub'...
            Compiling 't/sub/b.py'...
            Listing 't/sub/deeper'...
            Compiling 't/sub/deeper/c.py'...

            """)
        for f in ["t/__pycache__/a.kaa-311.pyc", "t/sub/__pycache__/b.kaa-311.pyc", "t/sub/deeper/__pycache__/c.kaa-311.pyc"] {
            XCTAssertTrue(exists(f), f)
        }
        XCTAssertFalse(exists("t/__pycache__/bad.kaa-311.pyc"))
        // Up to date now: only the failing file is compiled again.
        XCTAssertEqual(try kaa(["-m", "compileall", "-q", "t"]).stdout, """
            *** Error compiling 't/bad.py'...
              File "t/bad.py", line 1
                def (
                    ^
            SyntaxError: invalid syntax


            """)
        XCTAssertEqual(try kaa(["-m", "compileall", "-qq", "t"]).stdout, "")
        try write("t/bad.py", "x = 5\n")
        let fixed = try kaa(["-m", "compileall", "-r", "0", "t"])
        XCTAssertEqual(fixed.status, 0)
        XCTAssertEqual(fixed.stdout, "Listing 't'...\nCompiling 't/bad.py'...\n")
        XCTAssertEqual(try kaa(["-m", "compileall", "-b", "-l", "-f", "-q", "t"]).status, 0)
        XCTAssertTrue(exists("t/a.pyc"))
        let usage = try kaa(["-m", "compileall", "-z"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.hasSuffix("compileall.py: error: unrecognized arguments: -z\n"), usage.stderr)
    }
}
