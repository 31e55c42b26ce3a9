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

    struct Symbol {
        var scope: Scope?
        var flags: Int
    }

    var type: BlockType
    var name: String
    var symbols: [String: Symbol] = [:]
    /// Parameters first, then other locals, in the order the symbol table met them (ste_varnames).
    var varnames: [String] = []
    var isGenerator = false
    var isCoroutine = false
    var isNested = false
    var needsClassClosure = false
    var hasVarargs = false
    var hasVarkeywords = false

    init(type: BlockType, name: String) {
        self.type = type
        self.name = name
    }

    /// CPython: _PyST_GetScope (0 — nil here — for unknown names)
    func scope(of name: String) -> Scope? { symbols[name]?.scope }

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
