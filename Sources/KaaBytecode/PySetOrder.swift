import BigInt
import KaaCore

/// The order in which CPython iterates a set or frozenset built by adding `items` one by one to an empty set, as
/// marshal's reader does; `repr()` and `dis` show elements in this order.
///
/// Simulates CPython 3.11's set table (Objects/setobject.c: set_add_entry, set_table_resize, set_insert_clean)
/// with CPython's hash functions, str/bytes hashed with SipHash-1-3 under the zero key that `PYTHONHASHSEED=0`
/// selects. None and Ellipsis hash by address (_Py_HashPointer): the low bits of their addresses are fixed when
/// libpython is linked (the mapping's base is page-aligned), so the reference build's values place them exactly in
/// any table of up to 65536 slots. Elements hashed by the address of a heap object (NaN, code objects) make the
/// order unpredictable; then the items keep their marshal order.
public enum PySetOrder {
    public static func iterationOrder(_ items: [BytecodeConstant]) -> [BytecodeConstant] {
        if items.count < 2 { return items }
        var hashes: [Int64] = []
        hashes.reserveCapacity(items.count)
        for item in items {
            guard let h = pyHash(item) else { return items }
            hashes.append(h)
        }
        var table = [Int](repeating: -1, count: 8)   // slot → item index
        var slotHash = [Int64](repeating: 0, count: 8)
        var mask = 7
        var fill = 0
        for (index, hash) in hashes.enumerated() {
            var i = Int(UInt64(bitPattern: hash) & UInt64(mask))
            var perturb = UInt64(bitPattern: hash)
            var found = -1
            var duplicate = false
            probing: while true {
                var probes = i + 9 <= mask ? 9 : 0
                var j = i
                while true {
                    let slot = table[j]
                    if slot < 0 { found = j; break probing }
                    if slotHash[j] == hash && pyEqual(items[slot], items[index]) { duplicate = true; break probing }
                    j += 1
                    if probes == 0 { break }
                    probes -= 1
                }
                perturb >>= 5
                i = Int((UInt64(i) &* 5 &+ 1 &+ perturb) & UInt64(mask))
            }
            if duplicate { continue }
            table[found] = index
            slotHash[found] = hash
            fill += 1
            if fill * 5 >= mask * 3 {
                let minUsed = fill > 50000 ? fill * 2 : fill * 4
                var newSize = 8
                while newSize <= minUsed { newSize <<= 1 }
                let oldTable = table, oldHashes = slotHash
                table = [Int](repeating: -1, count: newSize)
                slotHash = [Int64](repeating: 0, count: newSize)
                mask = newSize - 1
                for (k, slot) in oldTable.enumerated() where slot >= 0 {
                    let h = oldHashes[k]
                    var i = Int(UInt64(bitPattern: h) & UInt64(mask))
                    var perturb = UInt64(bitPattern: h)
                    outer: while true {
                        if table[i] < 0 { break }
                        if i + 9 <= mask {
                            var placed = false
                            for step in 1...9 where table[i + step] < 0 {
                                i += step; placed = true; break
                            }
                            if placed { break outer }
                        }
                        perturb >>= 5
                        i = Int((UInt64(i) &* 5 &+ 1 &+ perturb) & UInt64(mask))
                    }
                    table[i] = slot
                    slotHash[i] = h
                }
            }
        }
        return table.compactMap { $0 >= 0 ? items[$0] : nil }
    }

    /// Python equality between hashable constants (numbers compare across int/bool/float/complex).
    static func pyEqual(_ a: BytecodeConstant, _ b: BytecodeConstant) -> Bool {
        if let x = numericValue(a), let y = numericValue(b) { return x == y }
        switch (a, b) {
        case (.float(let x), .float(let y)): return x == y
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { pyEqual($0, $1) }
        default: return a == b
        }
    }

    /// Exact value of an int/bool (and integral float) for cross-type comparison.
    private static func numericValue(_ c: BytecodeConstant) -> BigInt? {
        switch c {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite && d == d.rounded(): return BigInt(d)
        default: return nil
        }
    }

    static let modulus = BigInt(2).power(61) - 1

    /// CPython's `hash()` of a constant, or nil when it depends on an address (or is not hashable).
    /// Low 20 bits of `id(None)` and `id(Ellipsis)` in the CPython 3.11.7 x86-64 build Kaa is checked against.
    static let noneAddressLowBits: UInt64 = 0x5bbe0
    static let ellipsisAddressLowBits: UInt64 = 0x5de60

    // CPython: _Py_HashPointerRaw (address rotated right by 4 bits)
    static func pointerHash(_ address: UInt64) -> Int64 {
        Int64(bitPattern: (address >> 4) | (address << 60))
    }

    static func pyHash(_ c: BytecodeConstant) -> Int64? {
        switch c {
        case .none: return pointerHash(noneAddressLowBits)
        case .ellipsis: return pointerHash(ellipsisAddressLowBits)
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return intHash(i)
        case .float(let d): return floatHash(d)
        case .complex(let re, let im):
            guard let r = floatHash(re), let i = floatHash(im) else { return nil }
            var h = UInt64(bitPattern: r) &+ 1000003 &* UInt64(bitPattern: i)
            if h == UInt64.max { h = UInt64.max - 1 }
            return Int64(bitPattern: h)
        case .str(let s): return strHash(s)
        case .bytes(let b): return b.isEmpty ? 0 : fix(Int64(bitPattern: SipHash13.hash(k0: 0, k1: 0, b)))
        case .tuple(let items):
            // CPython: tuplehash (xxHash-based)
            let p1: UInt64 = 11400714785074694791, p2: UInt64 = 14029467366897019727, p5: UInt64 = 2870177450012600261
            var acc = p5
            for item in items {
                guard let h = pyHash(item) else { return nil }
                acc = acc &+ UInt64(bitPattern: h) &* p2
                acc = (acc << 31) | (acc >> 33)
                acc = acc &* p1
            }
            acc = acc &+ (UInt64(items.count) ^ (p5 ^ 3527539))
            if acc == UInt64.max { return 1546275796 }
            return Int64(bitPattern: acc)
        default: return nil
        }
    }

    static func fix(_ h: Int64) -> Int64 { h == -1 ? -2 : h }

    // CPython: long_hash
    static func intHash(_ i: BigInt) -> Int64 {
        if let small = Int64(exactly: i), small > -((1 << 61) - 1), small < (1 << 61) - 1 { return fix(small) }
        let m = i.magnitude % modulus.magnitude
        let v = Int64(m)
        return fix(i.sign == .minus ? -v : v)
    }

    // CPython: _Py_HashDouble
    static func floatHash(_ v: Double) -> Int64? {
        if v.isNaN { return nil }
        if v.isInfinite { return v > 0 ? 314159 : -314159 }
        if v == 0 { return 0 }
        // frexp: v = m * 2**e, 0.5 <= |m| < 1
        var m = Swift.abs(v).significand / 2
        var e = Int(Swift.abs(v).exponent) + 1
        let sign: Int64 = v < 0 ? -1 : 1
        var x: UInt64 = 0
        let bits = 61
        let mod: UInt64 = (1 << 61) - 1
        while m != 0 {
            x = ((x << 28) & mod) | (x >> UInt64(bits - 28))
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= mod { x -= mod }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt64(e)) & mod) | (x >> UInt64(bits - e))
        return fix(Int64(bitPattern: x) * sign)
    }

    // CPython: unicode_hash → _Py_HashBytes over the PEP 393 representation (1, 2 or 4 bytes per code point).
    static func strHash(_ s: PyString) -> Int64 {
        let cps = s.codePoints
        if cps.isEmpty { return 0 }
        let maxCP = cps.max() ?? 0
        var bytes: [UInt8] = []
        if maxCP < 0x100 {
            bytes = cps.map { UInt8($0) }
        } else if maxCP < 0x10000 {
            bytes.reserveCapacity(cps.count * 2)
            for cp in cps { bytes.append(UInt8(cp & 0xff)); bytes.append(UInt8(cp >> 8)) }
        } else {
            bytes.reserveCapacity(cps.count * 4)
            for cp in cps {
                bytes.append(UInt8(cp & 0xff)); bytes.append(UInt8((cp >> 8) & 0xff))
                bytes.append(UInt8((cp >> 16) & 0xff)); bytes.append(UInt8(cp >> 24))
            }
        }
        return fix(Int64(bitPattern: SipHash13.hash(k0: 0, k1: 0, bytes)))
    }
}
