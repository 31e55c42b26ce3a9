#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Slot signatures. `@convention(c)`: a bare code pointer, no context, no reference counting when loaded or called
/// (docs/OBJECT-MODEL.md "Types"). Values cross as raw words (`PyValue.raw`) because C-convention functions only
/// take C-representable types. A returned word 0 (NULL) means "an exception is set" (`Runtime.error`), except for
/// `iternext`, where NULL without an exception means "exhausted".
package typealias Word = UInt
package typealias DeallocFn = @convention(c) (Word) -> Void
package typealias UnaryFn = @convention(c) (Word) -> Word
package typealias BinaryFn = @convention(c) (Word, Word) -> Word
/// Returns -1 on error (hash, len, bool, contains, setitem, setattr, init).
package typealias HashFn = @convention(c) (Word) -> Int
package typealias InquiryFn = @convention(c) (Word, Word) -> Int
package typealias RichCmpFn = @convention(c) (Word, Word, Int) -> Word
package typealias SetItemFn = @convention(c) (Word, Word, Word) -> Int
package typealias DescrGetFn = @convention(c) (Word, Word, Word) -> Word
/// Vectorcall: callable, args, nargs (positional), kwnames (a tuple of str, or 0). The keyword values follow the
/// positional ones in `args`.
package typealias CallFn = @convention(c) (Word, UnsafePointer<UInt>?, Int, Word) -> Word

/// Number slots indexed by BINARY_OP's oparg (`NB_ADD` 0 … `NB_XOR` 12, then the in-place forms 13 … 25).
let nbSlotCount = 26

/// A type object: CPython's `PyTypeObject` reduced to what the VM uses, in malloc'd memory, itself a heap object
/// (header first). Type objects are immortal, so their Swift-managed fields (name, mro) are never torn down.
public struct TypeObject {
    package var header: PyObject
    package var name: String
    package var base: TypePtr?
    /// Method resolution order, the type itself first (set with `setMRO`, which keeps the raw copy below in sync).
    package var mro: [TypePtr]
    /// The MRO as a malloc'd buffer: attribute lookups walk it without Swift array retain/release.
    package var mroBuf: UnsafeMutablePointer<TypePtr>?
    package var mroCount: Int
    /// `__dict__`: a dict object (str → attribute).
    package var dict: PyValue
    package var isHeapType: Bool
    /// Instances may carry a `__dict__` at this byte offset from the object start (0: none).
    package var dictOffset: Int
    /// Size of an instance (header + fixed payload); heap types allocate this much.
    package var basicSize: Int
    package var flags: UInt

    package var dealloc: DeallocFn
    package var repr: UnaryFn?
    package var str: UnaryFn?
    package var hash: HashFn?
    package var richcompare: RichCmpFn?
    package var getattro: BinaryFn?
    package var setattro: SetItemFn?
    package var call: CallFn?
    package var iter: UnaryFn?
    package var iternext: UnaryFn?
    package var descrGet: DescrGetFn?
    /// tp_new as vectorcall: the type is the first word.
    package var new: CallFn?
    /// tp_init: self, args, nargs, kwnames → -1 on error.
    package var initFn: (@convention(c) (Word, UnsafePointer<UInt>?, Int, Word) -> Int)?
    /// nb_* binary slots, `nbSlotCount` entries (malloc'd, never freed).
    package var nb: UnsafeMutablePointer<BinaryFn?>
    package var neg: UnaryFn?
    package var pos: UnaryFn?
    package var invert: UnaryFn?
    package var abs: UnaryFn?
    package var bool: HashFn?
    package var index: UnaryFn?
    package var toInt: UnaryFn?
    package var toFloat: UnaryFn?
    package var len: HashFn?
    package var getitem: BinaryFn?
    package var setitem: SetItemFn?
    package var contains: InquiryFn?
    /// Offsets of all `__slots__` members of a heap type's instances, its bases' included (setMemberOffsets).
    package var memberOffsets: UnsafeMutablePointer<Int>? = nil
    package var memberCount: Int = 0
}

/// Type flags (subset of CPython's Py_TPFLAGS_*), used for fast isinstance checks of built-in families.
enum TypeFlag {
    static let baseType: UInt = 1 << 10
    static let longSubclass: UInt = 1 << 24
    static let listSubclass: UInt = 1 << 25
    static let tupleSubclass: UInt = 1 << 26
    static let unicodeSubclass: UInt = 1 << 28
    static let dictSubclass: UInt = 1 << 29
    static let baseExcSubclass: UInt = 1 << 30
    static let typeSubclass: UInt = 1 << 31
}

// The built-in type objects (plain globals with constant initialisers; filled by Runtime.bootstrap).
nonisolated(unsafe) var typeType: TypePtr! = nil
nonisolated(unsafe) var objectType: TypePtr! = nil
nonisolated(unsafe) package var intType: TypePtr! = nil
nonisolated(unsafe) var boolType: TypePtr! = nil
nonisolated(unsafe) package var floatType: TypePtr! = nil
nonisolated(unsafe) package var strType: TypePtr! = nil
nonisolated(unsafe) var tupleType: TypePtr! = nil
nonisolated(unsafe) var listType: TypePtr! = nil
nonisolated(unsafe) var dictType: TypePtr! = nil
nonisolated(unsafe) var noneType: TypePtr! = nil
nonisolated(unsafe) var notImplementedType: TypePtr! = nil
nonisolated(unsafe) var ellipsisType: TypePtr! = nil
nonisolated(unsafe) var rangeType: TypePtr! = nil
nonisolated(unsafe) var sliceType: TypePtr! = nil
nonisolated(unsafe) var functionType: TypePtr! = nil
nonisolated(unsafe) var codeType: TypePtr! = nil
nonisolated(unsafe) var cellType: TypePtr! = nil
nonisolated(unsafe) var methodType: TypePtr! = nil
nonisolated(unsafe) var builtinFunctionType: TypePtr! = nil
nonisolated(unsafe) var methodDescriptorType: TypePtr! = nil
nonisolated(unsafe) var propertyType: TypePtr! = nil
nonisolated(unsafe) var staticMethodType: TypePtr! = nil
nonisolated(unsafe) var classMethodType: TypePtr! = nil
nonisolated(unsafe) var iteratorType: TypePtr! = nil

func deallocNever(_ w: Word) {}
func deallocPlain(_ w: Word) { freeObject(w) }

/// Creates a type object with no slots but the given dealloc; `base` supplies the mro tail and inherited slots.
func newType(_ name: String, base: TypePtr?, basicSize: Int, dealloc: DeallocFn = deallocPlain,
             flags: UInt = 0) -> TypePtr {
    let t = TypePtr.allocate(capacity: 1)
    let nb = UnsafeMutablePointer<BinaryFn?>.allocate(capacity: nbSlotCount)
    nb.initialize(repeating: nil, count: nbSlotCount)
    t.initialize(to: TypeObject(
        header: PyObject(refcount: immortalRefcount, type: typeType ?? t), name: name, base: base, mro: [],
        mroBuf: nil, mroCount: 0,
        dict: .null, isHeapType: false, dictOffset: 0, basicSize: basicSize, flags: flags | (base?.pointee.flags ?? 0),
        dealloc: dealloc, repr: nil, str: nil, hash: nil, richcompare: nil, getattro: nil, setattro: nil, call: nil,
        iter: nil, iternext: nil, descrGet: nil, new: nil, initFn: nil, nb: nb, neg: nil, pos: nil, invert: nil,
        abs: nil, bool: nil, index: nil, toInt: nil, toFloat: nil, len: nil, getitem: nil, setitem: nil,
        contains: nil))
    setMRO(t, [t] + (base?.pointee.mro ?? []))
    if let b = base { inheritSlots(t, from: b) }
    return t
}

/// Copies the slots `t` does not define from `b` (CPython: inherit_slots).
func inheritSlots(_ t: TypePtr, from b: TypePtr) {
    let s = b.pointee
    if t.pointee.repr == nil { t.pointee.repr = s.repr }
    if t.pointee.str == nil { t.pointee.str = s.str }
    if t.pointee.hash == nil { t.pointee.hash = s.hash }
    if t.pointee.richcompare == nil { t.pointee.richcompare = s.richcompare }
    if t.pointee.getattro == nil { t.pointee.getattro = s.getattro }
    if t.pointee.setattro == nil { t.pointee.setattro = s.setattro }
    if t.pointee.call == nil { t.pointee.call = s.call }
    if t.pointee.iter == nil { t.pointee.iter = s.iter }
    if t.pointee.iternext == nil { t.pointee.iternext = s.iternext }
    if t.pointee.descrGet == nil { t.pointee.descrGet = s.descrGet }
    if t.pointee.new == nil { t.pointee.new = s.new }
    if t.pointee.initFn == nil { t.pointee.initFn = s.initFn }
    for i in 0..<nbSlotCount where t.pointee.nb[i] == nil { t.pointee.nb[i] = s.nb[i] }
    if t.pointee.neg == nil { t.pointee.neg = s.neg }
    if t.pointee.pos == nil { t.pointee.pos = s.pos }
    if t.pointee.invert == nil { t.pointee.invert = s.invert }
    if t.pointee.abs == nil { t.pointee.abs = s.abs }
    if t.pointee.bool == nil { t.pointee.bool = s.bool }
    if t.pointee.index == nil { t.pointee.index = s.index }
    if t.pointee.toInt == nil { t.pointee.toInt = s.toInt }
    if t.pointee.toFloat == nil { t.pointee.toFloat = s.toFloat }
    if t.pointee.len == nil { t.pointee.len = s.len }
    if t.pointee.getitem == nil { t.pointee.getitem = s.getitem }
    if t.pointee.setitem == nil { t.pointee.setitem = s.setitem }
    if t.pointee.contains == nil { t.pointee.contains = s.contains }
    if t.pointee.dictOffset == 0 { t.pointee.dictOffset = s.dictOffset }
}

/// Looks `name` up along the MRO of `t` (CPython: _PyType_Lookup). Borrowed result, or NULL.
func setMRO(_ t: TypePtr, _ mro: [TypePtr]) {
    invalidateTypeCache()
    t.pointee.mro = mro
    t.pointee.mroBuf?.deallocate()
    let b = UnsafeMutablePointer<TypePtr>.allocate(capacity: max(mro.count, 1))
    for (i, m) in mro.enumerated() { b[i] = m }
    t.pointee.mroBuf = b
    t.pointee.mroCount = mro.count
}

extension TypePtr {
    package var asValue: PyValue { PyValue(raw: UInt(bitPattern: self)) }
}

/// The type's `__name__` as shown in messages.
@inline(__always) package func typeName(_ v: PyValue) -> String { v.type.pointee.name }
