import KaaSyntax

// The second pass: resolves the scope of every name, top-down with the names bound and declared global in the
// enclosing blocks, bottom-up with the free variables of the children.
// (CPython 3.11: Python/symtable.c, symtable_analyze, analyze_block, analyze_name, analyze_cells, drop_class_free,
// update_symbols)

struct SymtableAnalyzer {
    let filename: String
    let sourceLines: [String]

    init(builder: SymtableBuilder) {
        filename = builder.filename
        sourceLines = builder.sourceLines
    }

    /// CPython: symtable_analyze
    func analyze(_ top: SymbolTableEntry) throws {
        var free = Set<String>()
        var global = Set<String>()
        try analyzeBlock(top, bound: nil, free: &free, global: &global)
    }

    /// The error of a global/nonlocal declaration, at the first directive for `name`. (CPython: error_at_directive)
    func errorAtDirective(_ ste: SymbolTableEntry, _ name: String, _ message: String) -> SyntaxErrorInfo {
        for d in ste.directives where d.name == name {
            return makeSymtableError(message, d.range, filename: filename, sourceLines: sourceLines)
        }
        // CPython raises RuntimeError("BUG: internal directive bookkeeping broken"); the builder records a directive
        // for every DEF_GLOBAL/DEF_NONLOCAL it sets, so this is unreachable.
        return SyntaxErrorInfo(message: message, filename: filename)
    }

    /// CPython: analyze_name — decides the scope of `name` in `ste` from its flags.
    func analyzeName(_ ste: SymbolTableEntry, scopes: inout [SymbolScope], at i: Int, name: String, flags: Int,
                     bound: inout Set<String>?, local: inout Set<String>, collectLocals: Bool,
                     free: inout Set<String>, global: inout Set<String>) throws {
        if flags & SymbolFlags.defGlobal.rawValue != 0 {
            if flags & SymbolFlags.defNonlocal.rawValue != 0 {
                throw errorAtDirective(ste, name, "name '\(name)' is nonlocal and global")
            }
            scopes[i] = .globalExplicit
            global.insert(name)
            // Children must not see an enclosing binding of it (bound is this block's own copy).
            if bound?.isEmpty == false { bound?.remove(name) }
            return
        }
        if flags & SymbolFlags.defNonlocal.rawValue != 0 {
            guard let bound else {
                throw errorAtDirective(ste, name, "nonlocal declaration not allowed at module level")
            }
            if !bound.contains(name) {
                throw errorAtDirective(ste, name, "no binding for nonlocal '\(name)' found")
            }
            scopes[i] = .free
            ste.hasFree = true
            free.insert(name)
            return
        }
        if flags & SymbolFlags.defBound.rawValue != 0 {
            scopes[i] = .local
            // Only the children see `local` (as bound names): a block without children skips the set.
            if collectLocals { local.insert(name) }
            if !global.isEmpty { global.remove(name) }
            return
        }
        // A binding in an enclosing function makes it free (a non-nil bound implies the block is nested).
        if let bound, !bound.isEmpty, bound.contains(name) {
            scopes[i] = .free
            ste.hasFree = true
            free.insert(name)
            return
        }
        // A global statement in an enclosing block: call it implicit global.
        if !global.isEmpty && global.contains(name) {
            scopes[i] = .globalImplicit
            return
        }
        if ste.isNested { ste.hasFree = true }
        scopes[i] = .globalImplicit
    }

    /// CPython: analyze_block
    func analyzeBlock(_ ste: SymbolTableEntry, bound boundCopy: Set<String>?, free: inout Set<String>,
                      global: inout Set<String>) throws {
        // CPython: analyze_child_block hands each child its own copies of bound, free and global.
        var bound = boundCopy
        var local = Set<String>()
        var scopes = [SymbolScope](repeating: .unknown, count: ste.flags.count)
        var newGlobal = Set<String>()
        var newFree = Set<String>()
        var newBound = Set<String>()

        // A class namespace is not visible in nested functions: pass down what the class itself received.
        if ste.type == .class {
            newGlobal.formUnion(global)
            if let bound { newBound.formUnion(bound) }
        }

        let names = ste.names, flags = ste.flags
        let collectLocals = ste.type == .function && !ste.children.isEmpty
        for i in names.indices {
            try analyzeName(ste, scopes: &scopes, at: i, name: names[i], flags: flags[i], bound: &bound,
                            local: &local, collectLocals: collectLocals, free: &free, global: &global)
        }

        if ste.type != .class {
            if ste.type == .function { newBound.formUnion(local) }
            if let bound { newBound.formUnion(bound) }
            newGlobal.formUnion(global)
        } else {
            // Special-case __class__: methods see it as bound in the class.
            newBound.insert("__class__")
        }

        var allFree = Set<String>()
        for child in ste.children {
            // CPython: analyze_child_block — each child gets copies of the sets.
            var childFree = newFree
            var childGlobal = newGlobal
            try analyzeBlock(child, bound: newBound, free: &childFree, global: &childGlobal)
            allFree.formUnion(childFree)
            if child.hasFree || child.hasChildFree { ste.hasChildFree = true }
        }
        newFree.formUnion(allFree)

        if ste.type == .function {
            analyzeCells(&scopes, ste, &newFree)
        } else if ste.type == .class {
            // CPython: drop_class_free
            if newFree.remove("__class__") != nil { ste.needsClassClosure = true }
        }
        updateSymbols(ste, scopes, bound: bound, free: newFree, isClass: ste.type == .class)
        free.formUnion(newFree)
    }

    /// CPython: analyze_cells — a local that a child uses freely becomes a cell, and stops being free.
    func analyzeCells(_ scopes: inout [SymbolScope], _ ste: SymbolTableEntry, _ free: inout Set<String>) {
        if free.isEmpty { return }
        let names = ste.names
        for i in scopes.indices where scopes[i] == .local {
            if free.remove(names[i]) != nil { scopes[i] = .cell }
        }
    }

    /// CPython: update_symbols — records the scopes in the flags, and adds the free variables of the children that
    /// pass through this block. CPython iterates a set here, so the order in which those pass-through names are
    /// appended depends on string hashes; they are appended in sorted order instead (nothing downstream depends on
    /// it: compile.c sorts free variable names).
    func updateSymbols(_ ste: SymbolTableEntry, _ scopes: [SymbolScope], bound: Set<String>?, free: Set<String>,
                       isClass: Bool) {
        for i in scopes.indices {
            ste.setFlags(at: i, ste.flags[i] | (scopes[i].rawValue << SymbolFlags.scopeOffset))
        }
        let freeValue = SymbolScope.free.rawValue << SymbolFlags.scopeOffset
        for name in free.sorted(by: utf8Less) {
            if ste.contains(name) {
                // A free variable of a method with the name of a local or global of the class.
                let f = ste.symbolFlags(name)
                if isClass && f & (SymbolFlags.defBound.rawValue | SymbolFlags.defGlobal.rawValue) != 0 {
                    ste.setFlags(name, f | SymbolFlags.defFreeClass.rawValue)
                }
                // Otherwise it is a cell, or already free here.
                continue
            }
            // Not bound in an enclosing block: a global.
            if let bound, !bound.contains(name) { continue }
            ste.setFlags(name, freeValue)
        }
    }
}
