import KaaSyntax

// The symbol table: which names each block (module, class, function, lambda, comprehension) binds, uses and
// declares, and after the analysis pass, the scope of every name (local, global, free, cell).
// (CPython 3.11: Python/symtable.c, Include/internal/pycore_symtable.h)
//
// Blocks are keyed without node identity (the AST is made of value types): a block is identified by the kind of its
// defining node and that node's source range, `BlockKey`. Two distinct nodes of one kind never share a range (a
// nested node of the same kind is strictly inside its parent), so the key is unique in a module. The annotation
// blocks that `from __future__ import annotations` creates are not children of anything in CPython (they never reach
// the compiler), so they are not registered for lookup either.

/// Symbol flags, as CPython's `DEF_*` / `USE` bits (pycore_symtable.h); the resolved scope sits above `scopeOffset`.
public struct SymbolFlags: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Global statement.
    public static let defGlobal = SymbolFlags(rawValue: 1)
    /// Assignment in code block.
    public static let defLocal = SymbolFlags(rawValue: 2)
    /// Formal parameter.
    public static let defParam = SymbolFlags(rawValue: 4)
    /// Nonlocal statement.
    public static let defNonlocal = SymbolFlags(rawValue: 8)
    /// Name is used.
    public static let use = SymbolFlags(rawValue: 16)
    /// Name used but not defined in nested block.
    public static let defFree = SymbolFlags(rawValue: 32)
    /// Free variable from class's method.
    public static let defFreeClass = SymbolFlags(rawValue: 64)
    /// Assignment occurred via import.
    public static let defImport = SymbolFlags(rawValue: 128)
    /// This name is annotated.
    public static let defAnnot = SymbolFlags(rawValue: 256)
    /// This name is a comprehension iteration variable.
    public static let defCompIter = SymbolFlags(rawValue: 512)

    /// CPython: DEF_BOUND
    public static let defBound: SymbolFlags = [.defLocal, .defParam, .defImport]

    /// The resolved scope is stored as `scope << scopeOffset` in the flags. (CPython: SCOPE_OFFSET, SCOPE_MASK)
    public static let scopeOffset = 11
    public static let scopeMask = 15
}

/// The resolved scope of a name in a block. (CPython: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL)
public enum SymbolScope: Int, Hashable, Sendable {
    /// Not resolved (no such symbol, or the analysis has not run).
    case unknown = 0
    case local = 1
    case globalExplicit = 2
    case globalImplicit = 3
    case free = 4
    case cell = 5
}

/// CPython: _Py_block_ty
public enum BlockType: Int, Hashable, Sendable {
    case function = 0
    case `class` = 1
    case module = 2
    /// Only with `from __future__ import annotations`; never a child of another block.
    case annotation = 3

    /// The name `symtable` module's `SymbolTable.get_type()` prints.
    public var name: String {
        switch self {
        case .function: return "function"
        case .class: return "class"
        case .module: return "module"
        case .annotation: return "annotation"
        }
    }
}

/// CPython: _Py_comprehension_ty
public enum ComprehensionKind: Int, Hashable, Sendable {
    case none = 0
    case list, generator, set, dict
}

/// Identifies a block by its defining node: the module, a FunctionDef/AsyncFunctionDef/ClassDef statement, or a
/// Lambda/ListComp/SetComp/DictComp/GeneratorExp expression, with that node's source range.
public struct BlockKey: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        case module, functionDef, asyncFunctionDef, classDef, lambda, listComp, setComp, dictComp, generatorExp
    }
    public var kind: Kind
    public var range: SourceRange

    public init(kind: Kind, range: SourceRange) { self.kind = kind; self.range = range }

    /// The module's key (CPython keys it by the mod node; its range is all zeros, like its ste_lineno).
    public static let module = BlockKey(kind: .module, range: SourceRange(lineno: 0, colOffset: 0, endLineno: 0,
                                                                        endColOffset: 0))

    /// The key of a statement that opens a block, or nil.
    public init?(_ stmt: Stmt) {
        switch stmt.kind {
        case .functionDef: self.init(kind: .functionDef, range: stmt.range)
        case .asyncFunctionDef: self.init(kind: .asyncFunctionDef, range: stmt.range)
        case .classDef: self.init(kind: .classDef, range: stmt.range)
        default: return nil
        }
    }

    /// The key of an expression that opens a block, or nil.
    public init?(_ expr: Expr) {
        switch expr.kind {
        case .lambda: self.init(kind: .lambda, range: expr.range)
        case .listComp: self.init(kind: .listComp, range: expr.range)
        case .setComp: self.init(kind: .setComp, range: expr.range)
        case .dictComp: self.init(kind: .dictComp, range: expr.range)
        case .generatorExp: self.init(kind: .generatorExp, range: expr.range)
        default: return nil
        }
    }
}

/// One block's table. (CPython: PySTEntryObject)
public final class SymbolTableEntry {
    /// `top` for the module, the function or class name, `lambda`, `listcomp`, `setcomp`, `dictcomp`, `genexpr`,
    /// `_annotation`.
    public let name: String
    public let type: BlockType
    public let key: BlockKey
    /// The defining node's position (0s for the module). (CPython: ste_lineno, ste_col_offset, ...)
    public let lineno: Int
    public let colOffset: Int
    public let endLineno: Int
    public let endColOffset: Int

    /// Names in insertion order; `flags[i]` are the flags of `names[i]` (with the scope bits after analysis).
    public var names: [String] { index.keys }
    public private(set) var flags: [Int] = []
    private var index = NameMap()

    /// Parameter names in definition order: positional-only, positional, keyword-only, *args, **kwargs (for a
    /// comprehension, `.0`). (CPython: ste_varnames)
    public internal(set) var varnames: [String] = []
    /// Child blocks in source visiting order. (CPython: ste_children)
    public internal(set) var children: [SymbolTableEntry] = []

    /// True if the block is nested in a function (directly or through other blocks). (CPython: ste_nested)
    public internal(set) var isNested = false
    /// True if the block has free variables. (CPython: ste_free)
    public internal(set) var hasFree = false
    /// True if a child block has free variables, including free variables passing through. (CPython: ste_child_free)
    public internal(set) var hasChildFree = false
    /// True for a generator (yield or yield from; a generator expression). (CPython: ste_generator)
    public internal(set) var isGenerator = false
    /// True for a coroutine (async def, await, async comprehension). (CPython: ste_coroutine)
    public internal(set) var isCoroutine = false
    /// What kind of comprehension this block is, if any. (CPython: ste_comprehension)
    public internal(set) var comprehension: ComprehensionKind = .none
    /// True if the block has `*args`. (CPython: ste_varargs)
    public internal(set) var hasVarargs = false
    /// True if the block has `**kwargs`. (CPython: ste_varkeywords)
    public internal(set) var hasVarkeywords = false
    /// True if the block has a `return` with a value. (CPython: ste_returns_value)
    public internal(set) var returnsValue = false
    /// For a class: a method uses `__class__` (or `super`), so the class needs the implicit `__class__` cell.
    /// (CPython: ste_needs_class_closure)
    public internal(set) var needsClassClosure = false
    /// Set while the builder visits a comprehension's target. (CPython: ste_comp_iter_target)
    public internal(set) var compIterTarget = false
    /// Depth of comprehension iterable expressions being visited. (CPython: ste_comp_iter_expr)
    public internal(set) var compIterExpr = 0

    /// `global`/`nonlocal` declarations (and the implicit ones of walrus targets in comprehensions), with their
    /// location, for error reporting. (CPython: ste_directives)
    var directives: [(name: String, range: SourceRange)] = []

    init(name: String, type: BlockType, key: BlockKey, range: SourceRange) {
        self.name = name; self.type = type; self.key = key
        lineno = range.lineno; colOffset = range.colOffset; endLineno = range.endLineno; endColOffset = range.endColOffset
    }

    /// The symbols in insertion order (the order of CPython's ste_symbols dict), with their flags.
    public var symbols: [(name: String, flags: Int)] {
        var out: [(name: String, flags: Int)] = []
        out.reserveCapacity(names.count)
        for i in names.indices { out.append((names[i], flags[i])) }
        return out
    }

    /// True if the block has a symbol called `name`.
    public func contains(_ name: String) -> Bool { index.find(name) != nil }

    /// The position of `name` in `names`/`flags`, or nil.
    func position(of name: String) -> Int? { index.find(name) }

    /// The flags of `name` (0 if absent). Names here are already mangled. (CPython: _PyST_GetSymbol)
    public func symbolFlags(_ name: String) -> Int {
        guard let i = index.find(name) else { return 0 }
        return flags[i]
    }

    /// The flags of `name` without the scope bits.
    public func defFlags(_ name: String) -> SymbolFlags {
        SymbolFlags(rawValue: symbolFlags(name) & ((1 << SymbolFlags.scopeOffset) - 1))
    }

    /// The resolved scope of `name` (`.unknown` if absent). Names here are already mangled. (CPython: _PyST_GetScope)
    public func scope(of name: String) -> SymbolScope {
        SymbolScope(rawValue: (symbolFlags(name) >> SymbolFlags.scopeOffset) & SymbolFlags.scopeMask) ?? .unknown
    }

    /// Names of the block whose resolved scope is `scope`, sorted (CPython's compile.c `dictbytype` sorts the keys to
    /// build co_cellvars and co_freevars).
    public func sortedNames(withScope scope: SymbolScope, excludingFlags: SymbolFlags = []) -> [String] {
        var out: [String] = []
        for i in names.indices {
            let f = flags[i]
            if (f >> SymbolFlags.scopeOffset) & SymbolFlags.scopeMask == scope.rawValue
                && f & excludingFlags.rawValue == 0 {
                out.append(names[i])
            }
        }
        return out.sorted(by: utf8Less)
    }

    /// The co_flags bits the table decides: CO_VARARGS (0x4), CO_VARKEYWORDS (0x8), CO_NESTED (0x10), CO_GENERATOR
    /// (0x20), CO_COROUTINE (0x80), CO_ASYNC_GENERATOR (0x200); 0 for classes and the module. Future-feature flags
    /// are not included. (CPython: compile.c compute_code_flags)
    public var codeFlags: Int {
        guard type == .function else { return 0 }
        var f = 0
        if isNested { f |= 0x10 }
        if isGenerator && !isCoroutine { f |= 0x20 }
        if !isGenerator && isCoroutine { f |= 0x80 }
        if isGenerator && isCoroutine { f |= 0x200 }
        if hasVarargs { f |= 0x4 }
        if hasVarkeywords { f |= 0x8 }
        return f
    }

    /// co_cellvars of the block's code: its CELL names sorted, and for a class that needs it, the implicit
    /// `__class__` cell. (CPython: compile.c compiler_enter_scope, dictbytype(symbols, CELL, 0, 0))
    public var cellvars: [String] {
        var cells = sortedNames(withScope: .cell)
        if needsClassClosure { cells.append("__class__"); cells.sort(by: utf8Less) }
        return cells
    }

    /// co_cellvars as the code object shows them in 3.11: the parameters that are cells, in parameter order, then the
    /// other cells in `cellvars` order. (CPython: compile.c compute_localsplus_info)
    public var codeCellvars: [String] {
        let cells = cellvars
        let cellSet = Set(cells)
        let params = varnames.filter { cellSet.contains($0) }
        let paramSet = Set(params)
        return params + cells.filter { !paramSet.contains($0) }
    }

    /// co_freevars of the block's code: the FREE names and the DEF_FREE_CLASS ones, sorted.
    /// (CPython: compile.c dictbytype(symbols, FREE, DEF_FREE_CLASS, ...))
    public var freevars: [String] {
        var out: [String] = []
        for i in names.indices {
            let f = flags[i]
            if (f >> SymbolFlags.scopeOffset) & SymbolFlags.scopeMask == SymbolScope.free.rawValue
                || f & SymbolFlags.defFreeClass.rawValue != 0 {
                out.append(names[i])
            }
        }
        return out.sorted(by: utf8Less)
    }

    /// True for function-like blocks (functions, lambdas, comprehensions): they have fast locals.
    public var isFunctionBlock: Bool { type == .function }

    // MARK: mutation (builder and analysis)

    /// Sets the flags of `name`, appending it if new.
    func setFlags(_ name: String, _ value: Int) {
        let (i, isNew) = index.insert(name)
        if isNew { flags.append(value) } else { flags[i] = value }
    }

    func setFlags(at i: Int, _ value: Int) { flags[i] = value }

    /// The position of `name` in the symbols, appending it with flags 0 if new (one hash lookup for the builder's
    /// read-modify-write of a symbol's flags).
    func slot(_ name: String) -> (index: Int, isNew: Bool) {
        let r = index.insert(name)
        if r.isNew { flags.append(0) }
        return r
    }
}

/// Python's `str` ordering (code point order) for sorted name lists: UTF-8 byte order is code point order.
@inline(__always)
func utf8Less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// The table of a whole module: every block, in a tree, with a lookup by defining node.
/// (CPython: struct symtable, built by _PySymtable_Build)
public final class SymbolTable {
    /// The module block (`top`).
    public let top: SymbolTableEntry
    public let filename: String
    public let future: FutureFeatures
    private let blocks: [BlockKey: SymbolTableEntry]

    init(top: SymbolTableEntry, filename: String, future: FutureFeatures, blocks: [BlockKey: SymbolTableEntry]) {
        self.top = top; self.filename = filename; self.future = future; self.blocks = blocks
    }

    /// The block a statement (FunctionDef, AsyncFunctionDef, ClassDef) opens, or nil. (CPython: PySymtable_Lookup)
    public func entry(for stmt: Stmt) -> SymbolTableEntry? {
        guard let key = BlockKey(stmt) else { return nil }
        return blocks[key]
    }

    /// The block an expression (Lambda, ListComp, SetComp, DictComp, GeneratorExp) opens, or nil.
    public func entry(for expr: Expr) -> SymbolTableEntry? {
        guard let key = BlockKey(expr) else { return nil }
        return blocks[key]
    }

    public func entry(for key: BlockKey) -> SymbolTableEntry? { blocks[key] }

    /// Builds the table of `module` and runs the analysis pass. `sourceLines` (the lines of the source, each with its
    /// line ending, as SyntaxError.text holds them; empty if unknown) fill the `text` of a SyntaxError.
    /// Throws `SyntaxErrorInfo` (CPython's message and location) or `CompilerRecursionError`.
    /// `pythonDepth` is the depth of the Python call stack compiling (0 for a script run by the CLI; a `compile()`
    /// call from Python code starts deeper): CPython starts its nesting count at 3 × that depth.
    /// (CPython: _PySymtable_Build)
    public static func build(module: Mod, filename: String, future: FutureFeatures,
                             sourceLines: [String] = [], pythonDepth: Int = 0) throws -> SymbolTable {
        var builder = SymtableBuilder(filename: filename, future: future, sourceLines: sourceLines)
        builder.recursionDepth = 3 * pythonDepth
        let top = try builder.buildTop(module)
        try SymtableAnalyzer(builder: builder).analyze(top)
        return SymbolTable(top: top, filename: filename, future: future, blocks: builder.blocks)
    }
}
