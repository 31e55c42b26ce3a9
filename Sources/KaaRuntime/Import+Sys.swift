/// `sys.implementation` (CPython: make_impl_info in Python/sysmodule.c): a `types.SimpleNamespace` naming the
/// implementation and the cache tag the import system puts in `__pycache__` file names.

// types.SimpleNamespace and newNamespace live in Sys.swift.

/// sys.implementation: name 'kaa', cache_tag 'kaa-311', the language version it implements.
func makeImplementationInfo(versionInfo: PyValue) -> PyValue {
    newNamespace([
        ("name", newStr("kaa")),
        ("cache_tag", newStr(ImportCache.cacheTag)),
        ("version", newRef(versionInfo)),
        ("hexversion", makeInt(0x030B07F0)),
        ("_multiarch", newStr("x86_64-linux-gnu")),
    ])
}
