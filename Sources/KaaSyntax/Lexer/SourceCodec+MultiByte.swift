/// The CJK multi-byte source codecs (shift_jis, cp932, euc_kr, cp949, big5, gb2312, gbk, gb18030), decoded with
/// tables generated from CPython 3.11's own codecs (SourceCodecCJKTables.swift, scripts/gen_cjk_codec_tables.py).
/// Every one is ASCII below 0x80; a byte above is a character alone (`singles`) or the lead of a pair; gb18030 adds
/// 4-byte sequences, euc_kr the KS X 1001 Annex 3 make-up sequences.
/// (CPython: Modules/cjkcodecs/_codecs_jp.c, _codecs_kr.c, _codecs_tw.c, _codecs_cn.c)
struct MultiByteCodec {
    enum Extension { case none, gb18030, eucKR }
    let singles: [UInt16]     // 128 entries, bytes 0x80...0xFF; 0xFFFE: not a character alone
    let leads: [Bool]         // 128 entries: the byte is a lead, so input that ends after it is "incomplete"
    let pairs: [UInt16]       // (lead - leadFirst) * width + (trail - trailFirst); 0xFFFE: no character
    let leadFirst: Int, leadLast: Int, trailFirst: Int, trailLast: Int
    let extension_: Extension

    static let none: UInt16 = 0xFFFE

    init(_ t: SourceCodecCJKTables.Table, _ ext: Extension = .none) {
        singles = t.singles.unicodeScalars.map { UInt16(truncatingIfNeeded: $0.value) }
        leads = t.leads.utf8.map { $0 == UInt8(ascii: "1") }
        pairs = t.pairs.unicodeScalars.map { UInt16(truncatingIfNeeded: $0.value) }
        leadFirst = Int(t.leadFirst); leadLast = Int(t.leadLast)
        trailFirst = Int(t.trailFirst); trailLast = Int(t.trailLast)
        extension_ = ext
    }

    /// The codec of a Python codec module name, if it is one of these.
    static func named(_ module: String) -> MultiByteCodec? {
        switch module {
        case "shift_jis": return MultiByteCodec(SourceCodecCJKTables.shiftJIS)
        case "cp932": return MultiByteCodec(SourceCodecCJKTables.cp932)
        case "euc_kr": return MultiByteCodec(SourceCodecCJKTables.eucKR, .eucKR)
        case "cp949": return MultiByteCodec(SourceCodecCJKTables.cp949)
        case "big5": return MultiByteCodec(SourceCodecCJKTables.big5)
        case "gb2312": return MultiByteCodec(SourceCodecCJKTables.gb2312)
        case "gbk": return MultiByteCodec(SourceCodecCJKTables.gbk)
        case "gb18030": return MultiByteCodec(SourceCodecCJKTables.gb18030, .gb18030)
        default: return nil
        }
    }

    enum Failure { case illegal, incomplete }

    /// Decodes `s` to UTF-8, or reports where the first bad sequence starts and whether the input ended inside it
    /// (CPython: MBERR_TOOFEW → "incomplete multibyte sequence", else "illegal multibyte sequence").
    func decode(_ s: ArraySlice<UInt8>) -> Result<[UInt8], DecodeFailure> {
        var out: [UInt8] = []
        out.reserveCapacity(s.count * 3 / 2)
        var i = s.startIndex
        let end = s.endIndex
        @inline(__always) func fail(_ kind: Failure, _ length: Int) -> Result<[UInt8], DecodeFailure> {
            .failure(DecodeFailure(offset: i - s.startIndex, length: length, kind: kind))
        }
        while i < end {
            let c = Int(s[i])
            if c < 0x80 {
                out.append(UInt8(c)); i += 1
                continue
            }
            let single = singles[c - 0x80]
            if single != MultiByteCodec.none {
                SourceCodec.appendUTF8(UInt32(single), &out); i += 1
                continue
            }
            if extension_ == .gb18030, i + 1 < end, (0x30...0x39).contains(s[i + 1]) {
                // CPython: _codecs_cn.c gb18030 — four bytes, linear index into the BMP ranges or the planes above.
                guard i + 3 < end else { return fail(.incomplete, end - i) }
                let c3 = Int(s[i + 2]), c4 = Int(s[i + 3])
                guard (0x81...0xFE).contains(c3), (0x30...0x39).contains(c4) else { return fail(.illegal, 1) }
                let c2 = Int(s[i + 1])
                guard let cp = MultiByteCodec.gb18030FourByte(c, c2, c3, c4) else { return fail(.illegal, 1) }
                SourceCodec.appendUTF8(cp, &out); i += 4
                continue
            }
            if extension_ == .eucKR, c == 0xA4, i + 1 < end, s[i + 1] == 0xD4 {
                // CPython: _codecs_kr.c euc_kr — KS X 1001:1998 Annex 3 make-up sequence of 8 bytes.
                guard i + 7 < end else { return fail(.incomplete, end - i) }
                guard s[i + 2] == 0xA4, s[i + 4] == 0xA4, s[i + 6] == 0xA4 else { return fail(.illegal, 1) }
                let c3 = Int(s[i + 3]), c5 = Int(s[i + 5]), c7 = Int(s[i + 7])
                let cho = (0xA1...0xBE).contains(c3) ? SourceCodecCJKTables.eucKRChoseong[c3 - 0xA1] : MultiByteCodec.none
                let jung: UInt16 = (0xBF...0xD3).contains(c5) ? UInt16(c5 - 0xBF) : MultiByteCodec.none
                let jong: UInt16 = c7 == 0xD4 ? 0
                    : (0xA1...0xBE).contains(c7) ? SourceCodecCJKTables.eucKRJongseong[c7 - 0xA1] : MultiByteCodec.none
                guard cho != MultiByteCodec.none, jung != MultiByteCodec.none, jong != MultiByteCodec.none else {
                    return fail(.illegal, 1)
                }
                SourceCodec.appendUTF8(0xAC00 + UInt32(cho) * 588 + UInt32(jung) * 28 + UInt32(jong), &out)
                i += 8
                continue
            }
            guard i + 1 < end else { return fail(leads[c - 0x80] ? .incomplete : .illegal, 1) }
            let d = Int(s[i + 1])
            guard c >= leadFirst, c <= leadLast, d >= trailFirst, d <= trailLast else { return fail(.illegal, 1) }
            let cp = pairs[(c - leadFirst) * (trailLast - trailFirst + 1) + (d - trailFirst)]
            guard cp != MultiByteCodec.none else { return fail(.illegal, 1) }
            SourceCodec.appendUTF8(UInt32(cp), &out)
            i += 2
        }
        return .success(out)
    }

    struct DecodeFailure: Error {
        let offset: Int, length: Int
        let kind: Failure
        var reason: String { kind == .incomplete ? "incomplete multibyte sequence" : "illegal multibyte sequence" }
    }

    /// CPython: gb18030 4-byte decoding — BMP through the generated ranges, U+10000... linearly from 0x90308130.
    static func gb18030FourByte(_ c1: Int, _ c2: Int, _ c3: Int, _ c4: Int) -> UInt32? {
        if c1 >= 0x90 && c1 <= 0xE3 {
            let index = (((c1 - 0x90) * 10 + (c2 - 0x30)) * 126 + (c3 - 0x81)) * 10 + (c4 - 0x30)
            return index < 0x10_0000 ? UInt32(0x1_0000 + index) : nil
        }
        guard c1 >= 0x81 && c1 <= 0x84 else { return nil }
        let index = UInt32((((c1 - 0x81) * 10 + (c2 - 0x30)) * 126 + (c3 - 0x81)) * 10 + (c4 - 0x30))
        let r = SourceCodecCJKTables.gb18030Ranges
        // The last run starting at or before `index`.
        var lo = 0, hi = r.count / 3
        while lo < hi {
            let mid = (lo + hi) >> 1
            if r[mid * 3] <= index { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let k = (lo - 1) * 3
        guard index < r[k] + r[k + 1] else { return nil }
        return r[k + 2] + (index - r[k])
    }
}
