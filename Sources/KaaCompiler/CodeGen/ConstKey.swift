import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

/// The identity of a constant in `co_consts`, as CPython's `_PyCode_ConstantKey` defines it: values of different
/// types never merge (`1`, `1.0`, `True` stay distinct), floats and complexes compare by bit pattern (so `0.0` and
/// `-0.0` differ), tuples and frozensets by their items' keys, code objects by the fields code_richcompare compares
/// (two identical genexps on one line, compiled twice by a `while` test, share one constant).
indirect enum ConstKey: Hashable {
    case none
    case ellipsis
    case bool(Bool)
    case int(BigInt)
    case float(UInt64)
    case complex(UInt64, UInt64)
    case str(PyString)
    case bytes([UInt8])
    case tuple([ConstKey])
    case frozenset(Set<ConstKey>)
    case code(CodeKey)
    case other(Int)

    init(_ c: BytecodeConstant) {
        switch c {
        case .none: self = .none
        case .ellipsis: self = .ellipsis
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d.bitPattern)
        case .complex(let r, let i): self = .complex(r.bitPattern, i.bitPattern)
        case .str(let s): self = .str(s)
        case .bytes(let b): self = .bytes(b)
        case .tuple(let items): self = .tuple(items.map(ConstKey.init))
        case .frozenset(let items): self = .frozenset(Set(items.map(ConstKey.init)))
        case .code(let co): self = .code(CodeKey(co))
        default: self = .other(0)
        }
    }
}

extension BytecodeConstant {
    /// An AST constant as a code object constant.
    init(_ v: ConstantValue) {
        switch v {
        case .none: self = .none
        case .ellipsis: self = .ellipsis
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d)
        case .complex(let r, let i): self = .complex(real: r, imag: i)
        case .str(let s): self = .str(s)
        case .bytes(let b): self = .bytes(b)
        case .tuple(let items): self = .tuple(items.map(BytecodeConstant.init))
        case .frozenset(let items): self = .frozenset(items.map(BytecodeConstant.init))
        }
    }

    /// CPython: PyObject_IsTrue for the constant kinds
    var isTrue: Bool {
        switch self {
        case .none: return false
        case .ellipsis, .stopIteration, .code: return true
        case .bool(let b): return b
        case .int(let i): return !i.isZero
        case .float(let d): return d != 0
        case .complex(let r, let i): return r != 0 || i != 0
        case .str(let s): return s.count > 0
        case .bytes(let b): return !b.isEmpty
        case .tuple(let x), .frozenset(let x), .list(let x), .set(let x): return !x.isEmpty
        case .dict(let d): return !d.isEmpty
        }
    }
}

/// The fields CPython's code_richcompare compares (not the qualname, nor the filename). Hashing looks at a few
/// cheap fields only; the full comparison (nested constants included) runs only when those collide.
struct CodeKey: Hashable {
    let co: CodeObject

    init(_ co: CodeObject) { self.co = co }

    func hash(into h: inout Hasher) {
        h.combine(co.name)
        h.combine(co.firstLineNumber)
        h.combine(co.code.count)
    }

    static func == (a: CodeKey, b: CodeKey) -> Bool {
        let x = a.co, y = b.co
        if x === y { return true }
        return x.name == y.name && x.argCount == y.argCount && x.posOnlyArgCount == y.posOnlyArgCount
            && x.kwOnlyArgCount == y.kwOnlyArgCount && x.flags == y.flags && x.firstLineNumber == y.firstLineNumber
            && x.code == y.code && x.names == y.names && x.localsPlusNames == y.localsPlusNames
            && x.lineTable == y.lineTable && x.exceptionTable == y.exceptionTable
            && x.consts.count == y.consts.count && zip(x.consts, y.consts).allSatisfy { ConstKey($0) == ConstKey($1) }
    }
}

extension BytecodeConstant {
    /// True if a NaN is in the value: CPython's keys compare a NaN only to itself (the same object), and every
    /// folded NaN is a new object, so such constants are never merged.
    var containsNaN: Bool {
        switch self {
        case .float(let d): return d.isNaN
        case .complex(let r, let i): return r.isNaN || i.isNaN
        case .tuple(let xs), .frozenset(let xs): return xs.contains { $0.containsNaN }
        default: return false
        }
    }
}

/// The key of a str constant in a unit's table: equality is PyString's, but the hash reads at most 16 code points
/// (the length, the first 8 and the last 8). Docstrings and long literals are hashed once per code object that
/// loads them; hashing all of their code points made PyString.hash a top entry of a compile profile.
struct ConstStrKey: Hashable {
    let s: PyString

    init(_ s: PyString) { self.s = s }

    func hash(into h: inout Hasher) {
        s.codePoints.withUnsafeBufferPointer { cps in
            let n = cps.count
            h.combine(n)
            if n <= 16 {
                h.combine(bytes: UnsafeRawBufferPointer(cps))
            } else {
                h.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(cps)[0..<32]))
                h.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(cps)[(4 * n - 32)...]))
            }
        }
    }

    static func == (a: ConstStrKey, b: ConstStrKey) -> Bool { a.s == b.s }
}
