/// A Python `str` value held as Unicode code points.
///
/// Swift's `String` is a sequence of grapheme clusters over valid Unicode, but a Python `str` is a sequence of code
/// points and may hold lone surrogates (`'\ud800'` is a valid literal). Stages that only carry values (the AST, code
/// object constants, marshal) use this type; the runtime's own string object is designed for speed separately.
public struct PyString: Hashable, Sendable, CustomStringConvertible {
    public var codePoints: [UInt32]

    public init(codePoints: [UInt32]) { self.codePoints = codePoints }

    public init(_ string: String) {
        // ASCII text (names, most literals) widens byte by byte from the UTF-8 storage; the compiler converts every
        // name of every code object this way.
        var text = string
        let ascii: [UInt32]? = text.withUTF8 { bytes in
            var all: UInt8 = 0
            for b in bytes { all |= b }
            guard all < 0x80 else { return nil }
            return [UInt32](unsafeUninitializedCapacity: bytes.count) { out, n in
                for i in 0..<bytes.count { out[i] = UInt32(bytes[i]) }
                n = bytes.count
            }
        }
        codePoints = ascii ?? string.unicodeScalars.map { $0.value }
    }

    /// Equal values hash equal: the code points' bytes in one call (per-element hashing cost a Hasher round per
    /// code point, and the compiler hashes every docstring and name constant).
    public func hash(into hasher: inout Hasher) {
        codePoints.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(codePoints.count)
    }

    public static func == (a: PyString, b: PyString) -> Bool { a.codePoints == b.codePoints }

    public var count: Int { codePoints.count }

    public var isASCII: Bool { codePoints.allSatisfy { $0 < 0x80 } }

    /// True when every code point is a Unicode scalar (no lone surrogates), so `swiftString` is lossless.
    public var isValidUnicode: Bool { codePoints.allSatisfy { Unicode.Scalar($0) != nil } }

    /// The text as a Swift string; lone surrogates become U+FFFD.
    public var swiftString: String {
        var s = String.UnicodeScalarView()
        for cp in codePoints { s.append(Unicode.Scalar(cp) ?? "\u{FFFD}") }
        return String(s)
    }

    public var description: String { swiftString }
}
