/// An insertion-ordered set of names with their positions: the symbol table's and the code generator's name → index
/// tables (CPython's dicts keyed by interned str: ste_symbols, u_names, u_varnames, u_cellvars, u_freevars).
///
/// Every name occurrence of a module goes through a few of these lookups, so they avoid Swift's Dictionary<String, …>:
/// its SipHash of a String costs several times the FNV-1a over the UTF-8 bytes used here, and open addressing with
/// the hash kept in the slot compares strings only on a 32-bit hash match.
struct NameMap {
    /// The names in insertion order; a name's position here is its index.
    private(set) var keys: [String] = []
    private var hashes: [UInt32] = []
    /// Open-addressed slots (a power of two, at most half full): 0 for empty, else `hash << 32 | (index + 1)`.
    private var slots: [UInt64] = []

    init() {}

    init(minimumCapacity n: Int) {
        keys.reserveCapacity(n)
        hashes.reserveCapacity(n)
        if n > 0 { slots = [UInt64](repeating: 0, count: Self.tableSize(for: n)) }
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    private static func tableSize(for n: Int) -> Int {
        var size = 8
        while size < 2 * n { size <<= 1 }
        return size
    }

    /// FNV-1a over the UTF-8 bytes, then a final mix so that the low bits (the slot) depend on every byte.
    @inline(__always)
    static func hash(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ bytes in
            for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        }) {
            _ = done
        } else {
            for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        }
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }

    /// The index of `key`, or nil.
    func find(_ key: String) -> Int? {
        if slots.isEmpty { return nil }
        return find(key, Self.hash(key))
    }

    @inline(__always)
    private func find(_ key: String, _ h: UInt32) -> Int? {
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var i = Int(h) & mask
            while true {
                let s = table[i]
                if s == 0 { return nil }
                if UInt32(truncatingIfNeeded: s >> 32) == h {
                    let idx = Int(UInt32(truncatingIfNeeded: s)) - 1
                    if keys[idx] == key { return idx }
                }
                i = (i + 1) & mask
            }
        }
    }

    subscript(_ key: String) -> Int? { find(key) }

    /// The index of `key`, appending it if new.
    @discardableResult
    mutating func insert(_ key: String) -> (index: Int, isNew: Bool) {
        let h = Self.hash(key)
        if !slots.isEmpty, let i = find(key, h) { return (i, false) }
        let idx = keys.count
        keys.append(key)
        hashes.append(h)
        if 2 * keys.count > slots.count {
            rehash(Self.tableSize(for: keys.count))
        } else {
            place(h, idx)
        }
        return (idx, true)
    }

    private mutating func place(_ h: UInt32, _ idx: Int) {
        slots.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            var i = Int(h) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = UInt64(h) << 32 | UInt64(idx + 1)
        }
    }

    private mutating func rehash(_ size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        for idx in keys.indices { place(hashes[idx], idx) }
    }
}
