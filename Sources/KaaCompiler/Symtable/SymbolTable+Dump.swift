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

extension SymbolTable {
    /// The whole table in the text form above.
    public func dump() -> String {
        var out = ""
        SymbolTable.dump(top, depth: 0, into: &out)
        return out
    }

    static func dump(_ ste: SymbolTableEntry, depth: Int, into out: inout String) {
        let pad = String(repeating: " ", count: depth * 2)
        out += "\(pad)\(ste.type.name) \(ste.name) lineno=\(ste.lineno) nested=\(ste.isNested ? 1 : 0)\n"
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
        for child in ste.children { dump(child, depth: depth + 1, into: &out) }
    }
}
