import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

/// CPython: pattern_context
final class PatternContext {
    var stores: [String] = []
    var allowIrrefutable = false
    var failPop: [BasicBlock] = []
    var onTop = 0
}

extension CodeGen {
    static func isWildcard(_ p: Pattern) -> Bool {
        if case .matchAs(nil, nil) = p.kind { return true }
        return false
    }
    static func isWildcardStar(_ p: Pattern) -> Bool {
        if case .matchStar(nil) = p.kind { return true }
        return false
    }

    // CPython: ensure_fail_pop
    func ensureFailPop(_ pc: PatternContext, _ n: Int) {
        while pc.failPop.count < n + 1 { pc.failPop.append(newBlock()) }
    }

    // CPython: jump_to_fail_pop
    func jumpToFailPop(_ pc: PatternContext, _ op: Int) {
        let pops = pc.onTop + pc.stores.count
        ensureFailPop(pc, pops)
        addJump(op, pc.failPop[pops])
    }

    // CPython: emit_and_reset_fail_pop
    func emitAndResetFailPop(_ pc: PatternContext) {
        if pc.failPop.isEmpty { return }
        var i = pc.failPop.count - 1
        while i > 0 {
            useNextBlock(pc.failPop[i])
            addop(Op.POP_TOP)
            i -= 1
        }
        useNextBlock(pc.failPop[0])
        pc.failPop = []
    }

    func patternRotate(_ count: Int) {
        var c = count
        while c > 1 {
            addop(Op.SWAP, c)
            c -= 1
        }
    }

    // CPython: pattern_helper_store_name
    func patternStoreName(_ n: String?, _ pc: PatternContext) throws {
        guard let n = n else {
            addop(Op.POP_TOP)
            return
        }
        try checkForbidden(n, .store)
        if pc.stores.contains(n) {
            throw error("multiple assignments to name '\(n)' in pattern")
        }
        patternRotate(pc.onTop + pc.stores.count + 1)
        pc.stores.append(n)
    }

    // CPython: pattern_unpack_helper
    func patternUnpackHelper(_ elts: [Pattern]) throws {
        let n = elts.count
        var seenStar = false
        for (i, e) in elts.enumerated() {
            if case .matchStar = e.kind {
                if !seenStar {
                    if i >= (1 << 8) || n - i - 1 >= (Int(Int32.max) >> 8) {
                        throw error("too many expressions in star-unpacking sequence pattern")
                    }
                    addop(Op.UNPACK_EX, i + ((n - i - 1) << 8))
                    seenStar = true
                } else {
                    throw error("multiple starred expressions in sequence pattern")
                }
            }
        }
        if !seenStar { addop(Op.UNPACK_SEQUENCE, n) }
    }

    func patternSubpattern(_ p: Pattern, _ pc: PatternContext) throws {
        let allow = pc.allowIrrefutable
        pc.allowIrrefutable = true
        try pattern(p, pc)
        pc.allowIrrefutable = allow
    }

    /// CPython: compiler_pattern
    func pattern(_ p: Pattern, _ pc: PatternContext) throws {
        setLoc(p.range)
        switch p.kind {
        case .matchValue(let value):
            switch value.kind {
            case .constant, .attribute: break
            default: throw error("patterns may only match literals and attribute lookups")
            }
            try visitExpr(value)
            addCompare(.eq)
            jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        case .matchSingleton(let value):
            loadConstValue(value)
            addCompare(.is)
            jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        case .matchSequence(let patterns):
            try patternSequence(patterns, pc)
        case .matchMapping(let keys, let patterns, let rest):
            try patternMapping(keys, patterns, rest, pc)
        case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
            try patternClass(p, cls, patterns, kwdAttrs, kwdPatterns, pc)
        case .matchStar(let name):
            try patternStoreName(name, pc)
        case .matchAs(let sub, let name):
            guard let sub = sub else {
                if !pc.allowIrrefutable {
                    if let name = name {
                        throw error("name capture '\(name)' makes remaining patterns unreachable")
                    }
                    throw error("wildcard makes remaining patterns unreachable")
                }
                try patternStoreName(name, pc)
                return
            }
            pc.onTop += 1
            addop(Op.COPY, 1)
            try pattern(sub, pc)
            pc.onTop -= 1
            try patternStoreName(name, pc)
        case .matchOr(let alts):
            try patternOr(alts, pc)
        }
    }

    // CPython: compiler_pattern_sequence
    func patternSequence(_ patterns: [Pattern], _ pc: PatternContext) throws {
        let size = patterns.count
        var star = -1
        var onlyWildcard = true
        var starWildcard = false
        for (i, p) in patterns.enumerated() {
            if case .matchStar = p.kind {
                if star >= 0 { throw error("multiple starred names in sequence pattern") }
                starWildcard = CodeGen.isWildcardStar(p)
                onlyWildcard = onlyWildcard && starWildcard
                star = i
                continue
            }
            onlyWildcard = onlyWildcard && CodeGen.isWildcard(p)
        }
        pc.onTop += 1
        addop(Op.MATCH_SEQUENCE)
        jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        if star < 0 {
            addop(Op.GET_LEN)
            loadConst(.int(BigInt(size)))
            addCompare(.eq)
            jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        } else if size > 1 {
            addop(Op.GET_LEN)
            loadConst(.int(BigInt(size - 1)))
            addCompare(.gtE)
            jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        }
        pc.onTop -= 1
        if onlyWildcard {
            addop(Op.POP_TOP)
        } else if starWildcard {
            // CPython: pattern_helper_sequence_subscr
            pc.onTop += 1
            for (i, p) in patterns.enumerated() {
                if CodeGen.isWildcard(p) || i == star { continue }
                addop(Op.COPY, 1)
                if i < star {
                    loadConst(.int(BigInt(i)))
                } else {
                    addop(Op.GET_LEN)
                    loadConst(.int(BigInt(size - i)))
                    addop(Op.BINARY_OP, binaryOparg(.sub, inplace: false))
                }
                addop(Op.BINARY_SUBSCR)
                try patternSubpattern(p, pc)
            }
            pc.onTop -= 1
            addop(Op.POP_TOP)
        } else {
            // CPython: pattern_helper_sequence_unpack
            try patternUnpackHelper(patterns)
            pc.onTop += size
            for p in patterns {
                pc.onTop -= 1
                try patternSubpattern(p, pc)
            }
        }
    }

    // CPython: compiler_pattern_mapping
    func patternMapping(_ keys: [Expr], _ patterns: [Pattern], _ rest: String?, _ pc: PatternContext) throws {
        let size = keys.count
        if size != patterns.count {
            throw error("keys (\(size)) / patterns (\(patterns.count)) length mismatch in mapping pattern")
        }
        pc.onTop += 1
        addop(Op.MATCH_MAPPING)
        jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        if size == 0 && rest == nil {
            pc.onTop -= 1
            addop(Op.POP_TOP)
            return
        }
        if size > 0 {
            addop(Op.GET_LEN)
            loadConst(.int(BigInt(size)))
            addCompare(.gtE)
            jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        }
        var seen: [BytecodeConstant] = []
        for key in keys {
            if case .constant(let v, _) = key.kind {
                let c = BytecodeConstant(v)
                if seen.contains(where: { pyEqual($0, c) }) {
                    throw error("mapping pattern checks duplicate key (\(v.repr))")
                }
                seen.append(c)
            } else if case .attribute = key.kind {
            } else {
                throw error("mapping pattern keys may only match literals and attribute lookups")
            }
            try visitExpr(key)
        }
        addop(Op.BUILD_TUPLE, size)
        addop(Op.MATCH_KEYS)
        pc.onTop += 2
        addop(Op.COPY, 1)
        loadConst(.none)
        addop(Op.IS_OP, 1)
        jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        addop(Op.UNPACK_SEQUENCE, size)
        pc.onTop += size - 1
        for p in patterns {
            pc.onTop -= 1
            try patternSubpattern(p, pc)
        }
        pc.onTop -= 2
        if let rest = rest {
            addop(Op.BUILD_MAP, 0)
            addop(Op.SWAP, 3)
            addop(Op.DICT_UPDATE, 2)
            addop(Op.UNPACK_SEQUENCE, size)
            var s = size
            while s > 0 {
                addop(Op.COPY, 1 + s)
                s -= 1
                addop(Op.SWAP, 2)
                addop(Op.DELETE_SUBSCR)
            }
            try patternStoreName(rest, pc)
        } else {
            addop(Op.POP_TOP)
            addop(Op.POP_TOP)
        }
    }

    // CPython: compiler_pattern_class
    func patternClass(_ p: Pattern, _ cls: Expr, _ patterns: [Pattern], _ kwdAttrs: [String],
                      _ kwdPatterns: [Pattern], _ pc: PatternContext) throws {
        let nargs = patterns.count, nattrs = kwdAttrs.count
        if nattrs != kwdPatterns.count {
            throw error("kwd_attrs (\(nattrs)) / kwd_patterns (\(kwdPatterns.count)) length mismatch in class pattern")
        }
        if nattrs > 0 {
            for (i, attr) in kwdAttrs.enumerated() {
                setLoc(kwdPatterns[i].range)
                try checkForbidden(attr, .store)
                for j in (i + 1)..<nattrs where kwdAttrs[j] == attr {
                    setLoc(kwdPatterns[j].range)
                    throw error("attribute name repeated in class pattern: \(attr)")
                }
            }
            setLoc(p.range)
        }
        try visitExpr(cls)
        let attrs: [BytecodeConstant] = kwdAttrs.map { .str(PyString($0)) }
        interned.noteIdentifiers(attrs)
        loadConst(.tuple(attrs))
        addop(Op.MATCH_CLASS, nargs)
        addop(Op.COPY, 1)
        loadConst(.none)
        addop(Op.IS_OP, 1)
        pc.onTop += 1
        jumpToFailPop(pc, Op.POP_JUMP_IF_FALSE)
        addop(Op.UNPACK_SEQUENCE, nargs + nattrs)
        pc.onTop += nargs + nattrs - 1
        for i in 0..<(nargs + nattrs) {
            pc.onTop -= 1
            let sub = i < nargs ? patterns[i] : kwdPatterns[i - nargs]
            if CodeGen.isWildcard(sub) {
                addop(Op.POP_TOP)
                continue
            }
            try patternSubpattern(sub, pc)
        }
    }

    // CPython: compiler_pattern_or
    func patternOr(_ alts: [Pattern], _ pc: PatternContext) throws {
        let end = newBlock()
        let oldStores = pc.stores, oldAllow = pc.allowIrrefutable, oldFailPop = pc.failPop, oldOnTop = pc.onTop
        var control: [String]? = nil
        for (i, alt) in alts.enumerated() {
            setLoc(alt.range)
            pc.stores = []
            pc.allowIrrefutable = (i == alts.count - 1) && oldAllow
            pc.failPop = []
            pc.onTop = 0
            addop(Op.COPY, 1)
            try pattern(alt, pc)
            let nstores = pc.stores.count
            if i == 0 {
                control = pc.stores
            } else if nstores != control!.count {
                throw error("alternative patterns bind different names")
            } else if nstores > 0 {
                let ctl = control!
                var icontrol = nstores
                while icontrol > 0 {
                    icontrol -= 1
                    let name = ctl[icontrol]
                    guard let istores = pc.stores.firstIndex(of: name) else {
                        throw error("alternative patterns bind different names")
                    }
                    if icontrol != istores {
                        let rotations = istores + 1
                        let rotated = Array(pc.stores[0..<rotations])
                        pc.stores.removeSubrange(0..<rotations)
                        pc.stores.insert(contentsOf: rotated, at: icontrol - istores)
                        for _ in 0..<rotations { patternRotate(icontrol + 1) }
                    }
                }
            }
            addJump(Op.JUMP, end)
            emitAndResetFailPop(pc)
        }
        pc.stores = oldStores
        pc.allowIrrefutable = oldAllow
        pc.failPop = oldFailPop
        pc.onTop = oldOnTop
        addop(Op.POP_TOP)
        jumpToFailPop(pc, Op.JUMP)
        useNextBlock(end)
        let ctl = control ?? []
        let nrots = ctl.count + 1 + pc.onTop + pc.stores.count
        for name in ctl {
            patternRotate(nrots)
            if pc.stores.contains(name) {
                throw error("multiple assignments to name '\(name)' in pattern")
            }
            pc.stores.append(name)
        }
        addop(Op.POP_TOP)
    }

    // CPython: compiler_match_inner
    func match(_ subject: Expr, _ cases: [MatchCase]) throws {
        try visitExpr(subject)
        let end = newBlock()
        guard let lastCase = cases.last else { return }
        let hasDefault = CodeGen.isWildcard(lastCase.pattern) && cases.count > 1
        let pc = PatternContext()
        let n = cases.count - (hasDefault ? 1 : 0)
        for i in 0..<n {
            let m = cases[i]
            setLoc(m.pattern.range)
            if i != n - 1 { addop(Op.COPY, 1) }
            pc.stores = []
            pc.allowIrrefutable = m.guard != nil || i == cases.count - 1
            pc.failPop = []
            pc.onTop = 0
            try pattern(m.pattern, pc)
            for name in pc.stores { try nameop(name, .store) }
            if let g = m.guard {
                ensureFailPop(pc, 0)
                try jumpIf(g, pc.failPop[0], false)
            }
            if i != n - 1 { addop(Op.POP_TOP) }
            try visitStmts(m.body)
            unsetLoc()
            addJump(Op.JUMP, end)
            setLoc(m.pattern.range)
            emitAndResetFailPop(pc)
        }
        if hasDefault {
            let m = lastCase
            setLoc(m.pattern.range)
            if cases.count == 1 {
                addop(Op.POP_TOP)
            } else {
                addop(Op.NOP)
            }
            if let g = m.guard { try jumpIf(g, end, false) }
            try visitStmts(m.body)
            unsetLoc()
        }
        useNextBlock(end)
    }
}
