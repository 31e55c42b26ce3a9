/// Runtime helpers the KaaStdlib modules use (package-level entry points to internal runtime functions).

package func collectIterablePackage(_ v: PyValue) -> [PyValue]? { collectIterable(v) }
package func tupleCountPackage(_ v: PyValue) -> Int { tupleCount(v) }
package func tupleItemPackage(_ v: PyValue, _ i: Int) -> PyValue { tupleItem(v, i) }
package func strSwiftPackage(_ v: PyValue) -> String { strSwift(v) }

/// Argument binding with Argument Clinic's messages (see ArgParse.swift).
package func bindPackage(_ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word, _ fname: String, _ names: [String],
                         required: Int, kwOnlyFrom: Int? = nil) -> [PyValue]? {
    Args(p, n, kw).bind(fname, names, required: required, kwOnlyFrom: kwOnlyFrom)
}

/// Calls type(v).name(v) when the type defines it; NULL without an exception when it does not.
package func callMethodIfPresent(_ v: PyValue, _ name: String) -> PyValue {
    let f = typeLookup(v.type, internStr(name))
    if f.isNull { return .null }
    return callDunder(v, name, [])
}

/// Whether v can become a float through __float__ or __index__ (a heap class defining one of them, or an int type).
package func callMethodIfPresentCheck(_ v: PyValue) -> Bool {
    if v.type.pointee.index != nil { return true }
    return !typeLookup(v.type, internStr("__float__")).isNull || !typeLookup(v.type, internStr("__index__")).isNull
}
