import KaaCore
import KaaBytecode
import KaaSyntax

extension CodeGen {
    // CPython: validate_keywords
    func validateKeywords(_ keywords: [Keyword]) throws {
        for (i, k) in keywords.enumerated() {
            guard let arg = k.arg else { continue }
            try checkForbidden(arg, .store)
            for other in keywords[(i + 1)...] where other.arg == arg {
                setLoc(other.range)
                throw error("keyword argument repeated: \(arg)")
            }
        }
    }

    /// CPython: is_import_originated — the name is bound by an import in the module's top scope.
    func isImportOriginated(_ e: Expr) -> Bool {
        guard case .name(let id, _) = e.kind else { return false }
        return symtable.top.defFlags(of: id) & ScopeInfo.Flag.defImport != 0
    }

    // CPython: compiler_call
    func call(_ e: Expr, _ fn: Expr, _ args: [Expr], _ keywords: [Keyword]) throws {
        try validateKeywords(keywords)
        if try maybeOptimizeMethodCall(e, fn, args, keywords) { return }
        try checkCaller(fn)
        setLoc(fn.range)
        addop(Op.PUSH_NULL)
        setLoc(e.range)
        try visitExpr(fn)
        try callHelper(0, args, keywords)
    }

    // CPython: maybe_optimize_method_call
    func maybeOptimizeMethodCall(_ e: Expr, _ meth: Expr, _ args: [Expr], _ kwds: [Keyword]) throws -> Bool {
        guard case .attribute(let value, let attr, .load) = meth.kind else { return false }
        if isImportOriginated(value) { return false }
        let argsl = args.count, kwdsl = kwds.count
        if argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= stackUseGuideline { return false }
        for a in args { if case .starred = a.kind { return false } }
        for k in kwds where k.arg == nil { return false }
        try visitExpr(value)
        setLoc(meth.range)
        updateStartLocationToMatchAttr(meth)
        addopName(Op.LOAD_METHOD, attr)
        for a in args { try visitExpr(a) }
        if kwdsl > 0 {
            for k in kwds { try visitExpr(k.value) }
            callSimpleKwHelper(kwds)
        }
        setLoc(e.range)
        updateStartLocationToMatchAttr(meth)
        addop(Op.PRECALL, argsl + kwdsl)
        addop(Op.CALL, argsl + kwdsl)
        return true
    }

    // CPython: compiler_call_simple_kw_helper
    func callSimpleKwHelper(_ kwds: [Keyword]) {
        let names: [BytecodeConstant] = kwds.map { .str(PyString($0.arg ?? "")) }
        interned.noteIdentifiers(names)
        addop(Op.KW_NAMES, addConst(.tuple(names)))
    }

    // CPython: compiler_subkwargs
    func subkwargs(_ keywords: [Keyword], _ begin: Int, _ end: Int) throws {
        let n = end - begin
        let big = n * 2 > stackUseGuideline
        if n > 1 && !big {
            for i in begin..<end { try visitExpr(keywords[i].value) }
            let keys: [BytecodeConstant] = keywords[begin..<end].map { .str(PyString($0.arg ?? "")) }
            interned.noteIdentifiers(keys)
            loadConst(.tuple(keys))
            addop(Op.BUILD_CONST_KEY_MAP, n)
            return
        }
        if big { addopNoLine(Op.BUILD_MAP, 0) }
        for i in begin..<end {
            loadIdentifierConst(keywords[i].arg ?? "")
            try visitExpr(keywords[i].value)
            if big { addopNoLine(Op.MAP_ADD, 1) }
        }
        if !big { addop(Op.BUILD_MAP, n) }
    }

    // CPython: compiler_call_helper
    func callHelper(_ n: Int, _ args: [Expr], _ keywords: [Keyword]) throws {
        try validateKeywords(keywords)
        let nelts = args.count, nkwelts = keywords.count
        var exCall = nelts + nkwelts * 2 > stackUseGuideline
        if !exCall {
            for a in args { if case .starred = a.kind { exCall = true; break } }
        }
        if !exCall {
            for k in keywords where k.arg == nil { exCall = true; break }
        }
        if !exCall {
            for a in args { try visitExpr(a) }
            if nkwelts > 0 {
                for k in keywords { try visitExpr(k.value) }
                callSimpleKwHelper(keywords)
            }
            addop(Op.PRECALL, n + nelts + nkwelts)
            addop(Op.CALL, n + nelts + nkwelts)
            return
        }
        if n == 0 && nelts == 1, case .starred(let v, _) = args[0].kind {
            try visitExpr(v)
        } else {
            try starUnpackHelper(args, pushed: n, build: Op.BUILD_LIST, add: Op.LIST_APPEND, extend: Op.LIST_EXTEND,
                                 tuple: true)
        }
        if nkwelts > 0 {
            var haveDict = false
            var nseen = 0
            for (i, kw) in keywords.enumerated() {
                if kw.arg == nil {
                    if nseen > 0 {
                        try subkwargs(keywords, i - nseen, i)
                        if haveDict { addop(Op.DICT_MERGE, 1) }
                        haveDict = true
                        nseen = 0
                    }
                    if !haveDict {
                        addop(Op.BUILD_MAP, 0)
                        haveDict = true
                    }
                    try visitExpr(kw.value)
                    addop(Op.DICT_MERGE, 1)
                } else {
                    nseen += 1
                }
            }
            if nseen > 0 {
                try subkwargs(keywords, nkwelts - nseen, nkwelts)
                if haveDict { addop(Op.DICT_MERGE, 1) }
                haveDict = true
            }
        }
        addop(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0)
    }
}
