import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

/// An insertion-ordered name → index table (CPython's u_names/u_varnames/u_cellvars/u_freevars dicts).
struct NameTable {
    private var map = NameMap()
    /// The indices given by `set`, parallel to `map.keys`; unused (and empty) while every name's index is its
    /// position, so the names are already in index order.
    private var explicit: [Int] = []
    private var usesExplicit = false

    init() {}
    init(_ names: [String]) {
        map = NameMap(minimumCapacity: names.count)
        for n in names { map.insert(n) }
    }

    var list: [String] { map.keys }
    var count: Int { map.count }
    subscript(_ name: String) -> Int? {
        guard let p = map.find(name) else { return nil }
        return usesExplicit ? explicit[p] : p
    }

    /// CPython: compiler_add_o
    mutating func add(_ name: String) -> Int {
        let (p, isNew) = map.insert(name)
        guard usesExplicit else { return p }
        if isNew { explicit.append(p) }
        return explicit[p]
    }
    /// Insert with an explicit index (dictbytype offsets).
    mutating func set(_ name: String, _ index: Int) {
        if !usesExplicit {
            usesExplicit = true
            explicit = Array(0..<map.count)
        }
        let (p, isNew) = map.insert(name)
        if isNew { explicit.append(index) } else { explicit[p] = index }
    }
    /// Names in index order.
    var inOrder: [String] {
        if !usesExplicit { return map.keys }
        let keys = map.keys
        return keys.indices.sorted { explicit[$0] < explicit[$1] }.map { keys[$0] }
    }
}

/// The co_consts indices of None, True, False and Ellipsis in a unit, once added.
struct ConstSingletons {
    private var index = (-1, -1, -1, -1)

    /// The index in slot `k` (0 None, 1 True, 2 False, 3 Ellipsis), made by `add` the first time.
    mutating func slot(_ k: Int, _ add: () -> Int) -> Int {
        switch k {
        case 0: if index.0 < 0 { index.0 = add() }; return index.0
        case 1: if index.1 < 0 { index.1 = add() }; return index.1
        case 2: if index.2 < 0 { index.2 = add() }; return index.2
        default: if index.3 < 0 { index.3 = add() }; return index.3
        }
    }
}

/// CPython: enum fblocktype + struct fblockinfo
struct FBlock {
    enum Kind { case whileLoop, forLoop, tryExcept, finallyTry, finallyEnd, with, asyncWith, handlerCleanup, popValue,
                exceptionHandler, exceptionGroupHandler, asyncComprehensionGenerator }
    var kind: Kind
    var block: BasicBlock?
    var exit: BasicBlock?
    /// finallyTry: the finally body; with/asyncWith: the statement's location; handlerCleanup: the bound name.
    var finalBody: [Stmt] = []
    var withLoc: Loc? = nil
    var name: String? = nil
}

/// CPython: COMPILER_SCOPE_*
enum UnitScope { case module, classScope, function, asyncFunction, lambda, comprehension }

/// The state of one code object being compiled. CPython: struct compiler_unit
final class CompilerUnit {
    let ste: ScopeInfo
    var name: String
    var qualname: String?
    let scopeType: UnitScope
    var consts: [BytecodeConstant] = []
    var constIndex: [ConstKey: Int] = [:]
    /// addConst's tables for the common kinds (see there).
    var constSingletons = ConstSingletons()
    var constStrs: [ConstStrKey: Int] = [:]
    var constInts: [BigInt: Int] = [:]
    /// Until a unit has `constScanLimit` constants, its str and int constants are found by a linear scan (most
    /// code objects have a few constants, and building two dictionaries cost more than scanning them);
    /// `constStrs` and `constInts` are filled when it grows past that.
    static let constScanLimit = 12
    var constTablesFilled = false
    var names = NameTable()
    var varnames: NameTable
    var cellvars = NameTable()
    var freevars = NameTable()
    var priv: String?
    var argcount = 0
    var posonlyargcount = 0
    var kwonlyargcount = 0
    var blocks: [BasicBlock] = []
    var curblock: BasicBlock!
    var fblocks: [FBlock] = []
    var firstlineno: Int
    var loc: Loc
    var needNewImplicitBlock = false

    init(ste: ScopeInfo, name: String, scopeType: UnitScope, firstlineno: Int) {
        self.ste = ste
        self.name = name
        self.scopeType = scopeType
        self.firstlineno = firstlineno
        self.loc = Loc(line: firstlineno, endLine: firstlineno, col: 0, endCol: 0)
        self.varnames = NameTable(ste.varnames)
    }
}

/// A compile-time error: CPython's SyntaxError from compile.c (or a SystemError for malformed input).
struct CompileError: Error {
    var info: SyntaxErrorInfo
}

/// The code generator: AST → flow graph per code object, then the assembler. CPython: struct compiler
final class CodeGen {
    let filename: String
    let source: [UInt8]
    let optimize: Int
    let futureAnnotations: Bool
    let flags: Int32
    let symtable: ScopeProvider
    var interactive = false
    var nestLevel = 0
    var u: CompilerUnit!
    var stack: [CompilerUnit] = []
    /// What CPython would have interned so far (frozenset constants' last rebuild): CodeGen+InternedStrings.swift.
    let interned = InternedStrings()
    /// The line of the last `from __future__` import (CPython: ff_lineno).
    var futureLineno: Int
    /// Where SyntaxWarnings go (CodeGen+Warnings.swift); nil drops them.
    var warningSink: CompilerWarning.Sink?
    /// co_filename of every code object, converted once.
    lazy var filenameString = PyString(filename)
    /// The names `pyName` converted so far.
    var pyNames = NameMap()
    var pyNameStrings: [PyString] = []

    init(filename: String, source: [UInt8], optimize: Int, futureAnnotations: Bool, futureLineno: Int,
         flags: Int32, symtable: ScopeProvider) {
        self.filename = filename
        self.optimize = optimize
        self.futureAnnotations = futureAnnotations
        self.futureLineno = futureLineno
        self.flags = flags
        self.symtable = symtable
        self.source = source
    }

    // MARK: Errors

    /// CPython: compiler_error — position from the current location (columns are byte offsets + 1).
    func error(_ message: String) -> CompileError {
        let loc = u?.loc ?? Loc(line: 1, endLine: 1, col: 0, endCol: 0)
        var text: String? = nil
        let lines = Compiler.sourceLines(source)
        if loc.line >= 1 && loc.line <= lines.count {
            text = lines[loc.line - 1]
        }
        return CompileError(info: SyntaxErrorInfo(message: message, filename: filename, lineno: loc.line,
                                                  offset: loc.col + 1, endLineno: loc.endLine,
                                                  endOffset: loc.endCol + 1, text: text))
    }

    // MARK: Locations

    func setLoc(_ r: SourceRange) {
        u.loc = Loc(line: r.lineno, endLine: r.endLineno, col: r.colOffset, endCol: r.endColOffset)
    }
    func unsetLoc() { u.loc = .unset }

    // MARK: Blocks and instructions

    /// CPython: compiler_new_block
    func newBlock() -> BasicBlock {
        let b = BasicBlock()
        u.blocks.append(b)
        return b
    }

    /// CPython: compiler_use_next_block
    func useNextBlock(_ b: BasicBlock) {
        u.curblock.next = b
        u.curblock = b
        u.needNewImplicitBlock = false
    }

    private func emit(_ i: Instr) {
        let unit = u!
        if unit.needNewImplicitBlock {
            useNextBlock(newBlock())
        }
        let b = unit.curblock!
        if i.opcode == Op.RETURN_VALUE { b.isReturn = true }
        // Room for a typical block at once: growing 1, 2, 4, 8 reallocated most blocks' arrays three times.
        if b.instrs.capacity == 0 { b.instrs.reserveCapacity(8) }
        b.instrs.append(i)
        if i.endsBlock { unit.needNewImplicitBlock = true }
    }

    /// CPython: compiler_addop / compiler_addop_i
    func addop(_ op: Int, _ arg: Int = 0) { emit(Instr(op, arg, loc: u.loc)) }
    func addopNoLine(_ op: Int, _ arg: Int = 0) { emit(Instr(op, arg, loc: .noLine)) }
    /// CPython: compiler_addop_j
    func addJump(_ op: Int, _ target: BasicBlock) { emit(Instr(op, 0, loc: u.loc, target: target)) }
    func addJumpNoLine(_ op: Int, _ target: BasicBlock) { emit(Instr(op, 0, loc: .noLine, target: target)) }

    /// CPython: compiler_add_const (merge_consts_recursive + compiler_add_o)
    func addConst(_ c: BytecodeConstant) -> Int {
        // The common kinds first, each in a table of its own: a key of one kind never equals a key of another, so
        // this finds exactly what `constIndex` would, without boxing a ConstKey.
        switch c {
        case .none: return u.constSingletons.slot(0) { appendConst(c) }
        case .bool(let b): return u.constSingletons.slot(b ? 1 : 2) { appendConst(c) }
        case .ellipsis: return u.constSingletons.slot(3) { appendConst(c) }
        case .str(let s):
            if !u.constTablesFilled {
                if u.consts.count < CompilerUnit.constScanLimit {
                    for (i, old) in u.consts.enumerated() { if case .str(let t) = old, t == s { return i } }
                    interned.noteLiteral(s)
                    return appendConst(c)
                }
                fillConstTables()
            }
            let key = ConstStrKey(s)
            if let i = u.constStrs[key] { return i }
            interned.noteLiteral(s)
            let i = appendConst(c)
            u.constStrs[key] = i
            return i
        case .int(let v):
            if !u.constTablesFilled {
                if u.consts.count < CompilerUnit.constScanLimit {
                    for (i, old) in u.consts.enumerated() { if case .int(let w) = old, w == v { return i } }
                    return appendConst(c)
                }
                fillConstTables()
            }
            if let i = u.constInts[v] { return i }
            let i = appendConst(c)
            u.constInts[v] = i
            return i
        default: break
        }
        if c.containsNaN {
            u.consts.append(c)
            return u.consts.count - 1
        }
        let key = ConstKey(c)
        if let i = u.constIndex[key] { return i }
        let i = u.consts.count
        interned.noteLiterals(in: c)
        u.consts.append(Self.rebuiltFrozensets(c))
        u.constIndex[key] = i
        return i
    }
    /// Indexes the str and int constants of a unit whose constants outgrew the linear scan (each str or int value
    /// is in `consts` once, so the scan and the tables find the same index).
    private func fillConstTables() {
        u.constTablesFilled = true
        for (i, old) in u.consts.enumerated() {
            switch old {
            case .str(let t): u.constStrs[ConstStrKey(t)] = i
            case .int(let w): u.constInts[w] = i
            default: break
            }
        }
    }
    private func appendConst(_ c: BytecodeConstant) -> Int {
        u.consts.append(c)
        return u.consts.count - 1
    }
    func loadConst(_ c: BytecodeConstant) { addop(Op.LOAD_CONST, addConst(c)) }

    /// The order of a frozenset constant's table. Three steps of CPython each build a frozenset by inserting items
    /// one by one, so the table `dis` shows is not simply the source order's:
    /// 1. the AST optimizer (fold_iter) inserts the items in source order;
    /// 2. merge_consts_recursive rebuilds every frozenset constant (also inside tuples) from the first table's
    ///    iteration order (this function);
    /// 3. the code object's intern_string_constants rebuilds it once more, in the second table's order, when
    ///    interning replaced one of its str items by an equal string interned earlier (InternedStrings, when the
    ///    assembler makes the code object).
    static func rebuiltFrozensets(_ c: BytecodeConstant) -> BytecodeConstant {
        switch c {
        case .frozenset(let items) where !items.isEmpty:
            return .frozenset(PySetOrder.iterationOrder(items).map(rebuiltFrozensets))
        case .tuple(let items) where items.contains(where: { if case .frozenset = $0 { return true }
                                                            if case .tuple = $0 { return true }; return false }):
            return .tuple(items.map(rebuiltFrozensets))
        default:
            return c
        }
    }

    func loadConstValue(_ v: ConstantValue) { loadConst(BytecodeConstant(v)) }

    /// CPython: compiler_addop_name (mangled)
    func addopName(_ op: Int, _ name: String) {
        let i = u.names.add(mangle(u.priv, name))
        addop(op, i)
    }
    /// CPython: ADDOP_N on u_names (not mangled)
    func addopNameRaw(_ op: Int, _ name: String) { addop(op, u.names.add(name)) }

    // MARK: Scopes

    /// CPython: compiler_enter_scope
    func enterScope(name: String, scopeType: UnitScope, key: ScopeInfo.Key, lineno: Int) throws {
        guard let ste = symtable.lookup(key) else {
            throw CompileError(info: SyntaxErrorInfo(message: "unknown symbol table entry", filename: filename,
                                                     lineno: lineno))
        }
        let unit = CompilerUnit(ste: ste, name: name, scopeType: scopeType, firstlineno: lineno)
        // CPython: dictbytype(ste_symbols, CELL, 0, 0) — sorted names (only the cell and free ones are needed)
        var cells: [String] = [], frees: [String] = []
        let names = ste.entry.names, symFlags = ste.entry.flags
        for i in names.indices {
            let f = symFlags[i]
            let scope = (f >> SymbolFlags.scopeOffset) & SymbolFlags.scopeMask
            if scope == SymbolScope.cell.rawValue { cells.append(names[i]) }
            if scope == SymbolScope.free.rawValue || f & ScopeInfo.Flag.defFreeClass != 0 { frees.append(names[i]) }
        }
        for n in cells.sorted(by: codePointLess) { _ = unit.cellvars.add(n) }
        if ste.needsClassClosure { _ = unit.cellvars.add("__class__") }
        var idx = unit.cellvars.count
        for n in frees.sorted(by: codePointLess) {
            unit.freevars.set(n, idx)
            idx += 1
        }
        if let parent = u {
            stack.append(parent)
            unit.priv = parent.priv
        }
        u = unit
        nestLevel += 1
        unit.curblock = newBlock()
        if scopeType == .module {
            u.loc.line = 0
        } else {
            setQualname()
        }
        addop(Op.RESUME, 0)
        if scopeType == .module { u.loc.line = -1 }
    }

    /// CPython: compiler_exit_scope
    func exitScope() {
        nestLevel -= 1
        u = stack.popLast()
    }

    /// CPython: compiler_set_qualname
    func setQualname() {
        var base: String? = nil
        if let parent = stack.last {
            var forceGlobal = false
            if u.scopeType == .function || u.scopeType == .asyncFunction || u.scopeType == .classScope {
                let mangled = mangle(parent.priv, u.name)
                if parent.ste.scope(of: mangled) == .globalExplicit { forceGlobal = true }
            }
            if !forceGlobal {
                if parent.scopeType == .function || parent.scopeType == .asyncFunction
                    || parent.scopeType == .lambda {
                    base = (parent.qualname ?? parent.name) + ".<locals>"
                } else {
                    base = parent.qualname
                }
            }
        }
        if let base = base {
            u.qualname = base + "." + u.name
        } else {
            u.qualname = u.name
        }
    }

    // MARK: Names

    /// CPython: forbidden_name
    func checkForbidden(_ name: String, _ ctx: ExprContext) throws {
        if name == "__debug__" {
            if ctx == .store { throw error("cannot assign to __debug__") }
            if ctx == .del { throw error("cannot delete __debug__") }
        }
    }

    /// CPython: compiler_nameop
    func nameop(_ name: String, _ ctx: ExprContext) throws {
        try checkForbidden(name, ctx)
        let mangled = mangle(u.priv, name)
        enum OpType { case fast, global, deref, name }
        var optype = OpType.name
        var table = 0 // 0 names, 1 freevars, 2 cellvars
        let scope = u.ste.scope(of: mangled)
        let isFunction = u.ste.type == .function
        switch scope {
        case .free: table = 1; optype = .deref
        case .cell: table = 2; optype = .deref
        case .local: if isFunction { optype = .fast }
        case .globalImplicit: if isFunction { optype = .global }
        case .globalExplicit: optype = .global
        case nil: break
        }
        switch optype {
        case .deref:
            let op: Int
            switch ctx {
            case .load: op = u.ste.type == .classBlock ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF
            case .store: op = Op.STORE_DEREF
            case .del: op = Op.DELETE_DEREF
            }
            let arg = table == 1 ? (u.freevars[mangled] ?? u.freevars.add(mangled))
                                 : (u.cellvars[mangled] ?? u.cellvars.add(mangled))
            addop(op, arg)
        case .fast:
            let op = ctx == .load ? Op.LOAD_FAST : ctx == .store ? Op.STORE_FAST : Op.DELETE_FAST
            addop(op, u.varnames.add(mangled))
        case .global:
            let op = ctx == .load ? Op.LOAD_GLOBAL : ctx == .store ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL
            var arg = u.names.add(mangled)
            if op == Op.LOAD_GLOBAL { arg <<= 1 }
            addop(op, arg)
        case .name:
            let op = ctx == .load ? Op.LOAD_NAME : ctx == .store ? Op.STORE_NAME : Op.DELETE_NAME
            addop(op, u.names.add(mangled))
        }
    }

    // MARK: Frame blocks

    /// CPython: compiler_push_fblock
    func pushFBlock(_ f: FBlock) throws {
        if u.fblocks.count >= 20 {
            throw error("too many statically nested blocks")
        }
        u.fblocks.append(f)
    }
    func popFBlock() { _ = u.fblocks.popLast() }
}

/// Python's `sorted()` order of str: code point by code point.
func codePointLess(_ a: String, _ b: String) -> Bool {
    // UTF-8 byte order is code point order.
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// CPython: _Py_Mangle — `__private` in class `C` becomes `_C__private`.
func mangle(_ priv: String?, _ ident: String) -> String {
    guard let priv = priv else { return ident }
    // Most names do not start with two underscores: decide that from the UTF-8 bytes without copying.
    var bytes = ident.utf8.makeIterator()
    guard bytes.next() == UInt8(ascii: "_"), bytes.next() == UInt8(ascii: "_") else { return ident }
    let u = Array(ident.unicodeScalars)
    guard u.count >= 2, u[0] == "_", u[1] == "_" else { return ident }
    if (u[u.count - 1] == "_" && u[u.count - 2] == "_") || u.contains(".") { return ident }
    let stripped = priv.drop(while: { $0 == "_" })
    if stripped.isEmpty { return ident }
    return "_" + stripped + ident
}
