import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

let stackUseGuideline = 30

extension CodeGen {
    /// CPython: compiler_visit_expr — the location is the expression's while it is compiled, then restored.
    func visitExpr(_ e: Expr) throws {
        let saved = u.loc
        setLoc(e.range)
        try visitExpr1(e)
        u.loc = saved
    }

    // CPython: compiler_visit_expr1
    private func visitExpr1(_ e: Expr) throws {
        switch e.kind {
        case .namedExpr(let target, let value):
            try visitExpr(value)
            addop(Op.COPY, 1)
            try visitExpr(target)
        case .boolOp(let op, let values):
            let jumpi = op == .and ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP
            let end = newBlock()
            for v in values.dropLast() {
                try visitExpr(v)
                addJump(jumpi, end)
                useNextBlock(newBlock())
            }
            if let last = values.last { try visitExpr(last) }
            useNextBlock(end)
        case .binOp(let left, let op, let right):
            if op == .mod, case .constant(.str(let fmt), _) = left.kind, case .tuple(let elts, _) = right.kind,
               let joined = CodeGen.percentFormatAsJoinedStr(e, fmt, elts) {
                try visitExpr1(joined)
                return
            }
            try visitExpr(left)
            try visitExpr(right)
            addop(Op.BINARY_OP, binaryOparg(op, inplace: false))
        case .unaryOp(let op, let operand):
            try visitExpr(operand)
            switch op {
            case .invert: addop(Op.UNARY_INVERT)
            case .not: addop(Op.UNARY_NOT)
            case .uAdd: addop(Op.UNARY_POSITIVE)
            case .uSub: addop(Op.UNARY_NEGATIVE)
            }
        case .lambda(let args, let body):
            try lambda(e, args, body)
        case .ifExp(let test, let body, let orelse):
            let end = newBlock(), next = newBlock()
            try jumpIf(test, next, false)
            try visitExpr(body)
            addJumpNoLine(Op.JUMP, end)
            useNextBlock(next)
            try visitExpr(orelse)
            useNextBlock(end)
        case .dict(let keys, let values):
            try dict(keys, values)
        case .set(let elts):
            try starUnpackHelper(elts, pushed: 0, build: Op.BUILD_SET, add: Op.SET_ADD, extend: Op.SET_UPDATE,
                                 tuple: false)
        case .generatorExp(let elt, let generators):
            try comprehension(e, .genexp, "<genexpr>", generators, elt, nil)
        case .listComp(let elt, let generators):
            try comprehension(e, .listcomp, "<listcomp>", generators, elt, nil)
        case .setComp(let elt, let generators):
            try comprehension(e, .setcomp, "<setcomp>", generators, elt, nil)
        case .dictComp(let key, let value, let generators):
            try comprehension(e, .dictcomp, "<dictcomp>", generators, key, value)
        case .yield(let value):
            if u.ste.type != .function { throw error("'yield' outside function") }
            if let v = value { try visitExpr(v) } else { loadConst(.none) }
            addYield()
        case .yieldFrom(let value):
            if u.ste.type != .function { throw error("'yield' outside function") }
            if u.scopeType == .asyncFunction { throw error("'yield from' inside async function") }
            try visitExpr(value)
            addop(Op.GET_YIELD_FROM_ITER)
            loadConst(.none)
            addYieldFrom(isAwait: false)
        case .await(let value):
            if !isTopLevelAwait {
                if u.ste.type != .function { throw error("'await' outside function") }
                if u.scopeType != .asyncFunction && u.scopeType != .comprehension {
                    throw error("'await' outside async function")
                }
            }
            try visitExpr(value)
            addop(Op.GET_AWAITABLE, 0)
            loadConst(.none)
            addYieldFrom(isAwait: true)
        case .compare(let left, let ops, let comparators):
            try compare(left, ops, comparators)
        case .call(let fn, let args, let keywords):
            try call(e, fn, args, keywords)
        case .constant(let v, _):
            loadConstValue(v)
        case .joinedStr(let values):
            if values.count > stackUseGuideline {
                loadConst(.str(PyString("")))
                addopNameRaw(Op.LOAD_METHOD, "join")
                addop(Op.BUILD_LIST, 0)
                for v in values {
                    try visitExpr(v)
                    addop(Op.LIST_APPEND, 1)
                }
                addop(Op.PRECALL, 1)
                addop(Op.CALL, 1)
            } else {
                for v in values { try visitExpr(v) }
                if values.count != 1 { addop(Op.BUILD_STRING, values.count) }
            }
        case .formattedValue(let value, let conversion, let spec):
            try visitExpr(value)
            var oparg: Int
            switch conversion {
            case 115: oparg = 1 // 's'
            case 114: oparg = 2 // 'r'
            case 97: oparg = 3  // 'a'
            default: oparg = 0
            }
            if let spec = spec {
                try visitExpr(spec)
                oparg |= 4
            }
            addop(Op.FORMAT_VALUE, oparg)
        case .attribute(let value, let attr, let ctx):
            try visitExpr(value)
            updateStartLocationToMatchAttr(e)
            switch ctx {
            case .load: addopName(Op.LOAD_ATTR, attr)
            case .store:
                try checkForbidden(attr, .store)
                addopName(Op.STORE_ATTR, attr)
            case .del: addopName(Op.DELETE_ATTR, attr)
            }
        case .subscript(let value, let slice, let ctx):
            if ctx == .load {
                try checkSubscripter(value)
                try checkIndex(value, slice)
            }
            try visitExpr(value)
            try visitExpr(slice)
            addop(ctx == .load ? Op.BINARY_SUBSCR : ctx == .store ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR)
        case .starred(_, let ctx):
            if ctx == .store { throw error("starred assignment target must be in a list or tuple") }
            throw error("can't use starred expression here")
        case .slice(let lower, let upper, let step):
            if let l = lower { try visitExpr(l) } else { loadConst(.none) }
            if let x = upper { try visitExpr(x) } else { loadConst(.none) }
            var n = 2
            if let s = step {
                n += 1
                try visitExpr(s)
            }
            addop(Op.BUILD_SLICE, n)
        case .name(let id, let ctx):
            try nameop(id, ctx)
        case .list(let elts, let ctx):
            switch ctx {
            case .store: try assignmentHelper(elts)
            case .load: try starUnpackHelper(elts, pushed: 0, build: Op.BUILD_LIST, add: Op.LIST_APPEND,
                                             extend: Op.LIST_EXTEND, tuple: false)
            case .del: for x in elts { try visitExpr(x) }
            }
        case .tuple(let elts, let ctx):
            switch ctx {
            case .store: try assignmentHelper(elts)
            case .load: try starUnpackHelper(elts, pushed: 0, build: Op.BUILD_LIST, add: Op.LIST_APPEND,
                                             extend: Op.LIST_EXTEND, tuple: true)
            case .del: for x in elts { try visitExpr(x) }
            }
        }
    }

    /// CPython: addop_binary (NB_* numbers of opcode._nb_ops)
    func binaryOparg(_ op: BinaryOperator, inplace: Bool) -> Int {
        let base: Int
        switch op {
        case .add: base = 0
        case .bitAnd: base = 1
        case .floorDiv: base = 2
        case .lShift: base = 3
        case .matMult: base = 4
        case .mult: base = 5
        case .mod: base = 6
        case .bitOr: base = 7
        case .pow: base = 8
        case .rShift: base = 9
        case .sub: base = 10
        case .div: base = 11
        case .bitXor: base = 12
        }
        return inplace ? base + 13 : base
    }

    /// CPython: addop_yield
    func addYield() {
        if u.ste.isGenerator && u.ste.isCoroutine { addop(Op.ASYNC_GEN_WRAP) }
        addop(Op.YIELD_VALUE)
        addop(Op.RESUME, 1)
    }

    /// CPython: compiler_add_yield_from
    func addYieldFrom(isAwait: Bool) {
        let start = newBlock(), resume = newBlock(), exit = newBlock()
        useNextBlock(start)
        addJump(Op.SEND, exit)
        useNextBlock(resume)
        addop(Op.YIELD_VALUE)
        addop(Op.RESUME, isAwait ? 3 : 2)
        addJump(Op.JUMP_NO_INTERRUPT, start)
        useNextBlock(exit)
    }

    /// CPython: update_start_location_to_match_attr
    func updateStartLocationToMatchAttr(_ attr: Expr) {
        guard case .attribute(_, let name, _) = attr.kind else { return }
        if u.loc.line != attr.range.endLineno {
            u.loc.line = attr.range.endLineno
            let len = name.unicodeScalars.count
            if len <= attr.range.endColOffset {
                u.loc.col = attr.range.endColOffset - len
            } else {
                u.loc.col = -1
                u.loc.endCol = -1
            }
            u.loc.endLine = max(u.loc.line, u.loc.endLine)
            if u.loc.line == u.loc.endLine {
                u.loc.endCol = max(u.loc.col, u.loc.endCol)
            }
        }
    }

    static func isConstant(_ e: Expr?) -> Bool {
        if let e = e, case .constant = e.kind { return true }
        return false
    }

    // CPython: starunpack_helper
    func starUnpackHelper(_ elts: [Expr], pushed: Int, build: Int, add: Int, extend: Int, tuple: Bool) throws {
        let n = elts.count
        if n > 2 && elts.allSatisfy({ CodeGen.isConstant($0) }) {
            var folded: [BytecodeConstant] = []
            for e in elts { if case .constant(let v, _) = e.kind { folded.append(BytecodeConstant(v)) } }
            if tuple && pushed == 0 {
                loadConst(.tuple(folded))
            } else {
                addop(build, pushed)
                loadConst(add == Op.SET_ADD ? .frozenset(dedupe(folded)) : .tuple(folded))
                addop(extend, 1)
                if tuple { addop(Op.LIST_TO_TUPLE) }
            }
            return
        }
        let big = n + pushed > stackUseGuideline
        let seenStar = elts.contains { if case .starred = $0.kind { return true } else { return false } }
        if !seenStar && !big {
            for e in elts { try visitExpr(e) }
            addop(tuple ? Op.BUILD_TUPLE : build, n + pushed)
            return
        }
        var built = false
        if big {
            addop(build, pushed)
            built = true
        }
        for (i, e) in elts.enumerated() {
            if case .starred(let v, _) = e.kind {
                if !built {
                    addop(build, i + pushed)
                    built = true
                }
                try visitExpr(v)
                addop(extend, 1)
            } else {
                try visitExpr(e)
                if built { addop(add, 1) }
            }
        }
        if tuple { addop(Op.LIST_TO_TUPLE) }
    }

    /// A frozenset's distinct elements, first occurrence kept (set semantics: 1 and True are equal).
    func dedupe(_ items: [BytecodeConstant]) -> [BytecodeConstant] {
        var out: [BytecodeConstant] = []
        for x in items where !out.contains(where: { pyEqual($0, x) }) { out.append(x) }
        return out
    }

    // CPython: unpack_helper + assignment_helper
    func assignmentHelper(_ elts: [Expr]) throws {
        let n = elts.count
        var seenStar = false
        for (i, e) in elts.enumerated() {
            if case .starred = e.kind {
                if !seenStar {
                    if i >= (1 << 8) || n - i - 1 >= (Int(Int32.max) >> 8) {
                        throw error("too many expressions in star-unpacking assignment")
                    }
                    addop(Op.UNPACK_EX, i + ((n - i - 1) << 8))
                    seenStar = true
                } else {
                    throw error("multiple starred expressions in assignment")
                }
            }
        }
        if !seenStar { addop(Op.UNPACK_SEQUENCE, n) }
        for e in elts {
            if case .starred(let v, _) = e.kind { try visitExpr(v) } else { try visitExpr(e) }
        }
    }

    // CPython: compiler_subdict
    func subdict(_ keys: [Expr?], _ values: [Expr], _ begin: Int, _ end: Int) throws {
        let n = end - begin
        let big = n * 2 > stackUseGuideline
        if n > 1 && !big && keys[begin..<end].allSatisfy({ CodeGen.isConstant($0) }) {
            for i in begin..<end { try visitExpr(values[i]) }
            var ks: [BytecodeConstant] = []
            for i in begin..<end { if let k = keys[i], case .constant(let v, _) = k.kind { ks.append(BytecodeConstant(v)) } }
            loadConst(.tuple(ks))
            addop(Op.BUILD_CONST_KEY_MAP, n)
            return
        }
        if big { addop(Op.BUILD_MAP, 0) }
        for i in begin..<end {
            if let k = keys[i] { try visitExpr(k) }
            try visitExpr(values[i])
            if big { addop(Op.MAP_ADD, 1) }
        }
        if !big { addop(Op.BUILD_MAP, n) }
    }

    // CPython: compiler_dict
    func dict(_ keys: [Expr?], _ values: [Expr]) throws {
        let n = values.count
        var haveDict = false
        var elements = 0
        for i in 0..<n {
            if keys[i] == nil {
                if elements > 0 {
                    try subdict(keys, values, i - elements, i)
                    if haveDict { addop(Op.DICT_UPDATE, 1) }
                    haveDict = true
                    elements = 0
                }
                if !haveDict {
                    addop(Op.BUILD_MAP, 0)
                    haveDict = true
                }
                try visitExpr(values[i])
                addop(Op.DICT_UPDATE, 1)
            } else {
                if elements * 2 > stackUseGuideline {
                    try subdict(keys, values, i - elements, i + 1)
                    if haveDict { addop(Op.DICT_UPDATE, 1) }
                    haveDict = true
                    elements = 0
                } else {
                    elements += 1
                }
            }
        }
        if elements > 0 {
            try subdict(keys, values, n - elements, n)
            if haveDict { addop(Op.DICT_UPDATE, 1) }
            haveDict = true
        }
        if !haveDict { addop(Op.BUILD_MAP, 0) }
    }

    /// CPython: compiler_addcompare
    func addCompare(_ op: CompareOperator) {
        switch op {
        case .eq: addop(Op.COMPARE_OP, 2)
        case .notEq: addop(Op.COMPARE_OP, 3)
        case .lt: addop(Op.COMPARE_OP, 0)
        case .ltE: addop(Op.COMPARE_OP, 1)
        case .gt: addop(Op.COMPARE_OP, 4)
        case .gtE: addop(Op.COMPARE_OP, 5)
        case .is: addop(Op.IS_OP, 0)
        case .isNot: addop(Op.IS_OP, 1)
        case .in: addop(Op.CONTAINS_OP, 0)
        case .notIn: addop(Op.CONTAINS_OP, 1)
        }
    }

    // CPython: compiler_compare
    func compare(_ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr]) throws {
        try checkCompare(left, ops, comparators)
        try visitExpr(left)
        let n = ops.count - 1
        if n == 0 {
            try visitExpr(comparators[0])
            addCompare(ops[0])
            return
        }
        let cleanup = newBlock()
        for i in 0..<n {
            try visitExpr(comparators[i])
            addop(Op.SWAP, 2)
            addop(Op.COPY, 2)
            addCompare(ops[i])
            addJump(Op.JUMP_IF_FALSE_OR_POP, cleanup)
        }
        try visitExpr(comparators[n])
        addCompare(ops[n])
        let end = newBlock()
        addJumpNoLine(Op.JUMP, end)
        useNextBlock(cleanup)
        addop(Op.SWAP, 2)
        addop(Op.POP_TOP)
        useNextBlock(end)
    }

    /// CPython: compiler_jump_if
    func jumpIf(_ e: Expr, _ next: BasicBlock, _ cond: Bool) throws {
        switch e.kind {
        case .unaryOp(.not, let operand):
            try jumpIf(operand, next, !cond)
            return
        case .boolOp(let op, let values):
            let cond2 = op == .or
            var next2 = next
            if cond2 != cond { next2 = newBlock() }
            for v in values.dropLast() { try jumpIf(v, next2, cond2) }
            if let last = values.last { try jumpIf(last, next, cond) }
            if next2 !== next { useNextBlock(next2) }
            return
        case .ifExp(let test, let body, let orelse):
            let end = newBlock(), next2 = newBlock()
            try jumpIf(test, next2, false)
            try jumpIf(body, next, cond)
            addJumpNoLine(Op.JUMP, end)
            useNextBlock(next2)
            try jumpIf(orelse, next, cond)
            useNextBlock(end)
            return
        case .compare(let left, let ops, let comparators):
            // CPython sets the location before it knows whether the comparison is chained.
            setLoc(e.range)
            let n = ops.count - 1
            if n <= 0 { break }
            try checkCompare(left, ops, comparators)
            let cleanup = newBlock()
            try visitExpr(left)
            for i in 0..<n {
                try visitExpr(comparators[i])
                addop(Op.SWAP, 2)
                addop(Op.COPY, 2)
                addCompare(ops[i])
                addJump(Op.POP_JUMP_IF_FALSE, cleanup)
            }
            try visitExpr(comparators[n])
            addCompare(ops[n])
            addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next)
            let end = newBlock()
            addJumpNoLine(Op.JUMP, end)
            useNextBlock(cleanup)
            addop(Op.POP_TOP)
            if !cond { addJumpNoLine(Op.JUMP, next) }
            useNextBlock(end)
            return
        default:
            break
        }
        try visitExpr(e)
        addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next)
    }
}

/// Python `==` between constants of the kinds a set display can fold (numbers compare across types).
func pyEqual(_ a: BytecodeConstant, _ b: BytecodeConstant) -> Bool {
    func num(_ c: BytecodeConstant) -> Double? {
        switch c {
        case .bool(let x): return x ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .bool(let y)), (.bool(let y), .int(let x)): return x == BigInt(y ? 1 : 0)
    default:
        if let x = num(a), let y = num(b) { return x == y }
        return a == b
    }
}
