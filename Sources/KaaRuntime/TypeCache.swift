#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attribute cache in front of `typeLookup` (CPython: the method cache of _PyType_Lookup in
/// Objects/typeobject.c): a direct-mapped table of (type, name) → the result of the MRO walk, found or not.
///
/// Validity. CPython tags each type with a version invalidated on assignment to the type or its bases. Kaa keeps
/// one global epoch instead: an entry is valid when it was filled in the current epoch. The epoch moves when
/// - a dict the cache has read (a type's namespace, marked `typeWatched` while filling) is changed or freed —
///   every mutation of a dict goes through Dict.swift, so no path that changes a class namespace is missed;
/// - a type's MRO is set (class creation, a change of `__bases__`).
/// Class namespaces change rarely after creation, so one global epoch costs little and cannot go stale.
/// The value is borrowed: the watched dict holds it for as long as the epoch stays the same. The name is held
/// (a reference), so a freed string's address cannot alias a cached name.
struct TypeCacheEntry {
    var type: UInt
    var name: UInt
    var epoch: UInt
    var value: UInt
}

let typeCacheSize = 4096
nonisolated(unsafe) var typeCacheEpoch: UInt = 1
nonisolated(unsafe) var typeCacheTable: UnsafeMutablePointer<TypeCacheEntry>? = nil

@inline(__always) func invalidateTypeCache() { typeCacheEpoch &+= 1 }

/// _PyType_Lookup: `name` (a str) along the MRO of `t`, borrowed; NULL when absent (never raises).
@inline(__always) func typeLookup(_ t: TypePtr, _ name: PyValue) -> PyValue {
    let tw = UInt(bitPattern: t)
    let i = Int(((tw >> 4) ^ (name.raw >> 4) ^ (name.raw >> 13)) & UInt(typeCacheSize - 1))
    if let table = typeCacheTable {
        let e = table + i
        if e.pointee.type == tw && e.pointee.name == name.raw && e.pointee.epoch == typeCacheEpoch {
            return PyValue(raw: e.pointee.value)
        }
    }
    return typeLookupFill(t, name, i)
}

@inline(never) func typeLookupFill(_ t: TypePtr, _ name: PyValue, _ i: Int) -> PyValue {
    let v = typeLookupUncached(t, name)
    if typeCacheTable == nil {
        let table = UnsafeMutablePointer<TypeCacheEntry>.allocate(capacity: typeCacheSize)
        table.initialize(repeating: TypeCacheEntry(type: 0, name: 0, epoch: 0, value: 0), count: typeCacheSize)
        typeCacheTable = table
    }
    let e = typeCacheTable.unsafelyUnwrapped + i
    if e.pointee.name != name.raw {
        incref(name)
        let old = e.pointee.name
        e.pointee.name = name.raw
        if old != 0 { decref(PyValue(raw: old)) }
    }
    e.pointee.type = UInt(bitPattern: t)
    e.pointee.epoch = typeCacheEpoch
    e.pointee.value = v.raw
    return v
}

/// The MRO walk itself; marks every namespace it reads as watched.
func typeLookupUncached(_ t: TypePtr, _ name: PyValue) -> PyValue {
    let buf = t.pointee.mroBuf.unsafelyUnwrapped
    for i in 0..<t.pointee.mroCount {
        let d = buf[i].pointee.dict
        if d.isNull { continue }
        dictPtr(d).pointee.typeWatched = true
        let v = dictGetItemStr(d, name)
        if !v.isNull { return v }
    }
    return .null
}

/// The interned str of a special-method name given as a Swift string (callDunder, lookupSpecial): a small
/// direct-mapped cache in front of `internStr`, whose dictionary lookup hashes the whole Swift string.
struct DunderNameEntry {
    var name: String
    var value: PyValue
}
nonisolated(unsafe) var dunderNames: UnsafeMutablePointer<DunderNameEntry>? = nil

@inline(__always) func internDunder(_ name: String) -> PyValue {
    let u = name.utf8
    let n = u.count
    let c = n > 4 ? Int(u[u.index(u.startIndex, offsetBy: 2)]) &+ Int(u[u.index(u.startIndex, offsetBy: 3)]) &* 3 : 0
    let i = (n &* 17 &+ c) & 63
    if let t = dunderNames, t[i].name == name { return t[i].value }
    return internDunderFill(name, i)
}

@inline(never) func internDunderFill(_ name: String, _ i: Int) -> PyValue {
    if dunderNames == nil {
        let t = UnsafeMutablePointer<DunderNameEntry>.allocate(capacity: 64)
        t.initialize(repeating: DunderNameEntry(name: "", value: .null), count: 64)
        dunderNames = t
    }
    let v = internStr(name)
    dunderNames.unsafelyUnwrapped[i] = DunderNameEntry(name: name, value: v)
    return v
}
