import KaaCore
import KaaSyntax
import KaaBytecode

/// Which identifier-like strings a CPython process running `python3 -m dis FILE.py` has interned while it compiles
/// FILE.py, as far as the third rebuild of a frozenset constant needs to know.
///
/// CPython: intern_string_constants (Objects/codeobject.c) runs for each code object the compiler makes (inner code
/// objects first, in the order their compilation finishes). It walks co_consts backwards and interns in place every
/// str made of [A-Za-z0-9_] only; a frozenset's items are interned through a tuple of them, and when one of them was
/// *replaced* (an equal string had been interned before, as another object) the frozenset is rebuilt from that tuple,
/// and its table may iterate in another order. The compiler hands every code object the objects of its constant cache
/// (merge_consts_recursive: the first object of each value wins), so an item is replaced exactly when
/// - an equal string was interned before by another object: at startup (the generated table of what a fresh
///   `python3 -m dis` holds, scripts/gen_dis_interned_table.py), by the parser (every identifier of the file), or by
///   an earlier code object's co_names (a mangled private name, `_C__x`, is a new string, not an identifier), and
/// - the cache's object is not that interned string: it is not when the value first reached the cache as a
///   literal (a str the parser made for a string literal is never interned), and it is when it first reached the cache
///   from an identifier (keyword names of a call, `from m import names`, keyword-only defaults and annotations
///   of parameters, a top-level function's or class's name, class pattern attributes). When no equal string had been
///   interned, the cache's object itself becomes the interned one, so later code objects do not replace it either.
/// One-character strings are CPython's singletons: interning never replaces them.
///
/// Not modelled: strings interned or released while the compiler runs Python code (a SyntaxWarning shown through the
/// warnings module), and strings alive at startup only until the cycle collector frees the garbage holding them
/// (the generator keeps what any of its runs saw).
final class InternedStrings {
    /// CPython's interned strings when `python3 -m dis` calls compile() (identifier-like, two or more characters).
    static let atStartup: Set<Substring> = Set(atStartupText.split(whereSeparator: { $0 == " " || $0 == "\n" }))

    /// The module being compiled; its identifiers are collected on first need.
    var module: Mod?
    private var identifiers: Set<String>?
    /// Mangled names of the code objects made so far (interned by their intern_strings).
    private var mangled: Set<String> = []
    /// Values whose first string reached the constant cache from an identifier, not from a literal.
    private var identifierFirst: Set<ConstStrKey> = []
    /// Values that have reached the constant cache (from anything).
    private var seen: Set<ConstStrKey> = []  // ConstStrKey: no full hash of every literal

    /// A string constant from a literal (or made by the compiler) reached the constant cache.
    func noteLiteral(_ s: PyString) { seen.insert(ConstStrKey(s)) }
    /// A string constant that is an identifier object reaches the constant cache.
    func noteIdentifier(_ s: PyString) {
        if seen.insert(ConstStrKey(s)).inserted { identifierFirst.insert(ConstStrKey(s)) }
    }
    /// The strings inside a tuple or frozenset constant reached the cache (merge_consts_recursive registers them).
    func noteLiterals(in c: BytecodeConstant) {
        switch c {
        case .str(let s): seen.insert(ConstStrKey(s))
        case .tuple(let items), .frozenset(let items): for item in items { noteLiterals(in: item) }
        default: break
        }
    }

    /// The names of a code object the compiler has just made. Only names CPython made by mangling can be strings no
    /// one interned before: record them.
    func noteCodeNames(_ lists: [String]...) {
        for list in lists {
            for name in list where name.utf8.first == UInt8(ascii: "_") && name.utf8.dropFirst().first != UInt8(ascii: "_")
                                   && name.contains("__") {
                mangled.insert(name)
            }
        }
    }

    /// CPython: intern_string_constants, as far as frozensets go: the constants with every frozenset (also inside
    /// tuples and frozensets) in the order of its table after the code object interned its strings.
    func internConstants(_ consts: inout [BytecodeConstant]) {
        for i in consts.indices.reversed() {
            switch consts[i] {
            case .tuple(var items) where items.contains(where: Self.holdsFrozenset):
                internConstants(&items)
                consts[i] = .tuple(items)
            case .frozenset(let items) where !items.isEmpty:
                var tmp = PySetOrder.iterationOrder(items)
                if internItems(&tmp) { consts[i] = .frozenset(tmp) }
            default:
                break
            }
        }
    }

    /// The items of a frozenset (as a tuple): true when interning replaced one of them.
    private func internItems(_ items: inout [BytecodeConstant]) -> Bool {
        var modified = false
        for i in items.indices.reversed() {
            switch items[i] {
            case .str(let s):
                if replaces(s) { modified = true }
            case .tuple(var inner) where inner.contains(where: Self.holdsFrozenset):
                internConstants(&inner)
                items[i] = .tuple(inner)
            case .frozenset(let inner) where !inner.isEmpty:
                var tmp = PySetOrder.iterationOrder(inner)
                if internItems(&tmp) { items[i] = .frozenset(tmp); modified = true }
            default:
                break
            }
        }
        return modified
    }

    private static func holdsFrozenset(_ c: BytecodeConstant) -> Bool {
        switch c {
        case .frozenset: return true
        case .tuple(let items): return items.contains(where: holdsFrozenset)
        default: return false
        }
    }

    /// Does interning the constant cache's string `s` replace it by an equal string interned earlier?
    private func replaces(_ s: PyString) -> Bool {
        guard s.count > 1, s.codePoints.allSatisfy(Self.isNameChar) else { return false }
        if identifierFirst.contains(ConstStrKey(s)) { return false }
        let text = s.description
        if Self.atStartup.contains(Substring(text)) || mangled.contains(text) { return true }
        if identifiers == nil { identifiers = module.map { ASTIdentifiers($0).names } ?? [] }
        return identifiers?.contains(text) ?? false
    }

    /// CPython: all_name_chars
    private static func isNameChar(_ ch: UInt32) -> Bool {
        (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) || ch == 0x5F
    }
}

extension InternedStrings {
    /// The strings of a tuple constant built from identifier objects (keyword names, a from-import's names…).
    func noteIdentifiers(_ items: [BytecodeConstant]) {
        for case .str(let s) in items { noteIdentifier(s) }
    }
}

extension CodeGen {
    /// LOAD_CONST of an identifier object of the AST (CPython: ADDOP_LOAD_CONST(c, identifier)).
    func loadIdentifierConst(_ name: String) {
        let s = PyString(name)
        interned.noteIdentifier(s)
        loadConst(.str(s))
    }
}
