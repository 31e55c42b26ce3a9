/// Source bytes → the UTF-8 buffer the tokenizer reads: UTF-8 BOM, PEP 263 coding cookie on line 1 or 2, declared
/// non-UTF-8 encodings, universal newlines, the final '\n', and the per-line checks (non-UTF-8 code without a
/// declared encoding, NUL bytes) whose errors wait until the tokenizer reaches that line.
/// (CPython: check_bom, check_coding_spec, get_coding_spec, get_normal_name, ensure_utf8, valid_utf8,
/// tok_underflow_file, decode_str, translate_newlines)
extension Lexer {
    struct Decoded {
        var bytes: [UInt8]
        var limit: Int
        var errorAtLimit: SyntaxErrorInfo?
        var encoding: String?
        var lineStarts: [Int]
        var lastLineUnterminated: Bool
        var hasBOM = false
    }

    static func decode(_ src: [UInt8], filename: String, mode: InputMode, execInput: Bool = true) throws -> Decoded {
        var d = try decodeSource(src, filename: filename, mode: mode, execInput: execInput)
        d.hasBOM = mode != .string && src.count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
        return d
    }

    static func decodeSource(_ src: [UInt8], filename: String, mode: InputMode, execInput: Bool = true) throws -> Decoded {
        var start = 0
        var hasBOM = false
        if mode != .string, src.count >= 3, src[0] == 0xEF, src[1] == 0xBB, src[2] == 0xBF {
            hasBOM = true
            start = 3
        }
        if mode != .file, src.contains(0) {
            // compile()/ast.parse() refuse NUL bytes before tokenizing.
            throw SyntaxErrorInfo(message: "source code string cannot contain null bytes", filename: filename)
        }
        // The first two physical lines, where a coding cookie may be.
        var rawLines = physicalLines(src, from: start, maxLines: 2)

        var encoding: String? = hasBOM ? "utf-8" : (mode == .string ? "utf-8" : nil)
        var codec: SourceCodec? = nil
        var cookieLine = 0   // lines up to this one are read raw; later ones go through `codec`

        // PEP 263: a coding spec in a comment on line 1, or on line 2 if line 1 is blank or a comment.
        if mode != .string {
            for k in 0..<min(2, rawLines.count) {
                let line = rawLines[k]
                if let spec = codingSpec(line) {
                    if hasBOM {
                        if spec != "utf-8" {
                            throw encodingError(mode == .file ? "encoding problem: \(spec) with BOM"
                                                             : "encoding problem: \(spec) with BOM", filename, mode)
                        }
                    } else if spec != "utf-8" {
                        guard let c = SourceCodec(name: spec) else {
                            throw encodingError(mode == .file ? "encoding problem: \(spec)" : "unknown encoding: \(spec)",
                                                filename, mode)
                        }
                        codec = c
                        cookieLine = k + 1
                    }
                    encoding = spec
                    break
                }
                if !isBlankOrComment(line) { break }
            }
        }

        if codec == nil {
            return decodeUTF8Fast(src, from: start, filename: filename, mode: mode, encoding: encoding)
        }
        rawLines = physicalLines(src, from: start, maxLines: Int.max)
        var out: [UInt8] = []
        out.reserveCapacity(src.count + 1)
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(rawLines.count)
        var limit = -1
        var errorAtLimit: SyntaxErrorInfo? = nil
        var position = 0   // offset of the line in the newline-translated source (for bytes-mode messages)
        for (k, line) in rawLines.enumerated() {
            let lineno = k + 1
            var content: [UInt8]
            // A file's first lines up to the cookie were read raw; compile() decodes the whole string.
            if let codec = codec, mode != .file || lineno > cookieLine {
                guard let d = codec.decode(line) else {
                    if mode == .file {
                        throw encodingError("encoding problem: \(encoding ?? codec.name)", filename, mode)
                    }
                    // CPython: the UnicodeDecodeError of translate_into_utf8, as a SyntaxError without location. It
                    // decodes the whole newline-translated input at once, so a sequence cut by the end of a line meets
                    // the '\n' (and what follows): the codec's first error in the rest of the input, not in the line.
                    var rest: [UInt8] = []
                    for (j, l) in rawLines[k...].enumerated() {
                        if j > 0 { rest.append(0x0A) }
                        rest += l
                    }
                    let n = src.count
                    if execInput || (n > 0 && (src[n - 1] == 0x0A || src[n - 1] == 0x0D)) { rest.append(0x0A) }
                    let (a, b, reason) = codec.decodeError(rest[...])
                    let what = b - a == 1
                        ? "byte 0x\(hex2(a < rest.count ? rest[a] : 0)) in position \(position + a)"
                        : "bytes in position \(position + a)-\(position + b - 1)"
                    throw encodingError("'\(codec.errorName)' codec can't decode \(what): \(reason)", filename, mode)
                }
                content = d
            } else {
                content = Array(line)
            }
            if mode == .file {
                // CPython checks each line as it reads it: NUL bytes, and without a declared encoding UTF-8 validity,
                // whichever comes first in the line.
                // Lines before the cookie's line were read before the encoding was known.
                let undeclared = encoding == nil || lineno < cookieLine
                if let problem = firstLineProblem(content, checkUTF8: undeclared) {
                    limit = out.count
                    switch problem {
                    case .nul(let at):
                        errorAtLimit = SyntaxErrorInfo(
                            message: "source code cannot contain null bytes", filename: filename, lineno: lineno,
                            offset: 0, endLineno: lineno, endOffset: 0,
                            text: String(decoding: content[0..<at], as: UTF8.self))
                    case .badByte(let b):
                        errorAtLimit = SyntaxErrorInfo(
                            message: "Non-UTF-8 code starting with '\\x\(hex2(b))' in file \(filename) on line \(lineno), "
                                + "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            filename: filename)
                    }
                    lineStarts.append(out.count)
                    out.append(contentsOf: content)
                    out.append(0x0A)
                    // Later lines stay out of the buffer: the tokenizer never reads past the error.
                    break
                }
            }
            lineStarts.append(out.count)
            out.append(contentsOf: content)
            out.append(0x0A)  // a last line without '\n' gets one, as tok_underflow_file fakes it
            position += line.count + 1
        }
        if limit < 0 { limit = out.count }
        let n = src.count
        let unterminated = n > start && src[n - 1] != 0x0A && src[n - 1] != 0x0D
        return Decoded(bytes: out, limit: limit, errorAtLimit: errorAtLimit, encoding: encoding,
                       lineStarts: lineStarts, lastLineUnterminated: unterminated)
    }

    /// Physical lines (without terminators) with universal newlines: '\r\n' and '\r' end a line too.
    static func physicalLines(_ src: [UInt8], from start: Int, maxLines: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var i = start
        var lineBegin = start
        let n = src.count
        while i < n && lines.count < maxLines {
            let b = src[i]
            if b == 0x0A || b == 0x0D {
                lines.append(src[lineBegin..<i])
                if b == 0x0D && i + 1 < n && src[i + 1] == 0x0A { i += 1 }
                i += 1
                lineBegin = i
            } else {
                i += 1
            }
        }
        if lineBegin < n && lines.count < maxLines { lines.append(src[lineBegin..<n]) }
        return lines
    }

    /// The common case, in one pass over the bytes: no codec, newlines translated, NUL bytes and (without a
    /// declared encoding) invalid UTF-8 checked line by line as tok_underflow_file does.
    static func decodeUTF8Fast(_ src: [UInt8], from start: Int, filename: String, mode: InputMode,
                               encoding: String?) -> Decoded {
        let checkUTF8 = mode == .file && encoding == nil
        let checkNUL = mode == .file
        var out = [UInt8](repeating: 0, count: src.count - start + 1)
        var lineStarts: [Int] = [0]
        var o = 0
        var errorAtLimit: SyntaxErrorInfo? = nil
        var limit = -1
        src.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { d in
                var i = start
                let n = s.count
                var lineBegin = 0
                guard let sp = s.baseAddress, let dp = d.baseAddress else { return }
                while i < n {
                    // Eight plain bytes (0x0E..<0x80: no line end, NUL or non-ASCII) at a time. `o <= i - start`
                    // (newline translation only shrinks), so the store stays inside `out` (src.count - start + 1).
                    while i &+ 8 <= n {
                        let w = UnsafeRawPointer(sp + i).loadUnaligned(as: UInt64.self)
                        let high: UInt64 = 0x8080_8080_8080_8080
                        // Bytes >= 0x80, or < 0x0E (w - 0x0E.. borrows into the top bit of such a byte).
                        if (w & high) != 0 || ((w &- 0x0E0E_0E0E_0E0E_0E0E) & ~w & high) != 0 { break }
                        UnsafeMutableRawPointer(dp + o).storeBytes(of: w, toByteOffset: 0, as: UInt64.self)
                        i &+= 8
                        o &+= 8
                    }
                    if i >= n { break }
                    let b = s[i]
                    if b >= 0x0E && b < 0x80 {
                        d[o] = b; o += 1; i += 1
                        continue
                    }
                    if b == 0x0A || b == 0x0D {
                        d[o] = 0x0A; o += 1; i += 1
                        if b == 0x0D && i < n && s[i] == 0x0A { i += 1 }
                        lineBegin = o
                        if i < n { lineStarts.append(o) }
                        continue
                    }
                    if b == 0 && checkNUL {
                        let lineno = lineStarts.count
                        errorAtLimit = SyntaxErrorInfo(
                            message: "source code cannot contain null bytes", filename: filename, lineno: lineno,
                            offset: 0, endLineno: lineno, endOffset: 0,
                            text: String(decoding: UnsafeBufferPointer(rebasing: d[lineBegin..<o]), as: UTF8.self))
                        limit = lineBegin
                        break
                    }
                    if b >= 0x80 && checkUTF8 {
                        let len = validUTF8(s, i)
                        if len == 0 {
                            errorAtLimit = SyntaxErrorInfo(
                                message: "Non-UTF-8 code starting with '\\x\(hex2(b))' in file \(filename) on line "
                                    + "\(lineStarts.count), but no encoding declared; "
                                    + "see https://peps.python.org/pep-0263/ for details",
                                filename: filename)
                            limit = lineBegin
                            break
                        }
                        for k in 0..<len { d[o + k] = s[i + k] }
                        o += len; i += len
                        continue
                    }
                    d[o] = b; o += 1; i += 1
                }
            }
        }
        if let _ = errorAtLimit {
            // Keep the failing line (up to the error) readable for texts; the tokenizer stops at `limit`.
            out.removeSubrange(o...)
            out.append(0x0A)
        } else {
            if o > 0 && out[o - 1] != 0x0A {
                out[o] = 0x0A   // a last line without '\n' gets one, as tok_underflow_file fakes it
                o += 1
            }
            out.removeSubrange(o...)
            limit = o
        }
        if out.isEmpty { lineStarts = [] }
        let n = src.count
        let unterminated = n > start && src[n - 1] != 0x0A && src[n - 1] != 0x0D
        return Decoded(bytes: out, limit: limit, errorAtLimit: errorAtLimit, encoding: encoding,
                       lineStarts: lineStarts, lastLineUnterminated: unterminated)
    }

    static func hex2(_ b: UInt8) -> String {
        let s = String(b, radix: 16)
        return s.count == 1 ? "0" + s : s
    }

    static func encodingError(_ message: String, _ filename: String, _ mode: InputMode) -> SyntaxErrorInfo {
        if mode == .file { return SyntaxErrorInfo(message: message, filename: filename) }
        return SyntaxErrorInfo(message: message, filename: filename, lineno: 0, offset: -1)
    }

    /// CPython: the check_coding_spec loop — a line of only whitespace and/or a comment keeps looking at line 2.
    static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        for b in line {
            if b == 0x23 { return true }
            if b != 0x20 && b != 0x09 && b != 0x0C { return false }
        }
        return true
    }

    /// CPython: get_coding_spec + get_normal_name. The spec must be in a comment that is the only thing on the line:
    /// `coding[:=]\s*([-\w.]+)`.
    static func codingSpec(_ lineSlice: ArraySlice<UInt8>) -> String? {
        let s = Array(lineSlice) + [0x0A]   // CPython sees the line with its '\n'
        let size = s.count
        var i = 0
        while i < size - 6 {
            if s[i] == 0x23 { break }
            if s[i] != 0x20 && s[i] != 0x09 && s[i] != 0x0C { return nil }
            i += 1
        }
        let coding: [UInt8] = Array("coding".utf8)
        while i < size - 6 {
            if Array(s[i..<i + 6]) == coding {
                var t = i + 6
                if t < size && (s[t] == 0x3A || s[t] == 0x3D) {
                    repeat { t += 1 } while t < size && (s[t] == 0x20 || s[t] == 0x09)
                    let begin = t
                    while t < size {
                        let c = s[t]
                        let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                        if alnum || c == 0x2D || c == 0x5F || c == 0x2E { t += 1 } else { break }
                    }
                    if begin < t {
                        return normalName(String(decoding: s[begin..<t], as: UTF8.self))
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// CPython: get_normal_name — "utf-8" and "latin-1" spellings (first 12 characters, '_' → '-', lowercased).
    static func normalName(_ s: String) -> String {
        var b = ""
        for (k, ch) in s.unicodeScalars.enumerated() {
            if k >= 12 { break }
            b.unicodeScalars.append(ch == "_" ? "-" : Unicode.Scalar(UInt8(ascii: ch.properties.lowercaseMapping.unicodeScalars.first ?? ch)))
        }
        if b == "utf-8" || b.hasPrefix("utf-8-") { return "utf-8" }
        if b == "latin-1" || b == "iso-8859-1" || b == "iso-latin-1" || b.hasPrefix("latin-1-")
            || b.hasPrefix("iso-8859-1-") || b.hasPrefix("iso-latin-1-") {
            return "iso-8859-1"
        }
        return s
    }

    enum LineProblem { case nul(Int), badByte(UInt8) }

    /// The first NUL byte or (when `checkUTF8`) the first byte starting an invalid UTF-8 sequence
    /// (CPython: ensure_utf8 / valid_utf8, which reject overlongs, surrogates and values above U+10FFFF).
    static func firstLineProblem(_ s: [UInt8], checkUTF8: Bool) -> LineProblem? {
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b == 0 { return .nul(i) }
            if b < 0x80 { i += 1; continue }
            if !checkUTF8 { i += 1; continue }
            let len = validUTF8(s, i)
            if len == 0 { return .badByte(b) }
            i += len
        }
        return nil
    }

    /// CPython: valid_utf8 — the length of the valid UTF-8 sequence at `i`, or 0.
    static func validUTF8(_ s: [UInt8], _ i: Int) -> Int {
        s.withUnsafeBufferPointer { validUTF8($0, i) }
    }

    static func validUTF8(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = s[i]
        @inline(__always) func at(_ k: Int) -> UInt8 { i + k < s.count ? s[i + k] : 0 }
        var expected = 0
        if b < 0x80 { return 1 }
        if b < 0xE0 {
            if b < 0xC2 { return 0 }
            expected = 1
        } else if b < 0xF0 {
            if b == 0xE0 && at(1) < 0xA0 { return 0 }
            if b == 0xED && at(1) >= 0xA0 { return 0 }
            expected = 2
        } else if b < 0xF5 {
            if at(1) < 0x90 ? b == 0xF0 : b == 0xF4 { return 0 }
            expected = 3
        } else {
            return 0
        }
        for k in 1...expected {
            let c = at(k)
            if c < 0x80 || c >= 0xC0 { return 0 }
        }
        return expected + 1
    }
}

/// A declared source encoding other than UTF-8 (CPython decodes such files through the codec module): the
/// single-byte codecs of the `encodings` package (generated tables), UTF-8, Latin-1, ASCII, and the CJK multi-byte
/// codecs Shift JIS, CP932, EUC-KR, CP949, Big5, GB2312, GBK, GB18030 (tables generated from CPython's codecs,
/// SourceCodec+MultiByte.swift). Other codecs (EUC-JP, ISO-2022, UTF-16/32, ...) are reported as an "encoding
/// problem".
struct SourceCodec {
    enum Kind { case utf8, latin1, ascii, charmap([UInt32]), multiByte(MultiByteCodec) }
    let name: String
    let kind: Kind
    /// The Python codec module (encodings.<module>), e.g. "cp1252", "shift_jis".
    var module = ""

    /// Looks up a codec as codecs.lookup does: lowercase, encodings.normalize_encoding, then the alias table.
    init?(name: String) {
        self.name = name
        var norm = ""
        var punct = false
        for ch in name.lowercased().unicodeScalars {
            let alnum = ch.properties.isAlphabetic || ch.properties.numericType != nil
            if alnum || ch == "." {
                if punct && !norm.isEmpty { norm += "_" }
                if ch.isASCII { norm.unicodeScalars.append(ch) }
                punct = false
            } else {
                punct = true
            }
        }
        let module = SourceCodecTables.aliases[norm]
            ?? SourceCodecTables.aliases[String(norm.map { $0 == "." ? "_" : $0 })]
            ?? norm
        self.module = module
        switch module {
        case "utf_8": kind = .utf8
        case "latin_1": kind = .latin1
        case "ascii": kind = .ascii
        default:
            if let codec = MultiByteCodec.named(module) {
                kind = .multiByte(codec)
                return
            }
            guard let table = SourceCodecTables.charmaps[module] else { return nil }
            var t = [UInt32](repeating: 0xFFFE, count: 256)
            for (i, u) in table.unicodeScalars.enumerated() where i < 256 { t[i] = u.value }
            kind = .charmap(t)
        }
    }

    /// The codec name Python's UnicodeDecodeError shows.
    var errorName: String {
        switch kind {
        case .utf8: return "utf-8"
        case .latin1: return "latin-1"
        case .ascii: return "ascii"
        case .charmap: return "charmap"
        case .multiByte: return module
        }
    }

    /// Where and why decoding `line` fails (range relative to the line, end exclusive), as Python's codecs say.
    func decodeError(_ line: ArraySlice<UInt8>) -> (Int, Int, String) {
        let bytes = Array(line)
        switch kind {
        case .utf8:
            return bytes.withUnsafeBufferPointer { b in
                let p = UnsafeMutablePointer(mutating: b.baseAddress!)
                return Lexer.utf8DecodeError(p, 0, bytes.count) ?? (0, 1, "invalid start byte")
            }
        case .ascii:
            let i = bytes.firstIndex { $0 >= 0x80 } ?? 0
            return (i, i + 1, "ordinal not in range(128)")
        case .charmap(let table):
            let i = bytes.firstIndex { table[Int($0)] == 0xFFFE } ?? 0
            return (i, i + 1, "character maps to <undefined>")
        case .multiByte(let codec):
            if case .failure(let f) = codec.decode(line) { return (f.offset, f.offset + f.length, f.reason) }
            return (0, 1, "illegal multibyte sequence")
        case .latin1:
            return (0, 1, "illegal multibyte sequence")
        }
    }

    /// The line as UTF-8, or nil if it is not valid in this encoding.
    func decode(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        switch kind {
        case .utf8:
            var i = line.startIndex
            let s = Array(line)
            i = 0
            while i < s.count {
                let len = Lexer.validUTF8(s, i)
                if len == 0 { return nil }
                i += len
            }
            return s
        case .latin1:
            var out: [UInt8] = []
            out.reserveCapacity(line.count)
            for b in line { SourceCodec.appendUTF8(UInt32(b), &out) }
            return out
        case .ascii:
            for b in line where b >= 0x80 { return nil }
            return Array(line)
        case .charmap(let table):
            var out: [UInt8] = []
            out.reserveCapacity(line.count)
            for b in line {
                let cp = table[Int(b)]
                if cp == 0xFFFE { return nil }
                SourceCodec.appendUTF8(cp, &out)
            }
            return out
        case .multiByte(let codec):
            if case .success(let bytes) = codec.decode(line) { return bytes }
            return nil
        }
    }

    static func appendUTF8(_ cp: UInt32, _ out: inout [UInt8]) {
        if cp < 0x80 {
            out.append(UInt8(cp))
        } else if cp < 0x800 {
            out.append(UInt8(0xC0 | (cp >> 6))); out.append(UInt8(0x80 | (cp & 0x3F)))
        } else if cp < 0x10000 {
            out.append(UInt8(0xE0 | (cp >> 12))); out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (cp >> 18))); out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
        }
    }
}
