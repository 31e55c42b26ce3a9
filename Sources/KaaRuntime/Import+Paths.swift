#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `struct stat` (the bare name is also the function inside ImportPath).
typealias FileStatus = stat

/// stat(2) (follows symbolic links, as os.stat does).
private func lstatFollowing(_ path: String, _ st: inout FileStatus) -> Int32 { stat(path, &st) }

/// File-system helpers of the import system, as importlib's bootstrap uses them (CPython:
/// Lib/importlib/_bootstrap_external.py `_path_join`, `_path_split`, `_path_stat`, `_path_isfile`, `_path_isdir`).
/// POSIX paths only; Swift strings hold them (file names that are not UTF-8 are out of scope for now).
enum ImportPath {
    /// `_path_join`: joins with '/', dropping empty parts' separators as importlib does.
    static func join(_ parts: String...) -> String { join(parts) }

    static func join(_ parts: [String]) -> String {
        var out = ""
        for part in parts where !part.isEmpty {
            if part.hasPrefix("/") {
                out = part
            } else if out.isEmpty || out.hasSuffix("/") {
                out += part
            } else {
                out += "/" + part
            }
        }
        return out
    }

    /// `_path_split`: (head, tail) at the last '/'.
    static func split(_ path: String) -> (head: String, tail: String) {
        guard let i = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<i]), String(path[path.index(after: i)...]))
    }

    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// The file's `stat`, or nil.
    static func stat(_ path: String) -> FileStatus? {
        var st = FileStatus()
        return lstatFollowing(path, &st) == 0 ? st : nil
    }

    /// `_path_isfile`: a regular file.
    static func isFile(_ path: String) -> Bool {
        guard let st = stat(path) else { return false }
        return st.st_mode & S_IFMT == S_IFREG
    }

    /// `_path_isdir`: a directory ('' is the current directory).
    static func isDirectory(_ path: String) -> Bool {
        guard let st = stat(path.isEmpty ? "." : path) else { return false }
        return st.st_mode & S_IFMT == S_IFDIR
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }

    /// `os.path.abspath` without normalisation beyond joining with the current directory.
    static func absolute(_ path: String) -> String {
        isAbsolute(path) ? path : join(currentDirectory(), path)
    }

    /// `realpath(3)`, or the path itself when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }

    /// `int(os.stat(path).st_mtime)`: the float mtime truncated toward zero, as importlib's `path_stats` gives it.
    static func mtimeSeconds(_ st: FileStatus) -> Int {
        let sec = Int(st.st_mtim.tv_sec)
        return sec < 0 && st.st_mtim.tv_nsec > 0 ? sec + 1 : sec
    }

    /// Reads a whole file, or nil (any OSError in importlib's `get_data`).
    static func readFile(_ path: String) -> [UInt8]? { readFileBytes(path) }
}
