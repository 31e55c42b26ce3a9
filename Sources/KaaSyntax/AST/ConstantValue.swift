import BigInt
import KaaCore

/// The value of an `ast.Constant` (and of `MatchSingleton`): what CPython's ASDL calls `constant`.
/// Tuples and frozensets appear only after constant folding in the compiler's AST optimizer.
public indirect enum ConstantValue: Hashable, Sendable {
    case none
    case ellipsis
    case bool(Bool)
    case int(BigInt)
    case float(Double)
    case complex(real: Double, imag: Double)
    case str(PyString)
    case bytes([UInt8])
    case tuple([ConstantValue])
    case frozenset([ConstantValue])

    /// `repr()` of the value, as `ast.dump` prints it.
    public var repr: String {
        switch self {
        case .none: return "None"
        case .ellipsis: return "Ellipsis"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PyRepr.float(d)
        case .complex(let re, let im): return PyRepr.complex(real: re, imag: im)
        case .str(let s): return PyRepr.string(s)
        case .bytes(let b): return PyRepr.bytes(b)
        case .tuple(let items):
            if items.count == 1 { return "(" + items[0].repr + ",)" }
            return "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .frozenset(let items):
            if items.isEmpty { return "frozenset()" }
            return "frozenset({" + items.map(\.repr).joined(separator: ", ") + "})"
        }
    }
}

extension ConstantValue {
    /// The value as `ast.dump` meets it: its `repr()`, or for an int over CPython 3.11's 4300-digit limit the
    /// ValueError that `repr()` raises there.
    public var dumpValue: DumpValue {
        if case .int(let i) = self, PyRepr.int(i) == nil {
            return .unrepresentable(fallback: String(i), exception: "ValueError: " + PyRepr.intMaxStrDigitsMessage)
        }
        return .repr(repr)
    }
}
