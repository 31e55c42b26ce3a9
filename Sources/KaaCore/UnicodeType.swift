/// Character types and case mappings of CPython 3.11 (Unicode 14.0.0) for str's methods (CPython:
/// Objects/unicodectype.c, `_PyUnicode_IsAlpha`, `_PyUnicode_ToUpperFull`...). The data is generated from CPython
/// itself (scripts/gen_unicode_type_tables.py), not taken from the Swift standard library, whose Unicode version is
/// newer and answers differently for some code points (U+019B upper-cases to U+A7DC in Unicode 16, not in 14).
public enum UnicodeType {
    @inline(__always) static func record(_ c: UInt32) -> Int {
        if c >= 0x110000 { return UnicodeTypeTables.unassignedRecord }
        let sh = UnicodeTypeTables.shift
        let block = Int(UnicodeTypeTables.index1[Int(c >> UInt32(sh))])
        return Int(UnicodeTypeTables.index2[(block << sh) | Int(c & ((1 << UInt32(sh)) - 1))])
    }
    @inline(__always) static func has(_ c: UInt32, _ flag: UInt16) -> Bool {
        UnicodeTypeTables.flags[record(c)] & flag != 0
    }

    public static func isAlpha(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.alpha) }
    public static func isDecimal(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.decimal) }
    public static func isDigit(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.digit) }
    public static func isNumeric(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.numeric) }
    /// CPython: Py_UNICODE_ISALNUM.
    public static func isAlnum(_ c: UInt32) -> Bool {
        let f = UnicodeTypeTables.flags[record(c)]
        return f & (UnicodeTypeTables.alpha | UnicodeTypeTables.decimal | UnicodeTypeTables.digit
            | UnicodeTypeTables.numeric) != 0
    }
    public static func isLower(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.lower) }
    public static func isUpper(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.upper) }
    /// General category Lt (CPython: _PyUnicode_IsTitlecase).
    public static func isTitle(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.title) }
    public static func isSpace(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.space) }
    public static func isPrintable(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.printable) }
    public static func isCased(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.cased) }
    public static func isCaseIgnorable(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.caseIgnorable) }
    /// XID_Start or '_' (the first character of an identifier).
    public static func isIdentifierStart(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.xidStart) }
    public static func isXIDContinue(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.xidContinue) }
    /// CPython: Py_UNICODE_ISLINEBREAK (where splitlines breaks).
    public static func isLineBreak(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.lineBreak) }
    /// Whether CPython 3.11's unicodedata has a name for `c` (the Swift library knows names of later versions).
    public static func isNamed(_ c: UInt32) -> Bool { has(c, UnicodeTypeTables.named) }
    /// The name the 'namereplace' error handler writes for `c` (CPython: PyCodec_NameReplaceErrors asks the name
    /// database with aliases and named sequences allowed, which it keeps at private-use code points), or nil.
    public static func nameForEscape(_ c: UInt32) -> String? {
        let base = UnicodeTypeTables.privateUseNameBase
        if c >= base && c < base + UInt32(UnicodeTypeTables.privateUseNames.count) {
            let n = UnicodeTypeTables.privateUseNames[Int(c - base)]
            return n.isEmpty ? nil : n
        }
        guard isNamed(c), let u = Unicode.Scalar(c) else { return nil }
        return u.properties.name
    }
    /// The decimal digit value, or -1 (CPython: _PyUnicode_ToDecimalDigit).
    public static func decimalValue(_ c: UInt32) -> Int { Int(UnicodeTypeTables.decimalValue[record(c)]) }

    @inline(__always) static func append(_ c: UInt32, _ m: Int32, _ out: inout [UInt32]) {
        if m >= 0x4000_0000 {
            let n = Int(m >> 16) & 0xFF, at = Int(m & 0xFFFF)
            for k in 0..<n { out.append(UnicodeTypeTables.extended[at + k]) }
        } else {
            out.append(UInt32(bitPattern: Int32(bitPattern: c) &+ m))
        }
    }
    /// Full (SpecialCasing) uppercase of `c`, appended to `out` (CPython: _PyUnicode_ToUpperFull).
    public static func appendUpper(_ c: UInt32, to out: inout [UInt32]) {
        append(c, UnicodeTypeTables.upperMap[record(c)], &out)
    }
    /// Full lowercase without context (CPython: _PyUnicode_ToLowerFull); final sigma is the caller's concern.
    public static func appendLower(_ c: UInt32, to out: inout [UInt32]) {
        append(c, UnicodeTypeTables.lowerMap[record(c)], &out)
    }
    public static func appendTitle(_ c: UInt32, to out: inout [UInt32]) {
        append(c, UnicodeTypeTables.titleMap[record(c)], &out)
    }
    /// Full case folding (CPython: _PyUnicode_ToFoldedFull).
    public static func appendFolded(_ c: UInt32, to out: inout [UInt32]) {
        append(c, UnicodeTypeTables.foldMap[record(c)], &out)
    }
    /// Simple (one code point) lowercase, or `c` when the full mapping has several.
    public static func simpleLower(_ c: UInt32) -> UInt32 {
        let m = UnicodeTypeTables.lowerMap[record(c)]
        return m >= 0x4000_0000 ? c : UInt32(bitPattern: Int32(bitPattern: c) &+ m)
    }
}
