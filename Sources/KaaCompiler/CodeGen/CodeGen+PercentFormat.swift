import KaaCore
import KaaSyntax

/// `'...%s...' % (a, b)` compiled as the f-string it is equivalent to. CPython 3.11 rewrites this in the AST
/// optimizer (Python/ast_opt.c optimize_format, called from fold_binop); Kaa's AST optimizer leaves the BinOp, so
/// code generation applies the same rewrite to the same node (the operands are already folded, and nothing folds a
/// JoinedStr further, so the result is the same). Literal pieces and format specs it creates have no location
/// (CPython builds them with positions -1), exactly as there.
extension CodeGen {
    /// The JoinedStr for `fmt % (elts...)`, or nil when CPython keeps the `%` operation.
    static func percentFormatAsJoinedStr(_ node: Expr, _ fmt: PyString, _ elts: [Expr]) -> Expr? {
        for e in elts { if case .starred = e.kind { return nil } }
        let s = fmt.codePoints
        let noPos = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
        var seq: [Expr] = []
        var pos = 0
        var cnt = 0
        let percent: UInt32 = 0x25
        while true {
            // CPython: parse_literal
            let start = pos
            var hasPercents = false
            while pos < s.count {
                if s[pos] != percent {
                    pos += 1
                } else if pos + 1 < s.count && s[pos + 1] == percent {
                    hasPercents = true
                    pos += 2
                } else {
                    break
                }
            }
            if pos != start {
                var lit = Array(s[start..<pos])
                if hasPercents {
                    var out: [UInt32] = []
                    var i = 0
                    while i < lit.count {
                        if lit[i] == percent && i + 1 < lit.count && lit[i + 1] == percent {
                            out.append(percent)
                            i += 2
                        } else {
                            out.append(lit[i])
                            i += 1
                        }
                    }
                    lit = out
                }
                seq.append(Expr(.constant(value: .str(PyString(codePoints: lit)), kind: nil), range: noPos))
            }
            if pos >= s.count { break }
            if cnt >= elts.count { return nil }
            pos += 1
            // CPython: parse_format / simple_format_arg_parse
            guard let (spec, flags, width, prec) = simpleFormatArgParse(s, &pos) else { return nil }
            let arg = elts[cnt]
            cnt += 1
            guard spec == 0x73 || spec == 0x72 || spec == 0x61 else { return nil } // s r a
            var buf = ""
            if flags & 1 == 0 && width > 0 { buf += ">" }
            if width >= 0 { buf += String(width) }
            if prec >= 0 { buf += "." + String(prec) }
            var formatSpec: Expr? = nil
            if !buf.isEmpty {
                formatSpec = Expr(.constant(value: .str(PyString(buf)), kind: nil), range: noPos)
            }
            seq.append(Expr(.formattedValue(value: arg, conversion: Int(spec), formatSpec: formatSpec),
                            range: arg.range))
        }
        if cnt < elts.count { return nil }
        return Expr(.joinedStr(values: seq), range: node.range)
    }

    /// CPython: simple_format_arg_parse — flags (bit 0: '-'), width and precision of at most 2 digits, the spec.
    private static func simpleFormatArgParse(_ s: [UInt32], _ ppos: inout Int)
        -> (spec: UInt32, flags: Int, width: Int, prec: Int)? {
        var pos = ppos
        var ch: UInt32 = 0
        func next() -> Bool {
            if pos >= s.count { return false }
            ch = s[pos]
            pos += 1
            return true
        }
        func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var flags = 0, width = -1, prec = -1
        while true {
            if !next() { return nil }
            switch ch {
            case 0x2D: flags |= 1; continue      // '-'
            case 0x2B, 0x20, 0x23, 0x30: continue // '+', ' ', '#', '0'
            default: break
            }
            break
        }
        if isDigit(ch) {
            width = 0
            var digits = 0
            while isDigit(ch) {
                width = width * 10 + Int(ch - 0x30)
                if !next() { return nil }
                digits += 1
                if digits >= 3 { return nil }
            }
        }
        if ch == 0x2E { // '.'
            if !next() { return nil }
            prec = 0
            var digits = 0
            while isDigit(ch) {
                prec = prec * 10 + Int(ch - 0x30)
                if !next() { return nil }
                digits += 1
                if digits >= 3 { return nil }
            }
        }
        ppos = pos
        return (ch, flags, width, prec)
    }
}
