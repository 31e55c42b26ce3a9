import KaaCore
import KaaSyntax

/// CPython: Python/ast_unparse.c — the limited unparser that turns annotations back into source text under
/// `from __future__ import annotations` (`_PyAST_ExprAsUnicode`). Works on code points so that string constants
/// with lone surrogates survive.
enum ASTUnparse {
    // Priority levels (CPython: PR_*)
    static let prTuple = 0, prTest = 1, prOr = 2, prAnd = 3, prNot = 4, prCmp = 5, prExpr = 6, prBor = 6,
               prBxor = 7, prBand = 8, prShift = 9, prArith = 10, prTerm = 11, prFactor = 12, prPower = 13,
               prAwait = 14, prAtom = 15

    static func expr(_ e: Expr) -> PyString {
        var w = Writer()
        w.expr(e, prTest)
        return PyString(codePoints: w.out)
    }

    struct Writer {
        var out: [UInt32] = []

        mutating func s(_ str: String) { out.append(contentsOf: str.unicodeScalars.map { $0.value }) }
        mutating func s(_ str: PyString) { out.append(contentsOf: str.codePoints) }
        mutating func sIf(_ c: Bool, _ str: String) { if c { s(str) } }

        mutating func repr(_ v: ConstantValue) {
            var r = v.repr
            switch v {
            case .float(let d) where d.isInfinite: r = r.replacingAll("inf", "1e309")
            case .complex: r = r.replacingAll("inf", "1e309")
            default: break
            }
            s(PyString(r))
        }

        mutating func constant(_ v: ConstantValue) {
            if case .tuple(let items) = v {
                s("(")
                for (i, x) in items.enumerated() {
                    sIf(i > 0, ", ")
                    constant(x)
                }
                sIf(items.count == 1, ",")
                s(")")
                return
            }
            if case .str(let str) = v {
                s(PyString(PyRepr.string(str)))
                return
            }
            repr(v)
        }

        mutating func arg(_ a: Arg) {
            s(a.arg)
            if let ann = a.annotation {
                s(": ")
                expr(ann, prTest)
            }
        }

        mutating func args(_ a: Arguments) {
            var first = true
            func sep(_ w: inout Writer) { if !first { w.s(", ") }; first = false }
            let npos = a.posonlyargs.count, nargs = a.args.count, ndef = a.defaults.count
            for i in 0..<(npos + nargs) {
                sep(&self)
                arg(i < npos ? a.posonlyargs[i] : a.args[i - npos])
                let di = i - npos - nargs + ndef
                if di >= 0 {
                    s("=")
                    expr(a.defaults[di], prTest)
                }
                if npos > 0 && i + 1 == npos { s(", /") }
            }
            if a.vararg != nil || !a.kwonlyargs.isEmpty {
                sep(&self)
                s("*")
                if let v = a.vararg { arg(v) }
            }
            let nkw = a.kwonlyargs.count, nkwd = a.kwDefaults.count
            for i in 0..<nkw {
                sep(&self)
                arg(a.kwonlyargs[i])
                let di = i - nkw + nkwd
                if di >= 0, let d = a.kwDefaults[di] {
                    s("=")
                    expr(d, prTest)
                }
            }
            if let k = a.kwarg {
                sep(&self)
                s("**")
                arg(k)
            }
        }

        mutating func comprehensions(_ gens: [Comprehension]) {
            for g in gens {
                s(g.isAsync != 0 ? " async for " : " for ")
                expr(g.target, prTuple)
                s(" in ")
                expr(g.iter, prTest + 1)
                for c in g.ifs {
                    s(" if ")
                    expr(c, prTest + 1)
                }
            }
        }

        static func escapeBraces(_ v: [UInt32]) -> [UInt32] {
            var out: [UInt32] = []
            for c in v {
                out.append(c)
                if c == 0x7B || c == 0x7D { out.append(c) }
            }
            return out
        }

        mutating func fstringElement(_ e: Expr, _ isFormatSpec: Bool) {
            switch e.kind {
            case .constant(let v, _):
                if case .str(let str) = v { out.append(contentsOf: Writer.escapeBraces(str.codePoints)) }
            case .joinedStr(let values): joinedStr(values, isFormatSpec)
            case .formattedValue: formattedValue(e)
            default: break
            }
        }

        mutating func joinedStr(_ values: [Expr], _ isFormatSpec: Bool) {
            var body = Writer()
            for v in values { body.fstringElement(v, isFormatSpec) }
            if !isFormatSpec {
                s("f")
                s(PyString(PyRepr.string(PyString(codePoints: body.out))))
            } else {
                out.append(contentsOf: body.out)
            }
        }

        mutating func formattedValue(_ e: Expr) {
            guard case .formattedValue(let value, let conversion, let spec) = e.kind else { return }
            var inner = Writer()
            inner.expr(value, prTest + 1)
            s(inner.out.first == 0x7B ? "{ " : "{")
            out.append(contentsOf: inner.out)
            switch conversion {
            case 97: s("!a")
            case 114: s("!r")
            case 115: s("!s")
            default: break
            }
            if let spec = spec {
                s(":")
                fstringElement(spec, true)
            }
            s("}")
        }

        mutating func expr(_ e: Expr, _ level: Int) {
            switch e.kind {
            case .boolOp(let op, let values):
                let pr = op == .and ? prAnd : prOr
                sIf(level > pr, "(")
                for (i, v) in values.enumerated() {
                    sIf(i > 0, op == .and ? " and " : " or ")
                    expr(v, pr + 1)
                }
                sIf(level > pr, ")")
            case .binOp(let left, let op, let right):
                let (text, pr): (String, Int)
                switch op {
                case .add: (text, pr) = (" + ", prArith)
                case .sub: (text, pr) = (" - ", prArith)
                case .mult: (text, pr) = (" * ", prTerm)
                case .matMult: (text, pr) = (" @ ", prTerm)
                case .div: (text, pr) = (" / ", prTerm)
                case .mod: (text, pr) = (" % ", prTerm)
                case .lShift: (text, pr) = (" << ", prShift)
                case .rShift: (text, pr) = (" >> ", prShift)
                case .bitOr: (text, pr) = (" | ", prBor)
                case .bitXor: (text, pr) = (" ^ ", prBxor)
                case .bitAnd: (text, pr) = (" & ", prBand)
                case .floorDiv: (text, pr) = (" // ", prTerm)
                case .pow: (text, pr) = (" ** ", prPower)
                }
                let rassoc = op == .pow ? 1 : 0
                sIf(level > pr, "(")
                expr(left, pr + rassoc)
                s(text)
                expr(right, pr + 1 - rassoc)
                sIf(level > pr, ")")
            case .unaryOp(let op, let operand):
                let (text, pr): (String, Int)
                switch op {
                case .invert: (text, pr) = ("~", prFactor)
                case .not: (text, pr) = ("not ", prNot)
                case .uAdd: (text, pr) = ("+", prFactor)
                case .uSub: (text, pr) = ("-", prFactor)
                }
                sIf(level > pr, "(")
                s(text)
                expr(operand, pr)
                sIf(level > pr, ")")
            case .lambda(let a, let body):
                sIf(level > prTest, "(")
                s(a.args.count + a.posonlyargs.count > 0 ? "lambda " : "lambda")
                args(a)
                s(": ")
                expr(body, prTest)
                sIf(level > prTest, ")")
            case .ifExp(let test, let body, let orelse):
                sIf(level > prTest, "(")
                expr(body, prTest + 1)
                s(" if ")
                expr(test, prTest + 1)
                s(" else ")
                expr(orelse, prTest)
                sIf(level > prTest, ")")
            case .dict(let keys, let values):
                s("{")
                for (i, v) in values.enumerated() {
                    sIf(i > 0, ", ")
                    if let k = keys[i] {
                        expr(k, prTest)
                        s(": ")
                        expr(v, prTest)
                    } else {
                        s("**")
                        expr(v, prExpr)
                    }
                }
                s("}")
            case .set(let elts):
                s("{")
                for (i, x) in elts.enumerated() {
                    sIf(i > 0, ", ")
                    expr(x, prTest)
                }
                s("}")
            case .generatorExp(let elt, let gens):
                s("(")
                expr(elt, prTest)
                comprehensions(gens)
                s(")")
            case .listComp(let elt, let gens):
                s("[")
                expr(elt, prTest)
                comprehensions(gens)
                s("]")
            case .setComp(let elt, let gens):
                s("{")
                expr(elt, prTest)
                comprehensions(gens)
                s("}")
            case .dictComp(let key, let value, let gens):
                s("{")
                expr(key, prTest)
                s(": ")
                expr(value, prTest)
                comprehensions(gens)
                s("}")
            case .yield(let value):
                if let v = value {
                    s("(yield ")
                    expr(v, prTest)
                    s(")")
                } else {
                    s("(yield)")
                }
            case .yieldFrom(let value):
                s("(yield from ")
                expr(value, prTest)
                s(")")
            case .await(let value):
                sIf(level > prAwait, "(")
                s("await ")
                expr(value, prAtom)
                sIf(level > prAwait, ")")
            case .compare(let left, let ops, let comparators):
                sIf(level > prCmp, "(")
                expr(left, prCmp + 1)
                for (i, op) in ops.enumerated() {
                    switch op {
                    case .eq: s(" == ")
                    case .notEq: s(" != ")
                    case .lt: s(" < ")
                    case .ltE: s(" <= ")
                    case .gt: s(" > ")
                    case .gtE: s(" >= ")
                    case .is: s(" is ")
                    case .isNot: s(" is not ")
                    case .in: s(" in ")
                    case .notIn: s(" not in ")
                    }
                    if i < comparators.count { expr(comparators[i], prCmp + 1) }
                }
                sIf(level > prCmp, ")")
            case .call(let fn, let callArgs, let keywords):
                expr(fn, prAtom)
                if callArgs.count == 1 && keywords.isEmpty, case .generatorExp = callArgs[0].kind {
                    expr(callArgs[0], prTest)
                    return
                }
                s("(")
                var first = true
                for a in callArgs {
                    if !first { s(", ") }
                    first = false
                    expr(a, prTest)
                }
                for k in keywords {
                    if !first { s(", ") }
                    first = false
                    if let name = k.arg {
                        s(name)
                        s("=")
                    } else {
                        s("**")
                    }
                    expr(k.value, prTest)
                }
                s(")")
            case .constant(let v, let kind):
                if case .ellipsis = v {
                    s("...")
                    return
                }
                if let k = kind { s(k) }
                constant(v)
            case .joinedStr(let values):
                joinedStr(values, false)
            case .formattedValue:
                formattedValue(e)
            case .attribute(let v, let attr, _):
                expr(v, prAtom)
                if case .constant(.int, _) = v.kind { s(" .") } else { s(".") }
                s(attr)
            case .subscript(let v, let slice, _):
                expr(v, prAtom)
                var lvl = prTuple
                if case .tuple(let elts, _) = slice.kind,
                   elts.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
                    lvl += 1
                }
                s("[")
                expr(slice, lvl)
                s("]")
            case .starred(let v, _):
                s("*")
                expr(v, prExpr)
            case .slice(let lower, let upper, let step):
                if let l = lower { expr(l, prTest) }
                s(":")
                if let u = upper { expr(u, prTest) }
                if let st = step {
                    s(":")
                    expr(st, prTest)
                }
            case .name(let id, _):
                s(id)
            case .list(let elts, _):
                s("[")
                for (i, x) in elts.enumerated() {
                    sIf(i > 0, ", ")
                    expr(x, prTest)
                }
                s("]")
            case .tuple(let elts, _):
                if elts.isEmpty {
                    s("()")
                    return
                }
                sIf(level > prTuple, "(")
                for (i, x) in elts.enumerated() {
                    sIf(i > 0, ", ")
                    expr(x, prTest)
                }
                sIf(elts.count == 1, ",")
                sIf(level > prTuple, ")")
            case .namedExpr(let target, let value):
                sIf(level > prTuple, "(")
                expr(target, prAtom)
                s(" := ")
                expr(value, prAtom)
                sIf(level > prTuple, ")")
            }
        }
    }
}

extension String {
    /// Every occurrence of `a` replaced by `b` (no Foundation).
    func replacingAll(_ a: String, _ b: String) -> String {
        let src = Array(unicodeScalars), pat = Array(a.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < src.count {
            if i + pat.count <= src.count && Array(src[i..<(i + pat.count)]) == pat {
                out.append(contentsOf: b.unicodeScalars)
                i += pat.count
            } else {
                out.append(src[i])
                i += 1
            }
        }
        return String(out)
    }
}
