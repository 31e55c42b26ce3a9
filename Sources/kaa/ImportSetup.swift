#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaSyntax
import KaaCompiler
import KaaBytecode
import KaaRuntime

/// What the command line and the environment tell the import system before the program runs (CPython:
/// PyConfig's module_search_paths, safe_path, write_bytecode, pycache_prefix, check_hash_pycs_mode).
enum ImportSetup {
    static func configure(_ options: LaunchOptions) {
        func env(_ name: String) -> String? {
            options.ignoreEnvironment ? nil : getenv(name).map { String(cString: $0) }
        }
        // sys.path[0] (CPython: _PyPathConfig_ComputeSysPath0): the script's real folder, '' for -c and stdin,
        // the current folder for -m; nothing with -P / PYTHONSAFEPATH / -I.
        let safePath = options.safePath || options.isolated || !(env("PYTHONSAFEPATH") ?? "").isEmpty
        if safePath {
            ImportSettings.pathZero = nil
        } else {
            switch options.program {
            case .file(let path):
                let real = realPath(path)
                ImportSettings.pathZero = real.lastIndex(of: "/").map { String(real[..<$0]) } ?? ""
                if ImportSettings.pathZero == "" && real.hasPrefix("/") { ImportSettings.pathZero = "/" }
            case .module:
                ImportSettings.pathZero = currentDirectory()
            case .command, .stdin:
                ImportSettings.pathZero = ""
            }
        }
        if let pythonPath = env("PYTHONPATH"), !pythonPath.isEmpty {
            ImportSettings.pythonPath = ImportSettings.parsePythonPath(pythonPath)
        }
        // PYTHONDONTWRITEBYTECODE: a flag variable (CPython: _Py_get_env_flag — an integer counts as itself).
        if options.dontWriteBytecode || envFlag(env("PYTHONDONTWRITEBYTECODE")) {
            ImportCache.dontWriteBytecode = true
        }
        if let prefix = env("PYTHONPYCACHEPREFIX"), !prefix.isEmpty { ImportCache.pycachePrefix = prefix }
        for x in options.xOptions where x.hasPrefix("pycache_prefix") {
            let value = x.dropFirst("pycache_prefix".count)
            ImportCache.pycachePrefix = value.hasPrefix("=") && value.count > 1 ? String(value.dropFirst()) : nil
        }
        ImportCache.checkHashBasedPycs = options.checkHashBasedPycs
    }

    /// CPython: _Py_get_env_flag — set when not empty, and not an integer <= 0.
    static func envFlag(_ value: String?) -> Bool {
        guard let v = value, !v.isEmpty else { return false }
        if let n = Int(v) { return n != 0 }
        return true
    }

    static func realPath(_ path: String) -> String {
        guard let r = realpath(path, nil) else {
            return path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        }
        defer { free(r) }
        return String(cString: r)
    }
}
