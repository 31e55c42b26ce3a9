import BigInt
import KaaCore

/// A value a code object's `co_consts` can hold, and more generally anything `marshal` carries.
///
/// Code objects only hold the immutable kinds (None, Ellipsis, bool, int, float, complex, str, bytes, tuple,
/// frozenset, code); `list`, `dict`, `set` and `StopIteration` exist so that the marshal reader accepts every
/// type code CPython writes. Frozenset elements keep their marshal order (CPython writes them sorted by their own
/// marshal bytes); `reprOrder` gives the order CPython's `repr` shows after loading.
public indirect enum BytecodeConstant: CustomStringConvertible {
    case none
    case ellipsis
    case stopIteration
    case bool(Bool)
    case int(BigInt)
    case float(Double)
    case complex(real: Double, imag: Double)
    case str(PyString)
    case bytes([UInt8])
    case tuple([BytecodeConstant])
    case frozenset([BytecodeConstant])
    case code(CodeObject)
    case list([BytecodeConstant])
    case set([BytecodeConstant])
    case dict([(key: BytecodeConstant, value: BytecodeConstant)])

    public static func str(_ s: String) -> BytecodeConstant { .str(PyString(s)) }
    public static func int(_ i: Int) -> BytecodeConstant { .int(BigInt(i)) }

    /// Python's `repr()` of the value, as `dis` prints constants.
    public var repr: String {
        var out = ""
        writeRepr(to: &out)
        return out
    }

    public var description: String { repr }

    func writeRepr(to out: inout String) {
        switch self {
        case .none: out += "None"
        case .ellipsis: out += "Ellipsis"
        case .stopIteration: out += "<class 'StopIteration'>"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .float(let d): out += PyRepr.float(d)
        case .complex(let re, let im): out += PyRepr.complex(real: re, imag: im)
        case .str(let s): out += PyRepr.string(s)
        case .bytes(let b): out += PyRepr.bytes(b)
        case .tuple(let items):
            out += "("
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeRepr(to: &out)
            }
            out += items.count == 1 ? ",)" : ")"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeRepr(to: &out)
            }
            out += "]"
        case .frozenset(let items):
            if items.isEmpty { out += "frozenset()"; return }
            out += "frozenset({"
            writeSetItems(items, to: &out)
            out += "})"
        case .set(let items):
            if items.isEmpty { out += "set()"; return }
            out += "{"
            writeSetItems(items, to: &out)
            out += "}"
        case .dict(let items):
            out += "{"
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.key.writeRepr(to: &out)
                out += ": "
                item.value.writeRepr(to: &out)
            }
            out += "}"
        case .code(let co): out += co.repr
        }
    }

    private func writeSetItems(_ items: [BytecodeConstant], to out: inout String) {
        for (i, item) in PySetOrder.iterationOrder(items).enumerated() {
            if i > 0 { out += ", " }
            item.writeRepr(to: &out)
        }
    }
}

extension BytecodeConstant: Equatable {
    /// Identity of values as the compiler and marshal see them: same kind and same value, floats compared by bit
    /// pattern (so `0.0` and `-0.0` differ and a NaN equals itself), code objects compared field by field.
    public static func == (a: BytecodeConstant, b: BytecodeConstant) -> Bool {
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis), (.stopIteration, .stopIteration): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.complex(let xr, let xi), .complex(let yr, let yi)):
            return xr.bitPattern == yr.bitPattern && xi.bitPattern == yi.bitPattern
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.tuple(let x), .tuple(let y)), (.frozenset(let x), .frozenset(let y)),
             (.list(let x), .list(let y)), (.set(let x), .set(let y)):
            return x == y
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.code(let x), .code(let y)): return x === y || x == y
        default: return false
        }
    }
}
