/// Substring search for Swift strings without Foundation. BigInt imports Foundation, so its String extensions are
/// visible in every module that loads BigInt, and `s.contains("ab")` bound to Foundation's
/// `StringProtocol.contains(_:)` (a `range(of:options:)` call): enough to make the `kaa` executable load
/// libFoundation, its internationalization library and ICU (+9 MB of resident memory for `kaa -V`). A concrete
/// overload is preferred to Foundation's generic one, so such calls bind here; see docs/ARCHITECTURE.md, "No
/// Foundation", and the command test that checks the executable's libraries.
extension String {
    /// Whether `other` occurs in the string (Character-wise, as the standard library compares strings).
    @inlinable public func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        return firstRange(of: other) != nil
    }
}

extension Substring {
    @inlinable public func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        return firstRange(of: other) != nil
    }
}
