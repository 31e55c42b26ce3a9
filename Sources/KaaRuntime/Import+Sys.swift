/// `sys.implementation` (CPython: make_impl_info in Python/sysmodule.c): a `types.SimpleNamespace` naming the
/// implementation and the cache tag the import system puts in `__pycache__` file names.

// types.SimpleNamespace and newNamespace live in Sys.swift.

/// sys.implementation: name 'kaa', cache_tag 'kaa-311', Kaa's own version (a sys.version_info record, as PEP 421
/// asks: CPython's equals its language version, other implementations give their own) and its hexversion.
func makeImplementationInfo(version: PyValue, hexversion: Int) -> PyValue {
    newNamespace([
        ("name", newStr("kaa")),
        ("cache_tag", newStr(ImportCache.cacheTag)),
        ("version", newRef(version)),
        ("hexversion", makeInt(hexversion)),
        ("_multiarch", newStr("x86_64-linux-gnu")),
    ])
}
