import BigInt
import KaaCore

/// Writes marshal version 4 like CPython's `marshal.dumps`. CPython: w_object / w_complex_object
///
/// CPython marks an object with FLAG_REF (and writes later occurrences of the same object as TYPE_REF) when its
/// reference count is above one, and writes strings as "interned" when they are. Kaa's constants are values, so
/// the writer reproduces the usual outcome from the object graph: strings CPython interns in code objects (names,
/// identifier-like constants) are written interned; singletons (small ints, empty and one-character strings and
/// bytes, the empty tuple), the bytecode, the top-level object and values occurring more than once get FLAG_REF,
/// equal values being shared. Whatever the flags, CPython loads equal objects.
struct MarshalWriter {
    var output: [UInt8] = []
    var depth = 0
    /// FLAG_REF'd values written so far → their reference index.
    var refIndex: [RefKey: Int] = [:]
    var refCount = 0
    /// Values the pre-pass saw more than once (by value).
    var repeated: Set<RefKey> = []
    /// Strings CPython would have interned.
    var interned: Set<PyString> = []
    /// Whether the pre-pass has run (it runs on the top-level value).
    var prepared = false

    init() { output.reserveCapacity(4096) }

    /// Identity of a value for sharing: kind and exact value.
    indirect enum RefKey: Hashable {
        case str(PyString), bytes([UInt8]), int(BigInt), float(UInt64), complex(UInt64, UInt64)
        case tuple([RefKey]), frozenset([RefKey]), code(ObjectIdentifier), unique(Int)
        case none, ellipsis, stopIteration, bool(Bool), other
    }

    static func key(_ v: BytecodeConstant) -> RefKey {
        switch v {
        case .str(let s): return .str(s)
        case .bytes(let b): return .bytes(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d.bitPattern)
        case .complex(let r, let i): return .complex(r.bitPattern, i.bitPattern)
        case .tuple(let items):
            let keys = items.map(key)
            return keys.contains(.other) ? .other : .tuple(keys)
        case .frozenset(let items):
            let keys = items.map(key)
            return keys.contains(.other) ? .other : .frozenset(keys)
        case .code(let c): return .code(ObjectIdentifier(c))
        case .none: return .none
        case .ellipsis: return .ellipsis
        case .stopIteration: return .stopIteration
        case .bool(let b): return .bool(b)
        case .list, .set, .dict: return .other
        }
    }

    // MARK: Pre-pass

    /// CPython: all_name_chars (strings made only of ASCII letters, digits and '_' are interned as constants).
    static func isNameLike(_ s: PyString) -> Bool {
        s.codePoints.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    mutating func prepare(_ top: BytecodeConstant) {
        prepared = true
        var seen: Set<RefKey> = []
        func count(_ v: BytecodeConstant) {
            switch v {
            case .str, .int, .float, .complex, .tuple, .frozenset:
                let k = Self.key(v)
                if !seen.insert(k).inserted { repeated.insert(k) }
            default: break
            }
            switch v {
            case .tuple(let items), .frozenset(let items), .list(let items), .set(let items):
                items.forEach(count)
            case .dict(let items):
                for (k, value) in items { count(k); count(value) }
            case .code(let co):
                for s in co.names { interned.insert(s) }
                for s in co.localsPlusNames { interned.insert(s) }
                if Self.isNameLike(co.name) { interned.insert(co.name) }
                internConstants(co.consts)
                co.consts.forEach(count)
                // Names are shared objects (interned); count them so repeated ones are shared too.
                for s in co.names { countString(s) }
                for s in co.localsPlusNames { countString(s) }
                countString(co.filename)
                countString(co.name)
                countString(co.qualname)
            default: break
            }
        }
        func countString(_ s: PyString) {
            let k = RefKey.str(s)
            if !seen.insert(k).inserted { repeated.insert(k) }
        }
        count(top)
    }

    // CPython: intern_string_constants
    mutating func internConstants(_ items: [BytecodeConstant]) {
        for item in items {
            switch item {
            case .str(let s) where Self.isNameLike(s): interned.insert(s)
            case .tuple(let inner), .frozenset(let inner): internConstants(inner)
            default: break
            }
        }
    }

    /// Whether CPython's object would have a reference count above one.
    func wantsRef(_ v: BytecodeConstant, isTop: Bool) -> Bool {
        if isTop { return true }
        switch v {
        case .int(let i): return (i >= -5 && i <= 256) || repeated.contains(.int(i))
        case .str(let s):
            if s.count == 0 || (s.count == 1 && s.codePoints[0] < 0x100) { return true }
            return interned.contains(s) || repeated.contains(.str(s))
        case .bytes(let b): return b.count <= 1
        case .tuple(let items): return items.isEmpty || repeated.contains(Self.key(v))
        case .float, .complex, .frozenset: return repeated.contains(Self.key(v))
        default: return false
        }
    }

    // MARK: Writing

    @inline(__always) mutating func byte(_ b: UInt8) { output.append(b) }

    mutating func long(_ v: Int) {
        let u = UInt32(truncatingIfNeeded: v)
        output.append(UInt8(u & 0xff)); output.append(UInt8((u >> 8) & 0xff))
        output.append(UInt8((u >> 16) & 0xff)); output.append(UInt8(u >> 24))
    }

    mutating func double(_ d: Double) {
        let bits = d.bitPattern
        for i in 0..<8 { output.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    }

    mutating func size(_ n: Int) throws {
        if n > Int(Int32.max) { throw BytecodeError("ValueError", "unmarshallable object") }
        long(n)
    }

    mutating func write(_ v: BytecodeConstant) throws {
        if !prepared { prepare(v) }
        try write(v, isTop: depth == 0, forceRef: false)
    }

    mutating func write(_ v: BytecodeConstant, isTop: Bool, forceRef: Bool) throws {
        depth += 1
        defer { depth -= 1 }
        if depth > Marshal.maxDepth {
            throw BytecodeError("ValueError", "object too deeply nested to marshal")
        }
        typealias T = Marshal.TypeCode
        switch v {
        case .none: byte(T.none); return
        case .stopIteration: byte(T.stopIteration); return
        case .ellipsis: byte(T.ellipsis); return
        case .bool(let b): byte(b ? T.true : T.false); return
        default: break
        }
        // CPython: w_ref
        var flag: UInt8 = 0
        if forceRef || wantsRef(v, isTop: isTop) {
            // A forced reference stands for an object of its own (like each code object's bytecode).
            let k = forceRef ? RefKey.unique(refCount) : Self.key(v)
            if k != .other {
                if let index = refIndex[k] {
                    byte(T.ref)
                    long(index)
                    return
                }
                refIndex[k] = refCount
                refCount += 1
                flag = Marshal.flagRef
            }
        }
        try writeComplex(v, flag)
    }

    mutating func writeComplex(_ v: BytecodeConstant, _ flag: UInt8) throws {
        typealias T = Marshal.TypeCode
        switch v {
        case .int(let i):
            if let small = Int32(exactly: i) {
                byte(T.int | flag)
                long(Int(small))
            } else {
                byte(T.long | flag)
                writeLongDigits(i)
            }
        case .float(let d):
            byte(T.binaryFloat | flag)
            double(d)
        case .complex(let re, let im):
            byte(T.binaryComplex | flag)
            double(re)
            double(im)
        case .bytes(let b):
            byte(T.string | flag)
            try size(b.count)
            output.append(contentsOf: b)
        case .str(let s):
            let isInterned = interned.contains(s)
            if s.isASCII {
                if s.count < 256 {
                    byte((isInterned ? T.shortASCIIInterned : T.shortASCII) | flag)
                    byte(UInt8(s.count))
                } else {
                    byte((isInterned ? T.asciiInterned : T.ascii) | flag)
                    try size(s.count)
                }
                for cp in s.codePoints { output.append(UInt8(cp)) }
            } else {
                var utf8: [UInt8] = []
                UTF8Decoding.encodeSurrogatePass(s, into: &utf8)
                byte((isInterned ? T.interned : T.unicode) | flag)
                try size(utf8.count)
                output.append(contentsOf: utf8)
            }
        case .tuple(let items):
            if items.count < 256 {
                byte(T.smallTuple | flag)
                byte(UInt8(items.count))
            } else {
                byte(T.tuple | flag)
                try size(items.count)
            }
            for item in items { try write(item, isTop: false, forceRef: false) }
        case .list(let items):
            byte(T.list | flag)
            try size(items.count)
            for item in items { try write(item, isTop: false, forceRef: false) }
        case .dict(let items):
            byte(T.dict | flag)
            for (k, value) in items {
                try write(k, isTop: false, forceRef: false)
                try write(value, isTop: false, forceRef: false)
            }
            byte(T.null)
        case .set(let items), .frozenset(let items):
            if case .set = v { byte(T.set | flag) } else { byte(T.frozenset | flag) }
            try size(items.count)
            // CPython (bpo-37596): elements in the order of their own marshal bytes, for reproducible output.
            var keyed: [([UInt8], BytecodeConstant)] = []
            for item in items {
                var single = MarshalWriter()
                single.prepared = true
                single.interned = interned
                single.repeated = repeated
                try single.write(item, isTop: false, forceRef: false)
                keyed.append((single.output, item))
            }
            keyed.sort { $0.0.lexicographicallyPrecedes($1.0) }
            for (_, item) in keyed { try write(item, isTop: false, forceRef: false) }
        case .code(let co):
            byte(T.code | flag)
            long(Int(co.argCount))
            long(Int(co.posOnlyArgCount))
            long(Int(co.kwOnlyArgCount))
            long(Int(co.stackSize))
            long(Int(co.flags))
            try write(.bytes(co.code), isTop: false, forceRef: true)
            try write(.tuple(co.consts), isTop: false, forceRef: false)
            try write(.tuple(co.names.map { .str($0) }), isTop: false, forceRef: false)
            try write(.tuple(co.localsPlusNames.map { .str($0) }), isTop: false, forceRef: false)
            try write(.bytes(co.localsPlusKinds), isTop: false, forceRef: false)
            try write(.str(co.filename), isTop: false, forceRef: false)
            try write(.str(co.name), isTop: false, forceRef: false)
            try write(.str(co.qualname), isTop: false, forceRef: false)
            long(Int(co.firstLineNumber))
            try write(.bytes(co.lineTable), isTop: false, forceRef: false)
            try write(.bytes(co.exceptionTable), isTop: false, forceRef: false)
        case .none, .stopIteration, .ellipsis, .bool:
            break  // written by write(_:isTop:forceRef:)
        }
    }

    // CPython: w_PyLong — the magnitude in 15-bit digits, least significant first; the count carries the sign.
    mutating func writeLongDigits(_ i: BigInt) {
        var digits: [UInt16] = []
        var m = i.magnitude
        let words = m.words
        if words.count <= 1 {
            var w = UInt64(words.first ?? 0)
            while w != 0 { digits.append(UInt16(w & 0x7fff)); w >>= 15 }
        } else {
            while !m.isZero {
                digits.append(UInt16(m.words[0] & 0x7fff))
                m >>= 15
            }
        }
        long(i.sign == .minus ? -digits.count : digits.count)
        for d in digits { output.append(UInt8(d & 0xff)); output.append(UInt8(d >> 8)) }
    }
}
