// Source decoding as Lib/tokenize.py 3.11 does it: `detect_encoding` (BOM, PEP 263 cookie on line 1 or 2),
// `codecs.lookup` through the `encodings` package's search function, then `line.decode(encoding)` per line.
import KaaCore

public enum TokenizeCodecKind: Sendable {
    case utf8, utf8sig, ascii, latin1, charmap, nonText, unsupported
}

/// An exception raised while decoding a line (`line.decode(encoding)` in `_tokenize`): it escapes tokenize.main as
/// "unexpected error" plus a traceback.
public struct TokenizeDecodeFailure: Error, Equatable {
    /// "UnicodeDecodeError" or "LookupError"
    public var exceptionClass: String
    public var message: String
    /// Traceback entry of the codec's Python-level decode function, if any (CPython: its `Codec.decode`).
    public var codecFrame: String
}

/// A SyntaxError raised by `detect_encoding`; str(err) is just the message.
public struct TokenizeEncodingError: Error, Equatable {
    public var message: String
}

public struct TokenizeCodec {
    /// CodecInfo.name
    public let name: String
    public let kind: TokenizeCodecKind
    let table: [UInt32]
    let frame: String
    /// The encoding name as given to `decode` (LookupError quotes it).
    let requestedName: String

    /// codecs.lookup(encoding) → encodings.search_function: normalise, try the alias, then the module name.
    public static func lookup(_ encoding: String) -> TokenizeCodec? {
        let norm = normalize(encoding)
        var modnames: [String] = []
        if let alias = TokenizeTables.aliases[norm] ?? TokenizeTables.aliases[norm.replacingDots()] {
            modnames = [alias, norm]
        } else {
            modnames = [norm]
        }
        for mod in modnames where !mod.isEmpty && !mod.contains(".") {
            if let entry = TokenizeTables.codecs[mod] {
                var table: [UInt32] = []
                if entry.kind == .charmap {
                    table = parseTable(entry.table)
                }
                return TokenizeCodec(name: entry.name, kind: entry.kind, table: table, frame: entry.frame,
                                     requestedName: encoding)
            }
        }
        return nil
    }

    /// CPython: normalizestring (lower case) then encodings.normalize_encoding (runs of characters other than ASCII
    /// alphanumerics and '.' become one '_', leading and trailing ones are dropped).
    static func normalize(_ name: String) -> String {
        var out = ""
        var punct = false
        for s in name.lowercased().unicodeScalars {
            let v = s.value
            let alnum = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A)
            if alnum || v == 0x2E {
                if punct && !out.isEmpty { out += "_" }
                out.unicodeScalars.append(s)
                punct = false
            } else if v < 0x80 || !s.properties.isAlphabetic {
                punct = true
            } else {
                // non-ASCII alphanumerics are dropped without marking punctuation
                punct = false
            }
        }
        return out
    }

    static func parseTable(_ hex: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(256)
        var v: UInt32 = 0
        var k = 0
        for b in hex.utf8 {
            let d: UInt32 = b <= 0x39 ? UInt32(b - 0x30) : UInt32(b - 0x41 + 10)
            v = v << 4 | d
            k += 1
            if k == 4 {
                out.append(v)
                v = 0
                k = 0
            }
        }
        return out
    }

    /// `bytes.decode(self)`, appended to `out` as generalised UTF-8.
    public func decode(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) throws {
        switch kind {
        case .utf8:
            try Self.decodeUTF8(p, 0, into: &out)
        case .utf8sig:
            let bom = p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
            try Self.decodeUTF8(UnsafeBufferPointer(rebasing: p[(bom ? 3 : 0)...]), 0, into: &out, frame: frame)
        case .ascii:
            for (i, b) in p.enumerated() {
                if b >= 0x80 {
                    throw TokenizeDecodeFailure(
                        exceptionClass: "UnicodeDecodeError",
                        message: "'ascii' codec can't decode byte 0x\(Self.hex2(b)) in position \(i): ordinal not in range(128)",
                        codecFrame: frame)
                }
                out.append(b)
            }
        case .latin1:
            for b in p { TokenizeUnicode.append(UInt32(b), to: &out) }
        case .charmap:
            for (i, b) in p.enumerated() {
                let cp = table[Int(b)]
                if cp == 0xFFFE {
                    throw TokenizeDecodeFailure(
                        exceptionClass: "UnicodeDecodeError",
                        message: "'charmap' codec can't decode byte 0x\(Self.hex2(b)) in position \(i): character maps to <undefined>",
                        codecFrame: frame)
                }
                TokenizeUnicode.append(cp, to: &out)
            }
        case .nonText:
            throw TokenizeDecodeFailure(
                exceptionClass: "LookupError",
                message: "\(PyRepr.string(requestedName)) is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                codecFrame: "")
        case .unsupported:
            throw TokenizeDecodeFailure(
                exceptionClass: "LookupError",
                message: "kaa does not implement the \(PyRepr.string(name)) codec",
                codecFrame: "")
        }
    }

    static func hex2(_ b: UInt8) -> String {
        let s = String(b, radix: 16)
        return s.count < 2 ? "0" + s : s
    }

    /// Strict UTF-8 with CPython's error reports (CPython: unicode_decode_utf8 and stringlib's utf8_decode).
    static func decodeUTF8(_ p: UnsafeBufferPointer<UInt8>, _ base: Int, into out: inout [UInt8],
                           frame: String = "") throws {
        if let (start, end, reason) = firstUTF8Error(p) {
            let msg: String
            if end - start == 1 {
                msg = "'utf-8' codec can't decode byte 0x\(hex2(p[start])) in position \(base + start): \(reason)"
            } else {
                msg = "'utf-8' codec can't decode bytes in position \(base + start)-\(base + end - 1): \(reason)"
            }
            throw TokenizeDecodeFailure(exceptionClass: "UnicodeDecodeError", message: msg, codecFrame: frame)
        }
        out.append(contentsOf: p)
    }

    @inline(__always) static func isCont(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// The first malformed sequence: (start, end, reason) as CPython reports it, or nil when `p` is valid UTF-8.
    static func firstUTF8Error(_ p: UnsafeBufferPointer<UInt8>) -> (Int, Int, String)? {
        let n = p.count
        var i = 0
        let invalidStart = "invalid start byte", invalidCont = "invalid continuation byte"
        let endOfData = "unexpected end of data"
        while i < n {
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            if c < 0xC2 { return (i, i + 1, invalidStart) }
            if c < 0xE0 {
                if n - i < 2 { return (i, n, endOfData) }
                if !isCont(p[i + 1]) { return (i, i + 1, invalidCont) }
                i += 2
                continue
            }
            if c < 0xF0 {
                if n - i < 3 {
                    if n - i < 2 { return (i, n, endOfData) }
                    let c2 = p[i + 1]
                    if !isCont(c2) || (c2 < 0xA0 ? c == 0xE0 : c == 0xED) { return (i, i + 1, invalidCont) }
                    return (i, n, endOfData)
                }
                let c2 = p[i + 1], c3 = p[i + 2]
                if !isCont(c2) { return (i, i + 1, invalidCont) }
                if c == 0xE0 && c2 < 0xA0 { return (i, i + 1, invalidCont) }
                if c == 0xED && c2 >= 0xA0 { return (i, i + 1, invalidCont) }
                if !isCont(c3) { return (i, i + 2, invalidCont) }
                i += 3
                continue
            }
            if c < 0xF5 {
                if n - i < 4 {
                    if n - i < 2 { return (i, n, endOfData) }
                    let c2 = p[i + 1]
                    if !isCont(c2) || (c2 < 0x90 ? c == 0xF0 : c == 0xF4) { return (i, i + 1, invalidCont) }
                    if n - i < 3 { return (i, n, endOfData) }
                    if !isCont(p[i + 2]) { return (i, i + 2, invalidCont) }
                    return (i, n, endOfData)
                }
                let c2 = p[i + 1], c3 = p[i + 2], c4 = p[i + 3]
                if !isCont(c2) { return (i, i + 1, invalidCont) }
                if c == 0xF0 && c2 < 0x90 { return (i, i + 1, invalidCont) }
                if c == 0xF4 && c2 >= 0x90 { return (i, i + 1, invalidCont) }
                if !isCont(c3) { return (i, i + 2, invalidCont) }
                if !isCont(c4) { return (i, i + 3, invalidCont) }
                i += 4
                continue
            }
            return (i, i + 1, invalidStart)
        }
        return nil
    }

    /// `data.decode('utf-8', 'surrogateescape')`: how sys.stdin (C.UTF-8 locale) decodes; each byte of a malformed
    /// sequence becomes U+DC80..U+DCFF.
    public static func decodeSurrogateEscape(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var rest = p
        var base = 0
        while let (start, end, _) = firstUTF8Error(rest) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: rest[0..<start]))
            for k in start..<end {
                TokenizeUnicode.append(0xDC00 + UInt32(rest[k]), to: &out)
            }
            base += end
            rest = UnsafeBufferPointer(rebasing: p[base...])
        }
        out.append(contentsOf: rest)
        return out
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(unicodeScalars.map { $0 == "." ? "_" : Character($0) })
    }
}

/// tokenize.detect_encoding over a whole file's bytes.
public enum TokenizeEncodingDetector {
    /// CPython tokenize._get_normal_name: "Imitates get_normal_name in tokenizer.c."
    static func normalName(_ orig: String) -> String {
        let enc = String(String(orig.unicodeScalars.prefix(12)).lowercased().map { $0 == "_" ? "-" : $0 })
        if enc == "utf-8" || enc.hasPrefix("utf-8-") { return "utf-8" }
        if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(enc)
            || enc.hasPrefix("latin-1-") || enc.hasPrefix("iso-8859-1-") || enc.hasPrefix("iso-latin-1-") {
            return "iso-8859-1"
        }
        return orig
    }

    /// `cookie_re = ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (re.ASCII) on a line already known to be UTF-8.
    static func cookie(_ l: UnsafeBufferPointer<UInt8>) -> String? {
        let n = l.count
        var i = 0
        while i < n && (l[i] == 0x20 || l[i] == 0x09 || l[i] == 0x0C) { i += 1 }
        guard i < n, l[i] == 0x23 else { return nil }
        let coding: [UInt8] = Array("coding".utf8)
        var k = i + 1
        while k < n {
            if k + 7 <= n && l[k] == 0x63 {
                var ok = true
                for t in 0..<6 where l[k + t] != coding[t] { ok = false; break }
                if ok && (l[k + 6] == 0x3A || l[k + 6] == 0x3D) {
                    var j = k + 7
                    while j < n && (l[j] == 0x20 || l[j] == 0x09) { j += 1 }
                    let s = j
                    while j < n {
                        let b = l[j]
                        let word = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F
                        if word || b == 0x2D || b == 0x2E { j += 1 } else { break }
                    }
                    if j > s { return String(decoding: UnsafeBufferPointer(rebasing: l[s..<j]), as: UTF8.self) }
                }
            }
            if l[k] == 0x0A { break }  // `.` does not match a newline
            k += 1
        }
        return nil
    }

    /// `blank_re = ^[ \t\f]*(?:[#\r\n]|$)`
    static func isBlank(_ l: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < l.count && (l[i] == 0x20 || l[i] == 0x09 || l[i] == 0x0C) { i += 1 }
        return i == l.count || l[i] == 0x23 || l[i] == 0x0D || l[i] == 0x0A
    }

    /// The end of the line starting at `from` (just past its '\n', or the end of the data).
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < p.count {
            if p[i] == 0x0A { return i + 1 }
            i += 1
        }
        return i
    }

    /// Returns (encoding as detect_encoding returns it, offset where the text starts after a BOM).
    public static func detect(_ p: UnsafeBufferPointer<UInt8>, filename: String?) throws -> (String, Int) {
        var bomFound = false
        var defaultEncoding = "utf-8"
        var start = 0
        if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            bomFound = true
            start = 3
            defaultEncoding = "utf-8-sig"
        }
        func findCookie(_ line: UnsafeBufferPointer<UInt8>) throws -> String? {
            if TokenizeCodec.firstUTF8Error(line) != nil {
                var msg = "invalid or missing encoding declaration"
                if let f = filename { msg += " for \(PyRepr.string(f))" }
                throw TokenizeEncodingError(message: msg)
            }
            guard let found = cookie(line) else { return nil }
            var encoding = normalName(found)
            if TokenizeCodec.lookup(encoding) == nil {
                if let f = filename {
                    throw TokenizeEncodingError(message: "unknown encoding for \(PyRepr.string(f)): \(encoding)")
                }
                throw TokenizeEncodingError(message: "unknown encoding: " + encoding)
            }
            if bomFound {
                if encoding != "utf-8" {
                    if let f = filename {
                        throw TokenizeEncodingError(message: "encoding problem for \(PyRepr.string(f)): utf-8")
                    }
                    throw TokenizeEncodingError(message: "encoding problem: utf-8")
                }
                encoding += "-sig"
            }
            return encoding
        }
        let firstEnd = lineEnd(p, start)
        let first = UnsafeBufferPointer(rebasing: p[start..<firstEnd])
        if first.isEmpty { return (defaultEncoding, start) }
        if let e = try findCookie(first) { return (e, start) }
        if !isBlank(first) { return (defaultEncoding, start) }
        let second = UnsafeBufferPointer(rebasing: p[firstEnd..<lineEnd(p, firstEnd)])
        if second.isEmpty { return (defaultEncoding, start) }
        if let e = try findCookie(second) { return (e, start) }
        return (defaultEncoding, start)
    }
}
