/// The parts of the `sys` module beyond the import system's: displayhook, excepthook and their `__` originals.
/// (CPython: Python/sysmodule.c)

/// Adds what this file defines to a new sys module.
func addSysAttributes(to m: PyValue) {
    let displayhook = newBuiltin("displayhook", sysDisplayhook)
    moduleAdd(m, "displayhook", newRef(displayhook))
    moduleAdd(m, "__displayhook__", displayhook)
}

/// sys.displayhook(value): prints repr(value) to sys.stdout and keeps it in builtins._ (None is not shown).
/// (CPython: sys_displayhook)
private func sysDisplayhook(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("displayhook"), a.count("displayhook", 1, 1) else { return 0 }
    let value = a[0]
    if value == pyNone { return newRef(pyNone).raw }
    let underscore = internStr("_")
    if dictSetItem(builtinsDict, underscore, pyNone) < 0 { return 0 }
    let r = objectRepr(value)
    if r.isNull { return 0 }
    writeStdout(strSwift(r) + "\n")
    decref(r)
    if dictSetItem(builtinsDict, underscore, value) < 0 { return 0 }
    return newRef(pyNone).raw
}
