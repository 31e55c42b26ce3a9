/// SipHash-1-3 as CPython 3.11 uses it for str/bytes hashes and for .pyc source hashes.
/// CPython: siphash13 (Python/pyhash.c)
public enum SipHash13 {
    @inline(__always) static func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }

    @inline(__always)
    static func round(_ v0: inout UInt64, _ v1: inout UInt64, _ v2: inout UInt64, _ v3: inout UInt64) {
        v0 = v0 &+ v1; v2 = v2 &+ v3
        v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
        v0 = rotl(v0, 32)
        v2 = v2 &+ v1; v0 = v0 &+ v3
        v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
        v2 = rotl(v2, 32)
    }

    public static func hash<C: Collection>(k0: UInt64, k1: UInt64, _ bytes: C) -> UInt64 where C.Element == UInt8 {
        var v0 = k0 ^ 0x736f6d6570736575
        var v1 = k1 ^ 0x646f72616e646f6d
        var v2 = k0 ^ 0x6c7967656e657261
        var v3 = k1 ^ 0x7465646279746573
        var b = UInt64(truncatingIfNeeded: bytes.count) << 56
        var word: UInt64 = 0
        var n = 0
        for byte in bytes {
            word |= UInt64(byte) << (8 * UInt64(n))
            n += 1
            if n == 8 {
                v3 ^= word
                round(&v0, &v1, &v2, &v3)
                v0 ^= word
                word = 0
                n = 0
            }
        }
        b |= word
        v3 ^= b
        round(&v0, &v1, &v2, &v3)
        v0 ^= b
        v2 ^= 0xff
        round(&v0, &v1, &v2, &v3)
        round(&v0, &v1, &v2, &v3)
        round(&v0, &v1, &v2, &v3)
        return (v0 ^ v1) ^ (v2 ^ v3)
    }

    /// `_Py_KeyedHash(key, data)`.
    public static func keyed(_ key: UInt64, _ bytes: [UInt8]) -> UInt64 { hash(k0: key, k1: 0, bytes) }
}
