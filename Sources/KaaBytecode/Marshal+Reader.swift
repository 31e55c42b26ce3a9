import BigInt
import KaaCore

/// Reads marshal data with CPython's checks and error messages. CPython: r_object (Python/marshal.c)
///
/// Sizes read from the data are never trusted for allocation: containers grow as their items are actually read, so
/// absurd lengths end in "EOF read where object expected" instead of huge allocations.
struct MarshalReader {
    let data: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    var refs: [RefSlot] = []

    enum RefSlot {
        case value(BytecodeConstant)
        /// Reserved for a code object or frozenset being read: CPython holds None there, and a reference to it is
        /// "bad marshal data (invalid reference)".
        case reserved
        /// A tuple, list, dict or set being read: CPython could return the unfinished object (making a cycle);
        /// Kaa's constants are values and cannot hold cycles, so such a reference is reported as bad data.
        case building
    }

    init(_ data: UnsafeBufferPointer<UInt8>) { self.data = data }

    static let eofObject = BytecodeError("EOFError", "EOF read where object expected")
    static let tooShort = BytecodeError("EOFError", "marshal data too short")

    // CPython: read_object (the NULL check of marshal.loads)
    mutating func readTopLevel() throws -> BytecodeConstant {
        guard let value = try readObject() else {
            throw BytecodeError("TypeError", "NULL object in marshal data for object")
        }
        return value
    }

    @inline(__always) mutating func readByte() -> Int? {
        guard position < data.count else { return nil }
        defer { position += 1 }
        return Int(data[position])
    }

    // CPython: r_string
    @inline(__always) mutating func readBytes(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, n <= data.count - position else { throw Self.tooShort }
        defer { position += n }
        return UnsafeBufferPointer(rebasing: data[position..<position + n])
    }

    // CPython: r_long (4 bytes, little-endian, signed)
    @inline(__always) mutating func readLong() throws -> Int {
        guard data.count - position >= 4 else { throw Self.tooShort }
        let v = UInt32(data[position]) | UInt32(data[position + 1]) << 8 | UInt32(data[position + 2]) << 16
            | UInt32(data[position + 3]) << 24
        position += 4
        return Int(Int32(bitPattern: v))
    }

    // CPython: r_short (2 bytes, little-endian, signed)
    mutating func readShort() throws -> Int {
        guard data.count - position >= 2 else { throw Self.tooShort }
        let v = UInt16(data[position]) | UInt16(data[position + 1]) << 8
        position += 2
        return Int(Int16(bitPattern: v))
    }

    mutating func readDouble() throws -> Double {
        let b = try readBytes(8)
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(b[i]) << (8 * UInt64(i)) }
        return Double(bitPattern: bits)
    }

    // CPython: r_float_str
    mutating func readFloatText() throws -> Double {
        guard let n = readByte() else { throw Self.eofObject }
        let b = try readBytes(n)
        let text = String(decoding: b, as: UTF8.self)
        guard let v = Self.parseFloat(text) else {
            throw BytecodeError("ValueError", "could not convert string to float: " + PyRepr.string(text))
        }
        return v
    }

    /// PyOS_string_to_double's accepted syntax: decimal floats, inf/infinity/nan in any case, optional sign.
    static func parseFloat(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let f = body.first, f == "+" || f == "-" { negative = f == "-"; body = body.dropFirst() }
        let lower = body.lowercased()
        var value: Double
        if lower == "inf" || lower == "infinity" { value = .infinity }
        else if lower == "nan" { value = .nan }
        else {
            guard !body.isEmpty, body.allSatisfy({ "0123456789.eE+-".contains($0) }), let v = Double(body) else {
                return nil
            }
            value = v
        }
        return negative ? -value : value
    }

    mutating func checkSize(_ n: Int, _ what: String) throws {
        if n < 0 || n > Int(Int32.max) {
            throw BytecodeError("ValueError", "bad marshal data (\(what) size out of range)")
        }
    }

    mutating func remember(_ value: BytecodeConstant, _ flag: Bool) {
        if flag { refs.append(.value(value)) }
    }

    mutating func reserve(_ flag: Bool, _ slot: RefSlot = .reserved) throws -> Int {
        guard flag else { return -1 }
        if refs.count >= 0x7ffffffe {
            throw BytecodeError("ValueError", "bad marshal data (index list too large)")
        }
        refs.append(slot)
        return refs.count - 1
    }

    mutating func fill(_ index: Int, _ value: BytecodeConstant) {
        if index >= 0 { refs[index] = .value(value) }
    }

    /// One value; nil for TYPE_NULL (which CPython returns as NULL without an exception).
    mutating func readObject() throws -> BytecodeConstant? {
        guard let code = readByte() else { throw Self.eofObject }
        depth += 1
        defer { depth -= 1 }
        if depth > Marshal.maxDepth { throw BytecodeError("ValueError", "recursion limit exceeded") }
        let flag = code & 0x80 != 0
        typealias T = Marshal.TypeCode
        switch UInt8(code & 0x7f) {
        case T.null: return nil
        case T.none: return BytecodeConstant.none
        case T.stopIteration: return .stopIteration
        case T.ellipsis: return .ellipsis
        case T.false: return .bool(false)
        case T.true: return .bool(true)
        case T.int:
            let v = BytecodeConstant.int(BigInt(try readLong()))
            remember(v, flag)
            return v
        case T.int64:
            let b = try readBytes(8)
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(b[i]) << (8 * UInt64(i)) }
            let v = BytecodeConstant.int(BigInt(Int64(bitPattern: bits)))
            remember(v, flag)
            return v
        case T.long:
            let v = BytecodeConstant.int(try readPyLong())
            remember(v, flag)
            return v
        case T.float:
            let v = BytecodeConstant.float(try readFloatText())
            remember(v, flag)
            return v
        case T.binaryFloat:
            let v = BytecodeConstant.float(try readDouble())
            remember(v, flag)
            return v
        case T.complex:
            let re = try readFloatText()
            let im = try readFloatText()
            let v = BytecodeConstant.complex(real: re, imag: im)
            remember(v, flag)
            return v
        case T.binaryComplex:
            let re = try readDouble()
            let im = try readDouble()
            let v = BytecodeConstant.complex(real: re, imag: im)
            remember(v, flag)
            return v
        case T.string:
            let n = try readLong()
            if n < 0 || n > Int(Int32.max) {
                throw BytecodeError("ValueError", "bad marshal data (bytes object size out of range)")
            }
            let v = BytecodeConstant.bytes(Array(try readBytes(n)))
            remember(v, flag)
            return v
        case T.ascii, T.asciiInterned:
            let n = try readLong()
            try checkSize(n, "string")
            let v = BytecodeConstant.str(PyString(codePoints: try readBytes(n).map { UInt32($0) }))
            remember(v, flag)
            return v
        case T.shortASCII, T.shortASCIIInterned:
            guard let n = readByte() else { throw Self.eofObject }
            let v = BytecodeConstant.str(PyString(codePoints: try readBytes(n).map { UInt32($0) }))
            remember(v, flag)
            return v
        case T.unicode, T.interned:
            let n = try readLong()
            try checkSize(n, "string")
            let v = BytecodeConstant.str(try UTF8Decoding.decodeSurrogatePass(try readBytes(n)))
            remember(v, flag)
            return v
        case T.smallTuple:
            guard let n = readByte() else { throw Self.eofObject }
            return try readSequence(n, flag, "tuple") { .tuple($0) }
        case T.tuple:
            let n = try readLong()
            try checkSize(n, "tuple")
            return try readSequence(n, flag, "tuple") { .tuple($0) }
        case T.list:
            let n = try readLong()
            try checkSize(n, "list")
            return try readSequence(n, flag, "list") { .list($0) }
        case T.dict:
            let index = try reserve(flag, .building)
            var keys = SetBuilder()
            var items: [(key: BytecodeConstant, value: BytecodeConstant)] = []
            // CPython: a NULL key ends the dict; a NULL value ends it too, silently.
            while let key = try readObject() {
                guard let value = try readObject() else { break }
                try Self.checkHashable(key)
                if let i = keys.add(key) {
                    items[i].value = value
                } else {
                    items.append((key, value))
                }
            }
            let v = BytecodeConstant.dict(items)
            fill(index, v)
            return v
        case T.set, T.frozenset:
            let isSet = code & 0x7f == Int(T.set)
            let n = try readLong()
            try checkSize(n, "set")
            let index = try reserve(flag, isSet ? .building : .reserved)
            var builder = SetBuilder()
            for _ in 0..<n {
                guard let item = try readObject() else {
                    throw BytecodeError("TypeError", "NULL object in marshal data for set")
                }
                try Self.checkHashable(item)
                builder.add(item)
            }
            let v: BytecodeConstant = isSet ? .set(builder.items) : .frozenset(builder.items)
            fill(index, v)
            return v
        case T.code:
            let index = try reserve(flag)
            let co = try readCode()
            let v = BytecodeConstant.code(co)
            fill(index, v)
            return v
        case T.ref:
            let n = try readLong()
            guard n >= 0, n < refs.count else {
                throw BytecodeError("ValueError", "bad marshal data (invalid reference)")
            }
            switch refs[n] {
            case .value(let v): return v
            case .reserved: throw BytecodeError("ValueError", "bad marshal data (invalid reference)")
            case .building:
                throw BytecodeError("ValueError", "bad marshal data (recursive container not supported by Kaa)")
            }
        default:
            throw BytecodeError("ValueError", "bad marshal data (unknown type code)")
        }
    }

    mutating func readSequence(_ n: Int, _ flag: Bool, _ what: String,
                               _ make: ([BytecodeConstant]) -> BytecodeConstant) throws -> BytecodeConstant {
        let index = try reserve(flag, .building)
        var items: [BytecodeConstant] = []
        items.reserveCapacity(min(n, data.count - position))
        for _ in 0..<n {
            guard let item = try readObject() else {
                throw BytecodeError("TypeError", "NULL object in marshal data for \(what)")
            }
            items.append(item)
        }
        let v = make(items)
        fill(index, v)
        return v
    }

    /// Lists, dicts and sets cannot be set elements or dict keys.
    static func checkHashable(_ v: BytecodeConstant) throws {
        switch v {
        case .list: throw BytecodeError("TypeError", "unhashable type: 'list'")
        case .dict: throw BytecodeError("TypeError", "unhashable type: 'dict'")
        case .set: throw BytecodeError("TypeError", "unhashable type: 'set'")
        case .tuple(let items): for item in items { try checkHashable(item) }
        default: break
        }
    }

    // CPython: r_PyLong — 15-bit digits, least significant first, the count's sign is the number's.
    mutating func readPyLong() throws -> BigInt {
        let n = try readLong()
        if n == 0 { return 0 }
        if n < -Int(Int32.max) || n > Int(Int32.max) {
            throw BytecodeError("ValueError", "bad marshal data (long size out of range)")
        }
        let count = Swift.abs(n)
        if count <= 4 {
            var v: UInt64 = 0
            for j in 0..<count {
                let d = try readShort()
                if d < 0 || d > 0x8000 {
                    throw BytecodeError("ValueError", "bad marshal data (digit out of range in long)")
                }
                if d == 0 && j == count - 1 {
                    throw BytecodeError("ValueError", "bad marshal data (unnormalized long data)")
                }
                v |= UInt64(d) << (15 * UInt64(j))
            }
            return n < 0 ? -BigInt(v) : BigInt(v)
        }
        // Sized by the digits actually present, not by the count the data claims.
        let available = min(count, (data.count - position) / 2)
        var words = [UInt](repeating: 0, count: (15 * available) / UInt.bitWidth + 2)
        for j in 0..<count {
            let d = try readShort()
            if d < 0 || d > 0x8000 {
                throw BytecodeError("ValueError", "bad marshal data (digit out of range in long)")
            }
            if d == 0 && j == count - 1 {
                throw BytecodeError("ValueError", "bad marshal data (unnormalized long data)")
            }
            let bit = 15 * j
            let w = bit / UInt.bitWidth, s = bit % UInt.bitWidth
            words[w] |= UInt(d) << UInt(s)
            if s > UInt.bitWidth - 16 { words[w + 1] |= UInt(d) >> UInt(UInt.bitWidth - s) }
        }
        let magnitude = BigUInt(words: words)
        return n < 0 ? -BigInt(magnitude) : BigInt(magnitude)
    }
}

/// Adds elements the way a Python set does: an element equal to one already present is not added again.
/// Looks up by CPython's hash so that large sets stay linear.
struct SetBuilder {
    var items: [BytecodeConstant] = []
    var byHash: [Int64: [Int]] = [:]
    var unhashed: [Int] = []

    /// Adds `item`; returns the index of the equal element already present instead, if any.
    @discardableResult
    mutating func add(_ item: BytecodeConstant) -> Int? {
        if let h = PySetOrder.pyHash(item) {
            if let bucket = byHash[h], let i = bucket.first(where: { PySetOrder.pyEqual(items[$0], item) }) {
                return i
            }
            byHash[h, default: []].append(items.count)
        } else {
            if let i = unhashed.first(where: { Self.sameObject(items[$0], item) }) { return i }
            unhashed.append(items.count)
        }
        items.append(item)
        return nil
    }

    /// Values CPython hashes by address are equal only to themselves (None, Ellipsis and NaN are singletons or
    /// compare by identity inside sets; code objects by identity).
    static func sameObject(_ a: BytecodeConstant, _ b: BytecodeConstant) -> Bool {
        switch (a, b) {
        case (.code(let x), .code(let y)): return x === y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern && !x.isNaN
        default: return a == b
        }
    }
}
