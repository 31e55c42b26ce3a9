// A text form of the table, the one scripts/symtable_dump.py prints from CPython's `_symtable` module, so the two can
// be compared line for line:
//
//   <type> <name> lineno=<n> nested=<0|1>
//     varnames: <name> <name> ...
//     <symbol> <flags>          (one line per symbol, in insertion order)
//     <child blocks, indented by two more spaces>
//
// Flags are CPython's raw values (DEF_* bits | scope << 11). The free variables that only pass through a block
// (flags exactly FREE << 11) are listed last in sorted order: CPython appends them in set-iteration order, which
// depends on string hashes.
//
// With `code: true`, each function and class block also gets a line right after its header,
//     code: flags=<n> cells=<a,b> frees=<c,d>
// with what the table decides of the block's code object: the CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR,
// CO_COROUTINE and CO_ASYNC_GENERATOR bits of co_flags, co_cellvars and co_freevars (compile.c: compute_code_flags,
// dictbytype, compiler_enter_scope). scripts/symtable_dump.py --code prints the same from CPython's code objects.

extension SymbolTable {
    /// The whole table in the text form above.
    public func dump(code: Bool = false) -> String {
        var out = ""
        SymbolTable.dump(top, depth: 0, code: code, into: &out)
        return out
    }

    static func dump(_ ste: SymbolTableEntry, depth: Int, code: Bool, into out: inout String) {
        let pad = String(repeating: " ", count: depth * 2)
        out += "\(pad)\(ste.type.name) \(ste.name) lineno=\(ste.lineno) nested=\(ste.isNested ? 1 : 0)\n"
        if code && ste.type != .module {
            out += "\(pad)  code: flags=\(ste.codeFlags) cells=\(ste.codeCellvars.joined(separator: ",")) "
                + "frees=\(ste.freevars.joined(separator: ","))\n"
        }
        out += "\(pad)  varnames:"
        for v in ste.varnames { out += " " + v }
        out += "\n"
        let passThrough = SymbolScope.free.rawValue << SymbolFlags.scopeOffset
        var tail: [String] = []
        for (name, flags) in ste.symbols {
            if flags == passThrough { tail.append(name); continue }
            out += "\(pad)  \(name) \(flags)\n"
        }
        for name in tail.sorted(by: utf8Less) { out += "\(pad)  \(name) \(passThrough)\n" }
        for child in ste.children { dump(child, depth: depth + 1, code: code, into: &out) }
    }
}
