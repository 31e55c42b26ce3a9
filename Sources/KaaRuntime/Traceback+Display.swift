import KaaBytecode
import KaaCompiler
import KaaSyntax

/// The `Traceback (most recent call last):` block of an uncaught exception, as CPython 3.11 prints it
/// (Python/traceback.c: tb_printinternal, tb_displayline, display_source_line_with_margin): each entry's
/// `File "…", line N, in NAME`, its source line without indentation, and under it the `~~~^^^` markers of the
/// instruction's columns from the code's location table (co_positions), narrowed to the operator of a binary
/// operation or to the brackets of a subscript by parsing the marked segment (extract_anchors_from_line).

/// CPython: TB_RECURSIVE_CUTOFF
private let recursiveCutoff = 3
/// CPython: _TRACEBACK_SOURCE_LINE_INDENT
private let sourceIndent = 4

/// Writes the header and the entries of the traceback chain `tb` (CPython: _PyTraceBack_Print_Indented).
/// `pre` goes before each line (an exception group's indent and margin); `headerPre` before the header.
func formatTraceback(_ tb: PyValue, header: String, headerPre: String, pre: String, into out: inout String) {
    var limit = 1000
    let limitValue = sysValue("tracebacklimit")
    if !limitValue.isNull && (limitValue.isSmallInt || limitValue.type == intType) {
        if let l = indexValue(limitValue) {
            if l <= 0 { return }
            limit = l
        } else {
            decref(fetchException())
            limit = Int.max
        }
    }
    out += headerPre + header
    // CPython: tb_printinternal — skip the outermost entries beyond the limit.
    var depth = 0
    var cursor = tb
    while !cursor.isNull { depth += 1; cursor = cursor.payload(TracebackObject.self).pointee.next }
    cursor = tb
    while !cursor.isNull && depth > limit {
        depth -= 1
        cursor = cursor.payload(TracebackObject.self).pointee.next
    }
    var lastFile = PyValue.null, lastName = PyValue.null
    var lastLine = -1
    var count = 0
    func repeated() {
        let n = count - recursiveCutoff
        // CPython writes this line without the group margin.
        out += "  [Previous line repeated \(n) more time\(n > 1 ? "s" : "")]\n"
    }
    while !cursor.isNull {
        let t = cursor.payload(TracebackObject.self)
        let code = frameCode(t.pointee.frame)
        let line = tracebackLineno(cursor)
        let file = code.pointee.filename, name = code.pointee.name
        if lastFile.isNull || file != lastFile || lastLine == -1 || line != lastLine || lastName.isNull
            || name != lastName {
            if count > recursiveCutoff { repeated() }
            lastFile = file
            lastLine = line
            lastName = name
            count = 0
        }
        count += 1
        if count <= recursiveCutoff {
            displayTracebackLine(code, lasti: t.pointee.lasti, line: line, pre: pre, into: &out)
        }
        cursor = t.pointee.next
    }
    if count > recursiveCutoff { repeated() }
}

@inline(__always) private func isBlank(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x0C }
@inline(__always) private func isBlankByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0C }

/// Line `line` of `filename` as code points, without its newline, as io's text reader gives it; nil for
/// `<string>`-like names, unreadable files and lines past the end (CPython: display_source_line_with_margin).
func tracebackSourceLine(_ filename: String, _ line: Int) -> [UInt32]? {
    if filename.hasPrefix("<") && filename.hasSuffix(">") { return nil }
    guard line >= 1, let lines = tracebackSourceLines(filename), line <= lines.count else { return nil }
    return lines[line - 1]
}

nonisolated(unsafe) private var tracebackSourceCache: [String: [[UInt32]]?] = [:]

/// The lines of a source file as io's text reader gives them: UTF-8 decoded, split at "\n", "\r\n" or "\r"
/// (universal newlines), without their ends; no empty line after a final newline.
private func tracebackSourceLines(_ filename: String) -> [[UInt32]]? {
    if let c = tracebackSourceCache[filename] { return c }
    var result: [[UInt32]]? = nil
    if let bytes = readFileBytes(filename) {
        var lines: [[UInt32]] = []
        var current: [UInt32] = []
        var previousCR = false
        for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let c = s.value
            if c == 0x0A && previousCR { previousCR = false; continue }
            previousCR = c == 0x0D
            if c == 0x0A || c == 0x0D { lines.append(current); current = [] } else { current.append(c) }
        }
        if !current.isEmpty { lines.append(current) }
        result = lines
    }
    tracebackSourceCache[filename] = result
    return result
}

/// CPython: _PyPegen_byte_offset_to_character_offset — the number of characters in the first `offset` bytes of
/// the line's UTF-8 (a cut character counts as one; past the end counts the NUL).
private func charOffset(_ line: ArraySlice<UInt32>, _ byteOffset: Int) -> Int {
    var bytes = 0, chars = 0
    for c in line {
        if bytes >= byteOffset { return chars }
        bytes += c < 0x80 ? 1 : (c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4))
        chars += 1
    }
    // Offsets past the end: CPython clamps to len + 1 and decodes the terminating NUL as one more character.
    if byteOffset > bytes { chars += 1 }
    return chars
}

/// The columns the first `offset` characters of `line` take on a terminal: East Asian wide and fullwidth
/// characters count two (python3 3.11.7 draws its markers in these columns; traceback.py: _display_width).
private func displayWidth(_ line: ArraySlice<UInt32>, _ offset: Int) -> Int {
    var width = 0, i = 0
    for c in line {
        if i >= offset { break }
        width += c >= 0x1100 && isEastAsianWide(c) ? 2 : 1
        i += 1
    }
    return width + max(offset - i, 0)
}

private func utf8Bytes(_ cps: ArraySlice<UInt32>) -> [UInt8] {
    Array(stringFromCodePoints(cps).utf8)
}

private func stringFromCodePoints(_ cps: ArraySlice<UInt32>) -> String {
    var s = String.UnicodeScalarView()
    for c in cps { s.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
    return String(s)
}

/// One entry (CPython: tb_displayline).
func displayTracebackLine(_ code: UnsafeMutablePointer<CodeObj>, lasti: Int, line: Int, pre: String,
                          into out: inout String) {
    let filename = strSwift(code.pointee.filename)
    out += pre + "  File \"\(filename)\", line \(line), in \(strSwift(code.pointee.name))\n"
    guard let source = tracebackSourceLine(filename, line) else { return }
    var indent = 0
    while indent < source.count && isBlank(source[indent]) { indent += 1 }
    let truncation = indent - sourceIndent
    out += pre + String(repeating: " ", count: sourceIndent) + stringFromCodePoints(source[indent...]) + "\n"

    // CPython: PyCode_Addr2Location at tb_lasti; no markers without a complete location.
    guard lasti >= 0, let original = codeOriginals[UInt(bitPattern: code)] else { return }
    let positions = original.positions()
    guard lasti / 2 < positions.count else { return }
    let p = positions[lasti / 2]
    guard let startLine = p.line, let endLine = p.endLine, let startCol = p.column, let endCol = p.endColumn,
          startLine >= 0, endLine >= 0, startCol >= 0, endCol >= 0 else { return }
    let whole = source[...]
    let startOffset = charOffset(whole, startCol)
    var endOffset = charOffset(whole, endCol)
    var leftEnd = -1, rightStart = -1
    var primary: Character = "^", secondary: Character = "^"
    if startLine == endLine {
        if let a = extractAnchors(source, filename: filename, start: startOffset, end: endOffset) {
            leftEnd = a.left
            rightStart = a.right
            primary = "~"
            secondary = "^"
        }
    } else {
        // A multi-line expression: mark to the last non-blank character of the line.
        var i = source.count - 1
        while i >= 0 && isBlank(source[i]) { i -= 1 }
        endOffset = i + 1
    }
    // No markers when the primary character would cover the whole stripped line.
    let strippedLength = source.count - truncation - sourceIndent
    let secondaryRanges = leftEnd != -1 || rightStart != -1
    if endOffset - startOffset == strippedLength && !secondaryRanges { return }
    // CPython: print_error_location_carets, over display columns.
    let dpStart = displayWidth(whole, startOffset), dpEnd = displayWidth(whole, endOffset)
    let dpLeftEnd = secondaryRanges ? displayWidth(whole, leftEnd) : -1
    let dpRightStart = secondaryRanges ? displayWidth(whole, rightStart) : -1
    var marks = pre
    var offset = truncation
    while true {
        offset += 1
        if offset > dpEnd { break }
        if offset <= dpStart {
            marks += " "
        } else if secondaryRanges && dpLeftEnd < offset && offset <= dpRightStart {
            marks.append(secondary)
        } else {
            marks.append(primary)
        }
    }
    out += marks + "\n"
}

/// CPython: extract_anchors_from_line — parses the marked segment as a module; a lone expression statement that
/// is a binary operation marks its operator (past closing parentheses), a subscript its brackets. Returns
/// character offsets in the line.
private func extractAnchors(_ line: [UInt32], filename: String, start: Int, end: Int) -> (left: Int, right: Int)? {
    // CPython: PyUnicode_Substring(line, start, end), clamped to the line.
    let lo = min(max(start, 0), line.count), hi = min(max(end, lo), line.count)
    let segment = line[lo..<hi]
    let bytes = utf8Bytes(segment)
    guard let parsed = try? parseSource(bytes, filename: filename, mode: .file, inputMode: .string),
          let module = try? ASTOptimizer.optimize(parsed, optimizeLevel: optimizationLevel),
          case .module(let body, _) = module, body.count == 1,
          case .expr(let value) = body[0].kind else { return nil }
    var left = -1, right = -1
    switch value.kind {
    case .binOp(let l, _, let r):
        var i = l.range.endColOffset
        let stop = min(r.range.colOffset, bytes.count)
        while i < stop {
            if isBlankByte(bytes[i]) { i += 1; continue }
            left = i
            right = i + 1
            // A two-character operator (`//`, `**`, `<<`...).
            if i + 1 < stop && !isBlankByte(bytes[i + 1]) { right += 1 }
            // A closing parenthesis of the left operand is not the operator: keep looking.
            if i + 1 < stop && bytes[i] == UInt8(ascii: ")") { i += 1; continue }
            break
        }
        if left < 0 { return (-1, -1) }
    case .subscript(let v, let slice, _):
        left = v.range.endColOffset
        right = slice.range.endColOffset + 1
        // To the brackets themselves (past parentheses and blanks).
        while left < bytes.count && bytes[left] != UInt8(ascii: "[") { left += 1 }
        while right < bytes.count && bytes[right] != UInt8(ascii: "]") { right += 1 }
        if right < bytes.count { right += 1 }
    default:
        return nil
    }
    return (charOffset(segment, left) + lo, charOffset(segment, right) + lo)
}
