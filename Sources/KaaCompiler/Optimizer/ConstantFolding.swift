import BigInt
import KaaSyntax
import KaaCore

// The folding rules of the AST optimizer: which operations on constants CPython 3.11 evaluates at compile time, with
// its limits on the size of the results. (CPython 3.11: Python/ast_opt.c fold_unaryop, fold_binop, safe_multiply,
// safe_power, safe_lshift, safe_mod, check_complexity, fold_subscr, make_const_tuple, fold_iter)

enum FoldLimits {
    /// Bits of an int result of `*`, `**`, `<<`. (CPython: MAX_INT_SIZE)
    static let maxIntSize = 128
    /// Items of a tuple or frozenset result of `*`. (CPython: MAX_COLLECTION_SIZE)
    static let maxCollectionSize = 256
    /// Characters (str) or bytes of a result of `*`. (CPython: MAX_STR_SIZE)
    static let maxStrSize = 4096
    /// Items of a repeated tuple including nested collections. (CPython: MAX_TOTAL_ITEMS)
    static let maxTotalItems = 1024
}

enum ConstantFolding {
    // MARK: unary

    /// CPython: fold_unaryop's table (PyNumber_Invert, unary_not, PyNumber_Positive, PyNumber_Negative).
    static func unary(_ op: UnaryOperator, _ v: ConstantValue) -> ConstantValue? {
        if op == .not { return .bool(!isTrue(v)) }
        guard let n = PyNumber(v) else { return nil }
        switch (op, n) {
        case (.invert, .int(let i)): return .int(-i - 1)
        case (.uAdd, .int(let i)): return .int(i)
        case (.uAdd, .float(let d)): return .float(d)
        case (.uAdd, .complex(let re, let im)): return .complex(real: re, imag: im)
        case (.uSub, .int(let i)): return .int(-i)
        case (.uSub, .float(let d)): return .float(-d)
        case (.uSub, .complex(let re, let im)): return .complex(real: -re, imag: -im)
        default: return nil
        }
    }

    // MARK: binary

    /// CPython: fold_binop's switch, with the safe_* guards.
    static func binary(_ op: BinaryOperator, _ l: ConstantValue, _ r: ConstantValue) -> ConstantValue? {
        switch op {
        case .add: return add(l, r)
        case .sub, .div, .floorDiv, .rShift, .bitOr, .bitXor, .bitAnd:
            guard let x = PyNumber(l), let y = PyNumber(r) else { return nil }
            if case .bool(let a) = l, case .bool(let b) = r {
                // bool & | ^ bool stays a bool.
                switch op {
                case .bitOr: return .bool(a || b)
                case .bitXor: return .bool(a != b)
                case .bitAnd: return .bool(a && b)
                default: break
                }
            }
            return numericBinary(op, x, y)
        case .mult: return safeMultiply(l, r)
        case .mod: return safeMod(l, r)
        case .pow: return safePower(l, r)
        case .lShift: return safeLShift(l, r)
        case .matMult: return nil   // no constant implements matrix multiplication
        }
    }

    static func add(_ l: ConstantValue, _ r: ConstantValue) -> ConstantValue? {
        switch (l, r) {
        case (.str(let a), .str(let b)): return .str(PyString(codePoints: a.codePoints + b.codePoints))
        case (.bytes(let a), .bytes(let b)): return .bytes(a + b)
        case (.tuple(let a), .tuple(let b)): return .tuple(a + b)
        default:
            guard let x = PyNumber(l), let y = PyNumber(r) else { return nil }
            return numericBinary(.add, x, y)
        }
    }

    private static func intValue(_ v: ConstantValue) -> BigInt? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// _PyLong_NumBits
    private static func numBits(_ i: BigInt) -> Int { i.magnitude.bitWidth }

    /// PyLong_AsLong: nil on overflow (CPython then sees -1 with an error: the caller's `n < 0` rejects it).
    private static func asLong(_ i: BigInt) -> Int? { Int(exactly: i) }

    /// CPython: safe_multiply
    static func safeMultiply(_ v: ConstantValue, _ w: ConstantValue) -> ConstantValue? {
        if let a = intValue(v), let b = intValue(w) {
            if !a.isZero && !b.isZero && numBits(a) + numBits(b) > FoldLimits.maxIntSize { return nil }
            return .int(a * b)
        }
        if let n = intValue(v) {
            switch w {
            case .tuple(let items), .frozenset(let items):
                let size = items.count
                if size != 0 {
                    guard let count = asLong(n), count >= 0, count <= FoldLimits.maxCollectionSize / size else {
                        return nil
                    }
                    if count != 0 && checkComplexity(w, FoldLimits.maxTotalItems / count) < 0 { return nil }
                }
                return repeatSequence(w, n)
            case .str(let s):
                if s.count != 0 {
                    guard let count = asLong(n), count >= 0, count <= FoldLimits.maxStrSize / s.count else {
                        return nil
                    }
                }
                return repeatSequence(w, n)
            case .bytes(let b):
                if !b.isEmpty {
                    guard let count = asLong(n), count >= 0, count <= FoldLimits.maxStrSize / b.count else {
                        return nil
                    }
                }
                return repeatSequence(w, n)
            default: break
            }
        }
        if intValue(w) != nil {
            switch v {
            case .tuple, .frozenset, .str, .bytes: return safeMultiply(w, v)
            default: break
            }
        }
        guard let x = PyNumber(v), let y = PyNumber(w) else { return nil }
        return numericBinary(.mult, x, y)
    }

    /// PyNumber_Multiply of a sequence by an int: the count must fit a Py_ssize_t (else OverflowError); a count
    /// below 1 gives the empty sequence. A frozenset cannot be repeated (TypeError).
    private static func repeatSequence(_ seq: ConstantValue, _ n: BigInt) -> ConstantValue? {
        guard let count = Int(exactly: n) else { return nil }
        let times = max(count, 0)
        switch seq {
        case .str(let s):
            if s.count == 0 { return seq }
            var cps: [UInt32] = []
            cps.reserveCapacity(s.count * times)
            for _ in 0..<times { cps.append(contentsOf: s.codePoints) }
            return .str(PyString(codePoints: cps))
        case .bytes(let b):
            if b.isEmpty { return seq }
            var out: [UInt8] = []
            out.reserveCapacity(b.count * times)
            for _ in 0..<times { out.append(contentsOf: b) }
            return .bytes(out)
        case .tuple(let items):
            if items.isEmpty { return seq }
            var out: [ConstantValue] = []
            out.reserveCapacity(items.count * times)
            for _ in 0..<times { out.append(contentsOf: items) }
            return .tuple(out)
        default:
            return nil
        }
    }

    /// CPython: check_complexity — the limit left after counting the items of nested tuples and frozensets.
    static func checkComplexity(_ obj: ConstantValue, _ limitIn: Int) -> Int {
        var limit = limitIn
        switch obj {
        case .tuple(let items), .frozenset(let items):
            limit -= items.count
            var i = 0
            while limit >= 0 && i < items.count {
                limit = checkComplexity(items[i], limit)
                i += 1
            }
            return limit
        default:
            return limit
        }
    }

    /// CPython: safe_power
    static func safePower(_ v: ConstantValue, _ w: ConstantValue) -> ConstantValue? {
        if let a = intValue(v), let b = intValue(w), !a.isZero, b.sign == .plus, !b.isZero {
            let vbits = numBits(a)
            guard let wbits = Int(exactly: b) else { return nil }   // PyLong_AsSize_t overflow
            if vbits > FoldLimits.maxIntSize / wbits { return nil }
        }
        guard let x = PyNumber(v), let y = PyNumber(w) else { return nil }
        return numericBinary(.pow, x, y)
    }

    /// CPython: safe_lshift
    static func safeLShift(_ v: ConstantValue, _ w: ConstantValue) -> ConstantValue? {
        guard let a = intValue(v), let b = intValue(w) else { return nil }
        if !a.isZero && !b.isZero {
            let vbits = numBits(a)
            guard b.sign == .plus, let wbits = Int(exactly: b) else { return nil }   // PyLong_AsSize_t fails
            if wbits > FoldLimits.maxIntSize || vbits > FoldLimits.maxIntSize - wbits { return nil }
        }
        return intLShift(a, b).map { .int($0) }
    }

    /// CPython: safe_mod — never folds str or bytes formatting.
    static func safeMod(_ v: ConstantValue, _ w: ConstantValue) -> ConstantValue? {
        switch v {
        case .str, .bytes: return nil
        default: break
        }
        guard let x = PyNumber(v), let y = PyNumber(w) else { return nil }
        return numericBinary(.mod, x, y)
    }

    // MARK: subscript

    /// CPython: fold_subscr's PyObject_GetItem on constants: str, bytes and tuple indexed by an int.
    static func getItem(_ v: ConstantValue, _ index: ConstantValue) -> ConstantValue? {
        guard let i = intValue(index), let idx = Int(exactly: i) else { return nil }
        func normalize(_ count: Int) -> Int? {
            let k = idx < 0 ? idx + count : idx
            return k >= 0 && k < count ? k : nil
        }
        switch v {
        case .str(let s):
            guard let k = normalize(s.count) else { return nil }
            return .str(PyString(codePoints: [s.codePoints[k]]))
        case .bytes(let b):
            guard let k = normalize(b.count) else { return nil }
            return .int(BigInt(b[k]))
        case .tuple(let items):
            guard let k = normalize(items.count) else { return nil }
            return items[k]
        default:
            return nil
        }
    }

    // MARK: collections

    /// CPython: make_const_tuple — the constant tuple of `elts` if all are constants.
    static func constTuple(_ elts: [Expr]) -> [ConstantValue]? {
        var out: [ConstantValue] = []
        out.reserveCapacity(elts.count)
        for e in elts {
            guard case .constant(let v, _) = e.kind else { return nil }
            out.append(v)
        }
        return out
    }

    /// PyFrozenSet_New(tuple): duplicates (by Python equality) dropped, the first kept. The items stay in insertion
    /// order; the iteration order CPython's hash table gives them is the marshal writer's business.
    static func frozenset(_ items: [ConstantValue]) -> ConstantValue {
        var out: [ConstantValue] = []
        for item in items where !out.contains(where: { pyEquals($0, item) }) {
            out.append(item)
        }
        return .frozenset(out)
    }
}
