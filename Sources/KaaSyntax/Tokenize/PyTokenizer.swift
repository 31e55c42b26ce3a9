// Lib/tokenize.py 3.11's `_tokenize` generator, line for line, over generalised-UTF-8 lines (see Tokenize+Unicode).
// This is the pure-Python tokenizer `python -m tokenize` runs, not CPython's C tokenizer: it emits ENCODING, COMMENT,
// NL and ERRORTOKEN, never fails on bad characters, and reports positions in code points of the decoded line.

/// Token types of Lib/token.py 3.11 (the numbers `tok_name` maps).
public enum PyTokenType: UInt8, Sendable {
    case endmarker = 0, name = 1, number = 2, string = 3, newline = 4, indent = 5, dedent = 6
    case op = 54
    case errortoken = 60, comment = 61, nl = 62, encoding = 63

    public var name: String {
        switch self {
        case .endmarker: return "ENDMARKER"
        case .name: return "NAME"
        case .number: return "NUMBER"
        case .string: return "STRING"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .op: return "OP"
        case .errortoken: return "ERRORTOKEN"
        case .comment: return "COMMENT"
        case .nl: return "NL"
        case .encoding: return "ENCODING"
        }
    }
}

/// Receives the tokens as `_tokenize` yields them. `text` is only valid during the call.
public protocol PyTokenSink {
    mutating func token(_ type: PyTokenType, _ text: UnsafeBufferPointer<UInt8>,
                        _ startRow: Int, _ startCol: Int, _ endRow: Int, _ endCol: Int)
    /// Called before each line is read: everything the previous lines yield has been received.
    mutating func willReadLine()
}

extension PyTokenSink {
    public mutating func willReadLine() {}
}

/// The exceptions `_tokenize` raises itself (decoding errors come from the line source).
public enum PyTokenizeError: Error, Equatable {
    /// tokenize.TokenError(message, (line, column))
    case tokenError(String, line: Int, column: Int)
    /// IndentationError(message, ("<tokenize>", line, column, text))
    case indentationError(String, line: Int, column: Int)
}

public struct PyTokenizer {
    static let tabsize = 8

    /// Runs `_tokenize(readline, encoding)`. `readLine` returns the next decoded line (with its newline), or an empty
    /// array at the end of input, every time it is called after that; it may throw (a decoding error).
    public static func run<Sink: PyTokenSink>(encoding: String?, sink: inout Sink,
                                               readLine: () throws -> [UInt8]) throws {
        var state = PyTokenizer()
        try state.tokenize(encoding: encoding, sink: &sink, readLine: readLine)
    }

    var lnum = 0
    var parenlev = 0
    var continued = false
    var contstr: [UInt8] = []
    var inContstr = false
    var needcont = false
    var strstart = (row: 0, col: 0)
    var endprogTriple = false
    var endprogQuote: UInt8 = 0
    var indents: [Int] = [0]

    // Code-point column of a byte offset in the current line, computed incrementally (offsets asked for in a line
    // mostly grow).
    var lineIsASCII = true
    var cursorByte = 0
    var cursorCol = 0

    mutating func tokenize<Sink: PyTokenSink>(encoding: String?, sink: inout Sink,
                                              readLine: () throws -> [UInt8]) throws {
        if let encoding = encoding {
            // CPython: "BOM will already have been stripped."
            let name = Array((encoding == "utf-8-sig" ? "utf-8" : encoding).utf8)
            name.withUnsafeBufferPointer { sink.token(.encoding, $0, 0, 0, 0, 0) }
        }
        var lastLine: [UInt8] = []
        var line: [UInt8] = []
        while true {
            swap(&lastLine, &line)
            sink.willReadLine()
            line = try readLine()
            lnum += 1
            let more = try line.withUnsafeBufferPointer { try processLine($0, sink: &sink) }
            if !more { break }
        }
        // Add an implicit NEWLINE if the input doesn't end in one
        if let last = lastLine.last, last != 0x0A, last != 0x0D, !Self.startsWithCommentAfterStrip(lastLine) {
            let len = TokenizeUnicode.count(lastLine)
            emitEmpty(.newline, lnum - 1, len, lnum - 1, len + 1, &sink)
        }
        for _ in indents.dropFirst() {
            emitEmpty(.dedent, lnum, 0, lnum, 0, &sink)
        }
        emitEmpty(.endmarker, lnum, 0, lnum, 0, &sink)
    }

    /// `last_line.strip().startswith("#")`
    static func startsWithCommentAfterStrip(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (cp, len) = TokenizeUnicode.decode(p, i)
                if !TokenizeUnicode.isSpace(cp) { return cp == 0x23 }
                i += len
            }
            return false
        }
    }

    @inline(__always)
    func emitEmpty<Sink: PyTokenSink>(_ type: PyTokenType, _ sr: Int, _ sc: Int, _ er: Int, _ ec: Int,
                                       _ sink: inout Sink) {
        sink.token(type, UnsafeBufferPointer(start: nil, count: 0), sr, sc, er, ec)
    }

    @inline(__always)
    mutating func column(_ l: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        if lineIsASCII { return offset }
        if offset < cursorByte {
            cursorByte = 0
            cursorCol = 0
        }
        cursorCol += TokenizeUnicode.count(l, cursorByte, offset)
        cursorByte = offset
        return cursorCol
    }

    /// One iteration of `_tokenize`'s `while True` loop for a line that has been read. Returns false to `break`.
    mutating func processLine<Sink: PyTokenSink>(_ l: UnsafeBufferPointer<UInt8>, sink: inout Sink) throws -> Bool {
        let max = l.count
        var pos = 0
        lineIsASCII = true
        for b in l where b >= 0x80 {
            lineIsASCII = false
            break
        }
        cursorByte = 0
        cursorCol = 0

        if inContstr {                                          // continued string
            if max == 0 {
                throw PyTokenizeError.tokenError("EOF in multi-line string", line: strstart.row, column: strstart.col)
            }
            let endmatch = endprogTriple ? TokenizePatterns.tripleEnd(l, 0, endprogQuote)
                                         : TokenizePatterns.singleEnd(l, 0, endprogQuote)
            if let end = endmatch {
                pos = end
                contstr.append(contentsOf: UnsafeBufferPointer(rebasing: l[0..<end]))
                let endCol = column(l, end)
                contstr.withUnsafeBufferPointer {
                    sink.token(.string, $0, strstart.row, strstart.col, lnum, endCol)
                }
                contstr.removeAll(keepingCapacity: true)
                inContstr = false
                needcont = false
            } else if needcont && !Self.endsWithBackslashNewline(l) {
                contstr.append(contentsOf: l)
                let endCol = column(l, max)
                contstr.withUnsafeBufferPointer {
                    sink.token(.errortoken, $0, strstart.row, strstart.col, lnum, endCol)
                }
                // tokenize.py leaves `needcont` set here.
                contstr.removeAll(keepingCapacity: true)
                inContstr = false
                return true
            } else {
                contstr.append(contentsOf: l)
                return true
            }
        } else if parenlev == 0 && !continued {                 // new statement
            if max == 0 { return false }
            var column = 0
            while pos < max {                                   // measure leading whitespace
                let b = l[pos]
                if b == 0x20 {
                    column += 1
                } else if b == 0x09 {
                    column = (column / Self.tabsize + 1) * Self.tabsize
                } else if b == 0x0C {
                    column = 0
                } else {
                    break
                }
                pos += 1
            }
            if pos == max { return false }

            let c = l[pos]
            if c == 0x23 || c == 0x0D || c == 0x0A {              // skip comments or blank lines
                if c == 0x23 {
                    var e = max                                 // line[pos:].rstrip('\r\n')
                    while e > pos && (l[e - 1] == 0x0A || l[e - 1] == 0x0D) { e -= 1 }
                    let sc = pos  // leading whitespace is ASCII: byte offset == column
                    let ec = self.column(l, e)
                    sink.token(.comment, UnsafeBufferPointer(rebasing: l[pos..<e]), lnum, sc, lnum, ec)
                    pos = e
                }
                let sc = self.column(l, pos)
                let ec = self.column(l, max)
                sink.token(.nl, UnsafeBufferPointer(rebasing: l[pos..<max]), lnum, sc, lnum, ec)
                return true
            }

            if column > indents[indents.count - 1] {             // count indents or dedents
                indents.append(column)
                sink.token(.indent, UnsafeBufferPointer(rebasing: l[0..<pos]), lnum, 0, lnum, pos)
            }
            while column < indents[indents.count - 1] {
                if !indents.contains(column) {
                    throw PyTokenizeError.indentationError("unindent does not match any outer indentation level",
                                                           line: lnum, column: pos)
                }
                indents.removeLast()
                emitEmpty(.dedent, lnum, pos, lnum, pos, &sink)
            }
        } else {                                                // continued statement
            if max == 0 {
                throw PyTokenizeError.tokenError("EOF in multi-line statement", line: lnum, column: 0)
            }
            continued = false
        }

        while pos < max {
            guard let m = TokenizePatterns.pseudo(l, pos) else {
                let len = Swift.min(TokenizeUnicode.sequenceLength(l[pos]), max - pos)
                let sc = column(l, pos)
                sink.token(.errortoken, UnsafeBufferPointer(rebasing: l[pos..<(pos + len)]), lnum, sc, lnum, sc + 1)
                pos += len
                continue
            }
            let start = m.start, end = m.end
            pos = end
            if start == end { continue }
            let token = UnsafeBufferPointer(rebasing: l[start..<end])
            switch m.kind {
            case .empty:
                continue
            case .number:
                let sc = column(l, start)
                sink.token(.number, token, lnum, sc, lnum, column(l, end))
            case .newline:
                let sc = column(l, start)
                sink.token(parenlev > 0 ? .nl : .newline, token, lnum, sc, lnum, column(l, end))
            case .comment:
                let sc = column(l, start)
                sink.token(.comment, token, lnum, sc, lnum, column(l, end))
            case .triple:
                if let e = TokenizePatterns.tripleEnd(l, pos, m.quote) {   // all on one line
                    pos = e
                    let sc = column(l, start)
                    sink.token(.string, UnsafeBufferPointer(rebasing: l[start..<e]), lnum, sc, lnum, column(l, e))
                } else {                                                     // multiple lines
                    strstart = (lnum, column(l, start))
                    contstr.removeAll(keepingCapacity: true)
                    contstr.append(contentsOf: UnsafeBufferPointer(rebasing: l[start..<max]))
                    inContstr = true
                    endprogTriple = true
                    endprogQuote = m.quote
                    return true
                }
            case .string:
                if l[end - 1] == 0x0A {                                      // continued string
                    strstart = (lnum, column(l, start))
                    contstr.removeAll(keepingCapacity: true)
                    contstr.append(contentsOf: UnsafeBufferPointer(rebasing: l[start..<max]))
                    inContstr = true
                    needcont = true
                    endprogTriple = false
                    endprogQuote = m.quote
                    return true
                } else {                                                     // ordinary string
                    let sc = column(l, start)
                    sink.token(.string, token, lnum, sc, lnum, column(l, end))
                }
            case .name:
                // `initial.isidentifier()`; other \w characters (digits of other scripts, '²') are OP tokens.
                let (cp, _) = TokenizeUnicode.decode(l, start)
                let sc = column(l, start)
                sink.token(TokenizeUnicode.isIdentifierStart(cp) ? .name : .op, token, lnum, sc, lnum, column(l, end))
            case .continuation:
                continued = true
            case .op:
                let b = l[start]
                if b == 0x28 || b == 0x5B || b == 0x7B {
                    parenlev += 1
                } else if b == 0x29 || b == 0x5D || b == 0x7D {
                    parenlev -= 1
                }
                let sc = column(l, start)
                sink.token(.op, token, lnum, sc, lnum, column(l, end))
            }
        }
        return true
    }

    /// `line[-2:] == '\\\n' or line[-3:] == '\\\r\n'`
    static func endsWithBackslashNewline(_ l: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = l.count
        if n >= 2 && l[n - 1] == 0x0A && l[n - 2] == 0x5C { return true }
        if n >= 3 && l[n - 1] == 0x0A && l[n - 2] == 0x0D && l[n - 3] == 0x5C { return true }
        return false
    }
}
