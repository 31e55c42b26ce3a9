/// Unicode normalisation form KC over Unicode 14.0 (CPython 3.11's unicodedata), without Foundation: the parser
/// NFKC-normalises every non-ASCII identifier (CPython: _PyPegen_new_identifier → unicodedata.normalize('NFKC')).
/// UAX #15: full compatibility decomposition (NFKCTables, Hangul syllables algorithmically), canonical ordering,
/// then canonical composition (primary composites, Hangul LV/LVT algorithmically).
/// (CPython: Modules/unicodedata.c nfd_nfkd, nfc_nfkc)
public enum NFKC {
    /// NFKC of a string; a string of ASCII only is returned as is.
    public static func normalize(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = String.UnicodeScalarView()
        for v in normalize(s.unicodeScalars.map { $0.value }) {
            if let u = Unicode.Scalar(v) { out.append(u) }
        }
        return String(out)
    }

    /// NFKC of a sequence of code points.
    public static func normalize(_ input: [UInt32]) -> [UInt32] {
        var d = decompose(input)
        compose(&d)
        return d
    }

    // MARK: - Hangul (Unicode 3.12, Conjoining Jamo Behavior)

    static let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    static let nCount = vCount * tCount, sCount = lCount * nCount

    // MARK: - Decomposition

    /// Full compatibility decomposition, canonically ordered.
    static func decompose(_ input: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(input.count + 4)
        for cp in input {
            if cp >= sBase && cp < sBase + sCount {
                let s = cp - sBase
                out.append(lBase + s / nCount)
                out.append(vBase + (s % nCount) / tCount)
                if s % tCount != 0 { out.append(tBase + s % tCount) }
            } else if let (from, to) = decomposition(cp) {
                for i in from..<to { out.append(NFKCTables.decompositionData[i]) }
            } else {
                out.append(cp)
            }
        }
        canonicalOrder(&out)
        return out
    }

    /// The range of `cp`'s full decomposition in `decompositionData`, if it has one.
    static func decomposition(_ cp: UInt32) -> (Int, Int)? {
        if cp < 0xA0 { return nil }
        let keys = NFKCTables.decompositionKeys
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < cp { lo = mid + 1 } else { hi = mid }
        }
        guard lo < keys.count, keys[lo] == cp else { return nil }
        return (Int(NFKCTables.decompositionOffsets[lo]), Int(NFKCTables.decompositionOffsets[lo + 1]))
    }

    /// Canonical combining class (0 for most code points).
    public static func combiningClass(_ cp: UInt32) -> UInt8 {
        if cp < 0x300 { return 0 }
        let r = NFKCTables.combiningClassRanges
        // Binary search over the [first, last, class] triples.
        var lo = 0, hi = r.count / 3
        while lo < hi {
            let mid = (lo + hi) >> 1
            if r[mid * 3 + 1] < cp { lo = mid + 1 } else { hi = mid }
        }
        guard lo < r.count / 3, r[lo * 3] <= cp else { return 0 }
        return UInt8(truncatingIfNeeded: r[lo * 3 + 2])
    }

    /// Canonical ordering: each run of non-starters is sorted stably by combining class.
    static func canonicalOrder(_ s: inout [UInt32]) {
        var i = 0
        while i < s.count {
            if combiningClass(s[i]) == 0 { i += 1; continue }
            var j = i
            while j < s.count && combiningClass(s[j]) != 0 { j += 1 }
            if j - i > 1 {
                // Insertion sort: runs are short, and it is stable.
                for k in (i + 1)..<j {
                    let v = s[k], c = combiningClass(v)
                    var m = k
                    while m > i && combiningClass(s[m - 1]) > c {
                        s[m] = s[m - 1]
                        m -= 1
                    }
                    s[m] = v
                }
            }
            i = j
        }
    }

    // MARK: - Composition

    /// The primary composite of `a` followed by `b`, if there is one.
    static func composite(_ a: UInt32, _ b: UInt32) -> UInt32? {
        // Hangul: L + V → LV, LV + T → LVT.
        if a >= lBase && a < lBase + lCount && b >= vBase && b < vBase + vCount {
            return sBase + ((a - lBase) * vCount + (b - vBase)) * tCount
        }
        if a >= sBase && a < sBase + sCount && (a - sBase) % tCount == 0 && b > tBase && b < tBase + tCount {
            return a + (b - tBase)
        }
        let key = UInt64(a) << 21 | UInt64(b)
        let pairs = NFKCTables.compositionPairs
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pairs[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        guard lo < pairs.count, pairs[lo] == key else { return nil }
        return NFKCTables.compositionResults[lo]
    }

    /// Canonical composition of a decomposed, canonically ordered sequence (UAX #15, D117): each character is
    /// combined with the last starter unless blocked, i.e. unless a character between them has class 0 or a class
    /// not below its own. Adjacent starters compose too (Hangul L + V, LV + T, and a few others).
    static func compose(_ s: inout [UInt32]) {
        var starter = -1     // index in the output of the last starter
        var lastClass = 0    // class of the last character written; 0 means it is the starter itself
        var o = 0
        for i in 0..<s.count {
            let cp = s[i]
            let cc = Int(combiningClass(cp))
            if starter >= 0, lastClass == 0 || lastClass < cc, let c = composite(s[starter], cp) {
                s[starter] = c
                continue
            }
            if cc == 0 { starter = o }
            // Before any starter, marks block nothing (no starter to compose with).
            lastClass = cc
            s[o] = cp
            o += 1
        }
        s.removeSubrange(o...)
    }
}
