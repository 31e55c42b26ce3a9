#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The header every heap object starts with, CPython's `PyObject`: a plain (non-atomic) reference count and the
/// type pointer. Payload structs start with this header (`struct FloatObject { var header: PyObject; ... }`).
public struct PyObject {
    var refcount: Int
    var type: TypePtr
}

public typealias ObjPtr = UnsafeMutablePointer<PyObject>
public typealias TypePtr = UnsafeMutablePointer<TypeObject>

/// Refcount of immortal objects (None, True, False, type objects): never reaches 0 in practice.
let immortalRefcount = 1 << 60

@inline(__always) func incref(_ v: PyValue) {
    if v.raw & 1 == 0 { v.obj.pointee.refcount &+= 1 }
}
/// incref of a value that may be NULL.
@inline(__always) func xincref(_ v: PyValue) {
    if v.raw & 1 == 0 && v.raw != 0 { v.obj.pointee.refcount &+= 1 }
}
@inline(__always) package func decref(_ v: PyValue) {
    if v.raw & 1 == 0 {
        let o = v.obj
        o.pointee.refcount &-= 1
        if o.pointee.refcount == 0 { o.pointee.type.pointee.dealloc(v.raw) }
    }
}
@inline(__always) func xdecref(_ v: PyValue) {
    if v.raw & 1 == 0 && v.raw != 0 {
        let o = v.obj
        o.pointee.refcount &-= 1
        if o.pointee.refcount == 0 { o.pointee.type.pointee.dealloc(v.raw) }
    }
}
/// Returns `v` with one more reference (Py_NewRef).
@inline(__always) package func newRef(_ v: PyValue) -> PyValue { incref(v); return v }

/// Allocates `T` (header + payload) with refcount 1. Memory from malloc; fields after the header are uninitialised
/// except by the caller's `initialize`.
@inline(__always) func allocObject<T>(_: T.Type, _ type: TypePtr, extra: Int = 0) -> UnsafeMutablePointer<T> {
    // Containers get a GC header in front (GC.swift).
    let raw = type.pointee.flags & TypeFlag.gcTracked != 0 ? gcAllocRaw(MemoryLayout<T>.stride + extra)
        : malloc(MemoryLayout<T>.stride + extra).unsafelyUnwrapped
    let o = raw.assumingMemoryBound(to: PyObject.self)
    o.initialize(to: PyObject(refcount: 1, type: type))
    return raw.assumingMemoryBound(to: T.self)
}

@inline(__always) func freeObject(_ w: UInt) {
    if ObjPtr(bitPattern: w).unsafelyUnwrapped.pointee.type.pointee.flags & TypeFlag.gcTracked != 0 { gcFree(w); return }
    free(UnsafeMutableRawPointer(bitPattern: w))
}

/// A plain object with only a header (None, NotImplemented, Ellipsis).
func makeImmortal(_ type: TypePtr) -> PyValue {
    let p = allocObject(PyObject.self, type)
    p.pointee.refcount = immortalRefcount
    return PyValue(p)
}

/// Immortal singletons. Initialised once by `Runtime.bootstrap()`; plain stored globals with constant initialisers
/// (no lazy `swift_once` on access in optimised builds).
nonisolated(unsafe) package var pyNone = PyValue.null
nonisolated(unsafe) var pyTrue = PyValue.null
nonisolated(unsafe) var pyFalse = PyValue.null
nonisolated(unsafe) var pyEllipsis = PyValue.null
nonisolated(unsafe) var pyNotImplemented = PyValue.null

/// `type(v) is t or issubclass(type(v), t)`
@inline(__always) package func isInstance(_ v: PyValue, _ t: TypePtr) -> Bool {
    let vt = v.type
    return vt == t || isSubtype(vt, t)
}

package func isSubtype(_ a: TypePtr, _ b: TypePtr) -> Bool {
    if a == b { return true }
    let buf = a.pointee.mroBuf.unsafelyUnwrapped
    for i in 0..<a.pointee.mroCount where buf[i] == b { return true }
    return false
}
