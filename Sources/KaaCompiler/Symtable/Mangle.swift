/// Private name mangling: inside `class C`, `__spam` becomes `_C__spam`.
/// Not mangled: names without two leading underscores, names ending in two underscores (`__init__`), dotted names
/// (import statements), and any name when the class name is only underscores. Leading underscores of the class name
/// are dropped (`class _C` → `_C__spam`).
/// Works on UTF-8 bytes: every character the rules look at is the ASCII `_` or `.`.
/// (CPython 3.11: Python/compile.c `_Py_Mangle`)
public func pyMangle(privateName: String?, _ name: String) -> String {
    guard let privateName else { return name }
    let id = name.utf8
    // Needs two leading underscores.
    var it = id.makeIterator()
    guard it.next() == UInt8(ascii: "_"), it.next() == UInt8(ascii: "_") else { return name }
    // Don't mangle __id__ or names with dots. (CPython reads characters n-1 and n-2, which for "__" are the two
    // leading underscores themselves.)
    let bytes = Array(id)
    let n = bytes.count
    if bytes[n - 1] == UInt8(ascii: "_") && bytes[n - 2] == UInt8(ascii: "_") { return name }
    if bytes.contains(UInt8(ascii: ".")) { return name }
    // Strip leading underscores from the class name; don't mangle if it is only underscores.
    let priv = privateName.utf8
    guard let firstNonUnderscore = priv.firstIndex(where: { $0 != UInt8(ascii: "_") }) else { return name }
    return "_" + String(privateName[firstNonUnderscore...]) + name
}
