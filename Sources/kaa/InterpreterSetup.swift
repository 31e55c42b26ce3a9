#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaRuntime

/// What the command line and the PYTHON* variables decide about the interpreter before the program runs: the
/// optimization level (`-O`, `-OO`, PYTHONOPTIMIZE) and the rest of `sys.flags`.
/// (CPython: Python/initconfig.c config_read_env_vars, config_read_cmdline; Python/sysmodule.c make_flags)
enum InterpreterSetup {
    static func configure(_ options: LaunchOptions, hashSeed: UInt32?) {
        func env(_ name: String) -> String? {
            options.ignoreEnvironment ? nil : getenv(name).map { String(cString: $0) }
        }
        /// CPython: _Py_get_env_flag — an empty variable is unset, a non-integer or negative one counts as 1, and
        /// the larger of it and the command line's count wins.
        func envFlag(_ name: String, _ count: Int) -> Int {
            guard let text = env(name), !text.isEmpty else { return count }
            var value = 1
            if let n = Int(text), n >= 0 { value = n }
            return max(count, value)
        }
        optimizationLevel = envFlag("PYTHONOPTIMIZE", options.optimize)
        var flags = InterpreterFlags()
        flags.debug = envFlag("PYTHONDEBUG", 0)
        flags.inspect = envFlag("PYTHONINSPECT", options.inspect ? 1 : 0)
        flags.interactive = options.inspect ? 1 : 0
        flags.dontWriteBytecode = envFlag("PYTHONDONTWRITEBYTECODE", options.dontWriteBytecode ? 1 : 0) > 0 ? 1 : 0
        flags.noUserSite = envFlag("PYTHONNOUSERSITE", options.noUserSite ? 1 : 0) > 0 ? 1 : 0
        flags.noSite = options.noSite ? 1 : 0
        flags.ignoreEnvironment = options.ignoreEnvironment ? 1 : 0
        flags.verbose = envFlag("PYTHONVERBOSE", options.verbose)
        flags.bytesWarning = options.bytesWarning
        flags.quiet = options.quiet ? 1 : 0
        // CPython: hash randomization is off only for PYTHONHASHSEED=0.
        flags.hashRandomization = hashSeed == 0 ? 0 : 1
        flags.isolated = options.isolated ? 1 : 0
        flags.devMode = options.xOptions.contains("dev") || !(env("PYTHONDEVMODE") ?? "").isEmpty
        flags.utf8Mode = options.xOptions.contains("utf8") || options.xOptions.contains("utf8=1")
            || env("PYTHONUTF8") == "1" ? 1 : 0
        flags.warnDefaultEncoding = options.xOptions.contains("warn_default_encoding")
            || !(env("PYTHONWARNDEFAULTENCODING") ?? "").isEmpty ? 1 : 0
        flags.safePath = options.safePath || options.isolated || !(env("PYTHONSAFEPATH") ?? "").isEmpty
        if let text = env("PYTHONINTMAXSTRDIGITS"), let n = Int(text) { flags.intMaxStrDigits = n }
        for x in options.xOptions where x.hasPrefix("int_max_str_digits=") {
            if let n = Int(x.dropFirst("int_max_str_digits=".count)) { flags.intMaxStrDigits = n }
        }
        // CPython: config_init_warnoptions — -X dev's "default", then PYTHONWARNINGS, then -W, then -b/-bb.
        var warn: [String] = flags.devMode ? ["default"] : []
        if let text = env("PYTHONWARNINGS"), !text.isEmpty {
            warn += text.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        }
        warn += options.warnOptions
        if options.bytesWarning > 0 { warn.append(options.bytesWarning > 1 ? "error::BytesWarning" : "default::BytesWarning") }
        flags.warnOptions = warn
        flags.xOptions = options.xOptions
        interpreterFlags = flags
    }
}
