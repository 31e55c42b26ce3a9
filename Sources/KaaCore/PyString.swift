/// A Python `str` value held as Unicode code points.
///
/// Swift's `String` is a sequence of grapheme clusters over valid Unicode, but a Python `str` is a sequence of code
/// points and may hold lone surrogates (`'\ud800'` is a valid literal). Stages that only carry values (the AST, code
/// object constants, marshal) use this type; the runtime's own string object is designed for speed separately.
public struct PyString: Hashable, Sendable, CustomStringConvertible {
    public var codePoints: [UInt32]

    public init(codePoints: [UInt32]) { self.codePoints = codePoints }

    public init(_ string: String) {
        codePoints = string.unicodeScalars.map { $0.value }
    }

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
