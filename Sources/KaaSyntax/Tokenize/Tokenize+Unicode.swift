// Character classes of Lib/tokenize.py as CPython 3.11 sees them, over the tokenizer's internal line encoding.
//
// Lines are held as "generalised UTF-8": UTF-8, except that a lone surrogate (which `surrogateescape` decoding of
// stdin produces) is encoded like any other BMP code point (ED A0..BF xx). Every position Python reports is a count
// of code points, so the helpers here count lead bytes.

enum TokenizeUnicode {
    /// Length of the sequence a lead byte starts (1 for ASCII and, defensively, for stray continuation bytes).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The code point starting at `i` (the buffer holds well-formed generalised UTF-8 made by this module).
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = p.count
        if b0 < 0xE0, i + 1 < n {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0, i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6)
                    | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (UInt32(b0), 1)
    }

    /// Appends a code point (surrogates included) in generalised UTF-8.
    @inline(__always)
    static func append(_ cp: UInt32, to out: inout [UInt8]) {
        if cp < 0x80 {
            out.append(UInt8(cp))
        } else if cp < 0x800 {
            out.append(UInt8(0xC0 | (cp >> 6)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        } else if cp < 0x10000 {
            out.append(UInt8(0xE0 | (cp >> 12)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (cp >> 18)))
            out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        }
    }

    /// Number of code points in `p[from..<to]`.
    @inline(__always)
    static func count(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var n = 0
        var i = from
        while i < to {
            if p[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    static func count(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { count($0, 0, $0.count) }
    }

    /// Decodes generalised UTF-8 to code points.
    static func codePoints(_ p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(p.count)
        var i = 0
        while i < p.count {
            let (cp, len) = decode(p, i)
            out.append(cp)
            i += len
        }
        return out
    }

    @inline(__always)
    static func inRanges(_ cp: UInt32, _ table: [UInt32]) -> Bool {
        // table is [lo0, hi0, lo1, hi1, ...], sorted.
        var lo = 0
        var hi = table.count / 2
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cp > table[2 * mid + 1] {
                lo = mid + 1
            } else if cp < table[2 * mid] {
                hi = mid
            } else {
                return true
            }
        }
        return false
    }

    /// `\w` of a `re` str pattern (CPython: SRE_UNI_IS_WORD).
    @inline(__always)
    static func isWord(_ cp: UInt32) -> Bool {
        if cp < 0x80 {
            return (cp >= 0x61 && cp <= 0x7A) || (cp >= 0x41 && cp <= 0x5A) || (cp >= 0x30 && cp <= 0x39) || cp == 0x5F
        }
        return inRanges(cp, TokenizeTables.wordRanges)
    }

    /// `c.isidentifier()` for one character `c` (CPython: _PyUnicode_IsXidStart or '_').
    static func isIdentifierStart(_ cp: UInt32) -> Bool {
        if cp < 0x80 {
            return (cp >= 0x61 && cp <= 0x7A) || (cp >= 0x41 && cp <= 0x5A) || cp == 0x5F
        }
        return inRanges(cp, IdentifierTables.xidStart)  // the lexer's XID_Start table, the same Unicode 14 data
    }

    /// `str.isspace()` of one character (CPython: Py_UNICODE_ISSPACE).
    static func isSpace(_ cp: UInt32) -> Bool {
        if cp < 0x80 {
            return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20)
        }
        return inRanges(cp, TokenizeTables.spaceRanges)
    }
}
