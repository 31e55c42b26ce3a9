import BigInt

/// `PyValue`: one 64-bit word (docs/OBJECT-MODEL.md "Values").
///   low bit 1   → small int in the upper 63 bits (two's complement)
///   low bits 00 → pointer to a heap object (8-byte aligned); 0 is NULL, the VM's "no value"
/// Copying a PyValue never touches a reference count: ownership is written out with incref/decref, as in CPython.
public struct PyValue: Equatable {
    public var raw: UInt

    @inline(__always) public init(raw: UInt) { self.raw = raw }
    @inline(__always) package init(_ p: ObjPtr) { raw = UInt(bitPattern: p) }

    /// NULL. A computed constant, not a `static let`: in optimised builds stores of the lazily initialised global
    /// were observed to be lost on the value stack (PUSH_NULL / LOAD_METHOD / LOAD_GLOBAL's NULL).
    @inline(__always) public static var null: PyValue { PyValue(raw: 0) }

    @inline(__always) package var isNull: Bool { raw == 0 }
    @inline(__always) package var isSmallInt: Bool { raw & 1 != 0 }
    /// The small int's value (only when `isSmallInt`).
    @inline(__always) package var smallInt: Int { Int(bitPattern: raw) >> 1 }
    /// The heap object (only when not a small int and not NULL).
    @inline(__always) package var obj: ObjPtr { ObjPtr(bitPattern: raw).unsafelyUnwrapped }

    /// Small ints hold 63 bits: [-2**62, 2**62).
    package static let smallMin = -(1 << 62)
    package static let smallMax = (1 << 62) - 1

    /// A small int; the caller guarantees the range.
    @inline(__always) package static func small(_ i: Int) -> PyValue { PyValue(raw: UInt(bitPattern: i << 1) | 1) }

    /// `type(v)`
    @inline(__always) package var type: TypePtr { isSmallInt ? intType : obj.pointee.type }

    /// Pointer to the payload viewed as `T` (a struct whose first field is the `PyObject` header).
    @inline(__always) package func payload<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        UnsafeMutableRawPointer(bitPattern: raw).unsafelyUnwrapped.assumingMemoryBound(to: T.self)
    }
}

/// An int as a value: small when it fits, a heap big int otherwise.
@inline(__always) package func makeInt(_ i: Int) -> PyValue {
    if i >= PyValue.smallMin && i <= PyValue.smallMax { return .small(i) }
    return newBigInt(BigInt(i))
}

@inline(__always) package func makeBool(_ b: Bool) -> PyValue { b ? pyTrue : pyFalse }
