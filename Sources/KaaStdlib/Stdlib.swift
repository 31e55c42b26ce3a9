import KaaRuntime

/// KaaStdlib: Swift versions of the modules CPython writes in C (Modules/*.c): math, time, gc, _weakref, …
/// The runtime knows built-in modules only through `builtinModuleMakers` (name → function that builds the module
/// object); `Stdlib.install()` registers this target's modules there. The `kaa` command calls it before running
/// anything. A module that belongs to the interpreter itself (`sys`, `builtins`) stays in KaaRuntime, as in CPython
/// (Python/sysmodule.c, Python/bltinmodule.c).
///
/// KaaStdlib uses the runtime's `package`-level API (objects, errors, builtin functions). Mark a runtime symbol
/// `package` when a module here needs it.
public enum Stdlib {
    public static func install() {
        builtinModuleMakers["math"] = makeMathModule
        builtinModuleMakers["time"] = makeTimeModule
        builtinModuleMakers["_weakref"] = makeWeakrefModule
        builtinModuleMakers["gc"] = makeGCModule
    }
}
