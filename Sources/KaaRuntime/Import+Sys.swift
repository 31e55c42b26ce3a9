/// `sys.implementation` (CPython: make_impl_info in Python/sysmodule.c): a `types.SimpleNamespace` naming the
/// implementation and the cache tag the import system puts in `__pycache__` file names.

struct NamespaceObject {
    var header: PyObject
    var dict: PyValue
}

nonisolated(unsafe) var simpleNamespaceType: TypePtr! = nil

/// The `types.SimpleNamespace` type, made on first use: attributes in an instance dict, CPython's repr.
func namespaceType() -> TypePtr {
    if let t = simpleNamespaceType { return t }
    let t = newType("types.SimpleNamespace", base: objectType, basicSize: MemoryLayout<NamespaceObject>.stride,
                    dealloc: { w in
                        xdecref(PyValue(raw: w).payload(NamespaceObject.self).pointee.dict)
                        freeObject(w)
                    })
    t.pointee.dict = newDict()
    t.pointee.dictOffset = MemoryLayout<PyObject>.stride
    t.pointee.getattro = genericGetAttrSlot
    t.pointee.setattro = genericSetAttrSlot
    // CPython: namespace_repr — `namespace(a=1, b='x')` in insertion order.
    t.pointee.repr = { w in
        let d = PyValue(raw: w).payload(NamespaceObject.self).pointee.dict
        var parts: [String] = []
        var pos = 0
        while !d.isNull, let e = dictNext(d, &pos) {
            let r = objectRepr(e.value)
            if r.isNull { return 0 }
            parts.append("\(strSwift(e.key))=\(strSwift(r))")
            decref(r)
        }
        return newStr("namespace(\(parts.joined(separator: ", ")))").raw
    }
    simpleNamespaceType = t
    return t
}

/// A SimpleNamespace holding `items` (values stolen).
func newNamespace(_ items: [(String, PyValue)]) -> PyValue {
    let p = allocObject(NamespaceObject.self, namespaceType())
    p.pointee.dict = newDict()
    for (k, v) in items {
        _ = dictSetItem(p.pointee.dict, internStr(k), v)
        decref(v)
    }
    return PyValue(raw: UInt(bitPattern: p))
}

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
