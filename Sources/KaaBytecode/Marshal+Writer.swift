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
    /// FLAG_REF'd values written so far (by id, see `keyID`) → their reference index.
    var refIndex: [Int: Int] = [:]
    var refCount = 0
    /// Ids of values the pre-pass saw more than once.
    var repeated: Set<Int> = []
    /// Strings CPython would have interned.
    var interned: Set<PyString> = []
    /// Whether the pre-pass has run (it runs on the top-level value).
    var prepared = false
    /// Value identities: equal keys get equal ids (hash-consing, so that nested tuples cost one lookup per level).
    var ids: [RefKey: Int] = [:]
    /// Ids of the element arrays of tuples and frozensets that live as long as the written value (the constants),
    /// by buffer address: deep tuples are keyed once, not once per level above them.
    var containerIDs: [ContainerKey: Int] = [:]

    init() { output.reserveCapacity(4096) }

    /// Identity of a value for sharing: kind and exact value; containers by their elements' ids.
    enum RefKey: Hashable {
        case str(PyString), bytes([UInt8]), int(BigInt), float(UInt64), complex(UInt64, UInt64)
        case tuple([Int]), frozenset([Int]), code(ObjectIdentifier)
        case none, ellipsis, stopIteration, bool(Bool)
    }

    struct ContainerKey: Hashable {
        let base: UnsafeRawPointer
        let count: Int
        let frozen: Bool
    }

    mutating func intern(_ k: RefKey) -> Int {
        if let id = ids[k] { return id }
        let id = ids.count
        ids[k] = id
        return id
    }

    /// The id of a value, nil for values that are never shared (lists, dicts, sets and what contains them).
    /// `persistent`: the value's arrays live as long as the writer (true for constants, false for arrays made on
    /// the fly such as a code object's names tuple).
    mutating func keyID(_ v: BytecodeConstant, persistent: Bool = true) -> Int? {
        switch v {
        case .str(let s): return intern(.str(s))
        case .bytes(let b): return intern(.bytes(b))
        case .int(let i): return intern(.int(i))
        case .float(let d): return intern(.float(d.bitPattern))
        case .complex(let r, let i): return intern(.complex(r.bitPattern, i.bitPattern))
        case .code(let c): return intern(.code(ObjectIdentifier(c)))
        case .none: return intern(.none)
        case .ellipsis: return intern(.ellipsis)
        case .stopIteration: return intern(.stopIteration)
        case .bool(let b): return intern(.bool(b))
        case .list, .set, .dict: return nil
        case .tuple(let items), .frozenset(let items):
            var frozen = false
            if case .frozenset = v { frozen = true }
            var cacheKey: ContainerKey? = nil
            if persistent && !items.isEmpty, let base = items.withUnsafeBufferPointer({ $0.baseAddress }) {
                cacheKey = ContainerKey(base: UnsafeRawPointer(base), count: items.count, frozen: frozen)
                if let id = containerIDs[cacheKey!] { return id }
            }
            var childIDs: [Int] = []
            childIDs.reserveCapacity(items.count)
            for item in items {
                guard let id = keyID(item, persistent: persistent) else { return nil }
                childIDs.append(id)
            }
            let id = intern(frozen ? .frozenset(childIDs) : .tuple(childIDs))
            if let k = cacheKey { containerIDs[k] = id }
            return id
        }
    }

    // MARK: Pre-pass

    /// CPython: all_name_chars (strings made only of ASCII letters, digits and '_' are interned as constants).
    static func isNameLike(_ s: PyString) -> Bool {
        s.codePoints.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    /// CPython's compiler merges equal constants, names tuples, consts tuples, locals-plus-names tuples, line
    /// tables and exception tables of a module into shared objects (merge_const_one), so exactly the values that
    /// occur more than once have reference counts above one.
    mutating func prepare(_ top: BytecodeConstant) {
        prepared = true
        var seen: Set<Int> = []
        func note(_ id: Int?) {
            if let id = id, !seen.insert(id).inserted { repeated.insert(id) }
        }
        func count(_ v: BytecodeConstant, persistent: Bool = true) {
            switch v {
            case .str, .bytes, .int, .float, .complex, .tuple, .frozenset: note(keyID(v, persistent: persistent))
            default: break
            }
            switch v {
            case .tuple(let items), .frozenset(let items), .list(let items), .set(let items):
                for item in items { count(item, persistent: persistent) }
            case .dict(let items):
                for (k, value) in items { count(k); count(value) }
            case .code(let co):
                for s in co.names { interned.insert(s) }
                for s in co.localsPlusNames { interned.insert(s) }
                if Self.isNameLike(co.name) { interned.insert(co.name) }
                internConstants(co.consts)
                count(.tuple(co.consts))
                note(keyID(.tuple(co.names.map { .str($0) }), persistent: false))
                note(keyID(.tuple(co.localsPlusNames.map { .str($0) }), persistent: false))
                for s in co.names { note(intern(.str(s))) }
                for s in co.localsPlusNames { note(intern(.str(s))) }
                note(intern(.str(co.filename)))
                note(intern(.str(co.name)))
                note(intern(.bytes(co.lineTable)))
                note(intern(.bytes(co.exceptionTable)))
            default: break
            }
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

    /// Whether CPython's object would have a reference count above one (`id`: the value's `keyID`).
    func wantsRef(_ v: BytecodeConstant, id: Int, isTop: Bool) -> Bool {
        if isTop { return true }
        switch v {
        case .int(let i): return (i >= -5 && i <= 256) || repeated.contains(id)
        case .str(let s):
            if s.count == 0 || (s.count == 1 && s.codePoints[0] < 0x100) { return true }
            return interned.contains(s) || repeated.contains(id)
        // Empty and one-byte bytes constants are singletons (line tables and kinds are written separately).
        case .bytes(let b): return b.count <= 1 || repeated.contains(id)
        case .tuple(let items): return items.isEmpty || repeated.contains(id)
        case .float, .complex, .frozenset: return repeated.contains(id)
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

    /// Whether this writer already runs on a thread with a large stack (see MarshalReader.largeStackDepth).
    var onLargeStack = false

    mutating func write(_ v: BytecodeConstant, isTop: Bool, forceRef: Bool, alwaysRef: Bool = false,
                        persistent: Bool = true) throws {
        if depth >= MarshalReader.largeStackDepth && !onLargeStack {
            final class Box { var writer: MarshalWriter; init(_ w: MarshalWriter) { writer = w } }
            let box = Box(self)
            box.writer.onLargeStack = true
            let result = withLargeStack {
                Result {
                    try box.writer.write(v, isTop: isTop, forceRef: forceRef, alwaysRef: alwaysRef,
                                         persistent: persistent)
                }
            }
            self = box.writer
            onLargeStack = false
            return try result.get()
        }
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
        if forceRef {
            // A forced reference stands for an object of its own (like each code object's bytecode).
            refCount += 1
            flag = Marshal.flagRef
        } else if let id = keyID(v, persistent: persistent), alwaysRef || wantsRef(v, id: id, isTop: isTop) {
            if let index = refIndex[id] {
                byte(T.ref)
                long(index)
                return
            }
            refIndex[id] = refCount
            refCount += 1
            flag = Marshal.flagRef
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
                single.ids = ids
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
            try write(.tuple(co.names.map { .str($0) }), isTop: false, forceRef: false, persistent: false)
            try write(.tuple(co.localsPlusNames.map { .str($0) }), isTop: false, forceRef: false, persistent: false)
            // The kinds are a new bytes object per code object (never merged); only b'' is a shared singleton.
            if co.localsPlusKinds.isEmpty {
                try write(.bytes([]), isTop: false, forceRef: false)
            } else {
                try writeComplex(.bytes(co.localsPlusKinds), 0)
            }
            // The file name is shared by every code object of the module (and held by the compiler's caller).
            try write(.str(co.filename), isTop: false, forceRef: false, alwaysRef: true)
            // co_name is an interned identifier or a static string like '<module>': always shared. co_qualname is
            // the same object when equal to it, otherwise a string of its own.
            try write(.str(co.name), isTop: false, forceRef: false, alwaysRef: true)
            if co.qualname == co.name {
                try write(.str(co.qualname), isTop: false, forceRef: false, alwaysRef: true)
            } else {
                try writeComplex(.str(co.qualname), 0)
            }
            long(Int(co.firstLineNumber))
            try writeTable(co.lineTable)
            try writeTable(co.exceptionTable)
        case .none, .stopIteration, .ellipsis, .bool:
            break  // written by write(_:isTop:forceRef:)
        }
    }

    /// Line and exception tables: merged by the compiler (shared when equal); a one-byte table is still an object
    /// of its own, only b'' is the singleton.
    mutating func writeTable(_ table: [UInt8]) throws {
        if table.isEmpty || repeated.contains(intern(.bytes(table))) {
            try write(.bytes(table), isTop: false, forceRef: false, alwaysRef: true)
        } else {
            try writeComplex(.bytes(table), 0)
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
