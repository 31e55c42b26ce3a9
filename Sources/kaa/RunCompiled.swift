import KaaCore
import KaaRuntime

/// `kaa FILE.pyc [ARGS...]`: runs a CPython 3.11 .pyc as `__main__` on the VM (issue 4). Prints the program's
/// output and, for an uncaught exception, CPython's traceback; returns the process exit code.
func runCompiledFile(path: String, bytes: [UInt8], arguments: [String]) -> Int32 {
    withLargeStack { Runtime.runPyc(bytes: bytes, path: path, arguments: arguments) }
}
