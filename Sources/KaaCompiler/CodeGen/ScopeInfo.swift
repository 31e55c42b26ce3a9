import KaaSyntax

/// What code generation needs to know about one symbol-table block (CPython: PySTEntryObject). The symbol table
/// stage produces these; `ScopeInfo.Provider` finds the block a function, class, lambda or comprehension node
/// defines.
final class ScopeInfo {
    enum BlockType { case module, function, classBlock }
    /// CPython: the SCOPE_* values of symtable.h
    enum Scope { case local, globalExplicit, globalImplicit, free, cell }

    /// Symbol flags (CPython: symtable.h DEF_*)
    enum Flag {
        static let defGlobal = 1
        static let defLocal = 2
        static let defParam = 4
        static let defNonlocal = 8
        static let use = 16
        static let defFree = 32
        static let defFreeClass = 64
        static let defImport = 128
        static let defAnnot = 256
        static let defCompIter = 512
    }

    /// The symbol table block: its names and their flags (the scope above SymbolFlags.scopeOffset).
    let entry: SymbolTableEntry
    var type: BlockType
    var name: String
    /// Parameters first, then other locals, in the order the symbol table met them (ste_varnames).
    var varnames: [String] { entry.varnames }
    var isGenerator: Bool { entry.isGenerator }
    var isCoroutine: Bool { entry.isCoroutine }
    var isNested: Bool { entry.isNested }
    var needsClassClosure: Bool { entry.needsClassClosure }
    var hasVarargs: Bool { entry.hasVarargs }
    var hasVarkeywords: Bool { entry.hasVarkeywords }

    init(_ entry: SymbolTableEntry) {
        self.entry = entry
        switch entry.type {
        case .function: type = .function
        case .class: type = .classBlock
        case .module, .annotation: type = .module
        }
        name = entry.name
    }

    /// The scope encoded in a symbol's flags.
    @inline(__always)
    static func scope(flags: Int) -> Scope? {
        switch (flags >> SymbolFlags.scopeOffset) & SymbolFlags.scopeMask {
        case 1: return .local
        case 2: return .globalExplicit
        case 3: return .globalImplicit
        case 4: return .free
        case 5: return .cell
        default: return nil
        }
    }

    /// CPython: _PyST_GetScope (0 — nil here — for unknown names)
    func scope(of name: String) -> Scope? {
        guard let i = entry.position(of: name) else { return nil }
        return ScopeInfo.scope(flags: entry.flags[i])
    }

    /// The DEF_* flags of a name (0 for unknown names).
    func defFlags(of name: String) -> Int {
        guard let i = entry.position(of: name) else { return 0 }
        return entry.flags[i] & ((1 << SymbolFlags.scopeOffset) - 1)
    }

    /// The key of the block a node defines: the node's kind and its position.
    struct Key: Hashable {
        enum Kind: Hashable { case module, functionDef, asyncFunctionDef, classDef, lambda, listComp, setComp, dictComp,
                             generatorExp }
        var kind: Kind
        var range: SourceRange
    }
}

/// Where code generation gets its blocks from.
protocol ScopeProvider: AnyObject {
    var top: ScopeInfo { get }
    func lookup(_ key: ScopeInfo.Key) -> ScopeInfo?
}
