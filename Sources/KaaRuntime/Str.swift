import KaaCore
import KaaBytecode

/// `str`: code points stored inline after the header (UCS-4 for now; CPython's 1/2/4-byte compact kinds are the
/// planned layout, see docs/OBJECT-MODEL.md), with the length, the cached hash (-1 = not computed) and the largest
/// code point (which decides the byte width CPython hashes, so `hash(s)` matches CPython's).
struct StrObject {
    var header: PyObject
    var count: Int
    var hash: Int
    var maxChar: UInt32
}

@inline(__always) func strData(_ v: PyValue) -> UnsafeMutablePointer<UInt32> {
    (UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped + MemoryLayout<StrObject>.stride)
        .assumingMemoryBound(to: UInt32.self)
}
@inline(__always) func strCount(_ v: PyValue) -> Int { v.payload(StrObject.self).pointee.count }
@inline(__always) func strBuffer(_ v: PyValue) -> UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(start: strData(v), count: strCount(v))
}

/// A new str of `count` uninitialised code points (the caller fills them and calls `strFinish`).
func allocStr(_ count: Int) -> PyValue {
    let p = allocObject(StrObject.self, strType, extra: count * 4)
    p.pointee.count = count
    p.pointee.hash = -1
    p.pointee.maxChar = 0
    return PyValue(raw: UInt(bitPattern: p))
}
@inline(__always) func strFinish(_ v: PyValue) -> PyValue {
    var m: UInt32 = 0
    for c in strBuffer(v) where c > m { m = c }
    v.payload(StrObject.self).pointee.maxChar = m
    return v
}

func newStr<C: Collection>(codePoints: C) -> PyValue where C.Element == UInt32 {
    let v = allocStr(codePoints.count)
    let d = strData(v)
    var i = 0
    for c in codePoints { d[i] = c; i += 1 }
    return strFinish(v)
}
func newStr(_ s: String) -> PyValue { newStr(codePoints: s.unicodeScalars.map { $0.value }) }
func newStrASCII(_ s: String) -> PyValue {
    var s = s
    return s.withUTF8 { buf in
        let v = allocStr(buf.count)
        let d = strData(v)
        var m: UInt32 = 0
        for i in 0..<buf.count { d[i] = UInt32(buf[i]); if d[i] > m { m = d[i] } }
        v.payload(StrObject.self).pointee.maxChar = m
        return v
    }
}
func newStr(_ s: PyString) -> PyValue { newStr(codePoints: s.codePoints) }

/// The text as a Swift String (lone surrogates become U+FFFD).
func strSwift(_ v: PyValue) -> String {
    var s = String.UnicodeScalarView()
    for c in strBuffer(v) { s.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
    return String(s)
}

/// Interned strs for names used by the runtime itself (`__init__`, `__name__` ...). Borrowed, immortal.
nonisolated(unsafe) var internTable: [String: PyValue] = [:]
func internStr(_ s: String) -> PyValue {
    if let v = internTable[s] { return v }
    let v = newStr(s)
    v.obj.pointee.refcount = immortalRefcount
    internTable[s] = v
    return v
}

/// hash(str): SipHash-1-3 over the code points in CPython's compact width, keyed by PYTHONHASHSEED.
/// CPython: unicode_hash → _Py_HashBytes
func strHash(_ v: PyValue) -> Int {
    let p = v.payload(StrObject.self)
    if p.pointee.hash != -1 { return p.pointee.hash }
    let n = p.pointee.count
    var h: Int
    if n == 0 {
        h = 0
    } else {
        let width = p.pointee.maxChar < 256 ? 1 : (p.pointee.maxChar < 65536 ? 2 : 4)
        h = Int(bitPattern: UInt(sipHash13CodePoints(strData(v), n, width)))
        if h == -1 { h = -2 }
    }
    p.pointee.hash = h
    return h
}

@inline(__always) func strEquals(_ a: PyValue, _ b: PyValue) -> Bool {
    if a == b { return true }
    let n = strCount(a)
    if n != strCount(b) { return false }
    let ha = a.payload(StrObject.self).pointee.hash, hb = b.payload(StrObject.self).pointee.hash
    if ha != -1 && hb != -1 && ha != hb { return false }
    let x = strData(a), y = strData(b)
    for i in 0..<n where x[i] != y[i] { return false }
    return true
}

func strCompare(_ a: PyValue, _ b: PyValue) -> Int {
    let x = strBuffer(a), y = strBuffer(b)
    let n = min(x.count, y.count)
    for i in 0..<n where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
    return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
}

func strConcat(_ a: PyValue, _ b: PyValue) -> PyValue {
    let n = strCount(a), m = strCount(b)
    let v = allocStr(n + m)
    let d = strData(v)
    d.update(from: strData(a), count: n)
    (d + n).update(from: strData(b), count: m)
    v.payload(StrObject.self).pointee.maxChar = max(a.payload(StrObject.self).pointee.maxChar,
                                                    b.payload(StrObject.self).pointee.maxChar)
    return v
}

func strSlice(_ v: PyValue, _ start: Int, _ stop: Int, _ step: Int) -> PyValue {
    let len = sliceLength(start, stop, step)
    let out = allocStr(len)
    let d = strData(out), s = strData(v)
    var j = start
    for i in 0..<len { d[i] = s[j]; j += step }
    return strFinish(out)
}

/// Index of `needle` in `hay[from..<to]`, or -1.
func strFind(_ hay: PyValue, _ needle: PyValue, from: Int = 0, to: Int? = nil) -> Int {
    let h = strBuffer(hay), n = strBuffer(needle)
    let end = min(to ?? h.count, h.count)
    if n.count == 0 { return from <= end ? from : -1 }
    if end - from < n.count { return -1 }
    var i = from
    while i + n.count <= end {
        if h[i] == n[0] {
            var ok = true
            for k in 1..<n.count where h[i + k] != n[k] { ok = false; break }
            if ok { return i }
        }
        i += 1
    }
    return -1
}

func strFromSwiftChars(_ cps: [UInt32]) -> PyValue { newStr(codePoints: cps) }

func strDealloc(_ w: Word) { freeObject(w) }

/// A one-character str; ASCII/latin-1 ones are cached (CPython keeps the same cache).
nonisolated(unsafe) var charCache: UnsafeMutablePointer<PyValue>? = nil
func strChar(_ c: UInt32) -> PyValue {
    if c < 256, let cache = charCache {
        let v = cache[Int(c)]
        incref(v)
        return v
    }
    return newStr(codePoints: [c])
}

func installStrCache() {
    let cache = UnsafeMutablePointer<PyValue>.allocate(capacity: 256)
    for c in 0..<256 {
        let v = newStr(codePoints: [UInt32(c)])
        v.obj.pointee.refcount = immortalRefcount
        cache[c] = v
    }
    charCache = cache
}

/// SipHash-1-3 with the key of HashSecret.swift over `n` code points laid out `width` bytes each, little-endian:
/// the bytes CPython hashes for its compact str kinds, without materialising them. CPython: siphash13 (pyhash.c)
func sipHash13CodePoints(_ data: UnsafeMutablePointer<UInt32>, _ n: Int, _ width: Int) -> UInt64 {
    @inline(__always) func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
    let k0 = hashSecretK0, k1 = hashSecretK1
    var v0: UInt64 = k0 ^ 0x736f6d6570736575, v1: UInt64 = k1 ^ 0x646f72616e646f6d
    var v2: UInt64 = k0 ^ 0x6c7967656e657261, v3: UInt64 = k1 ^ 0x7465646279746573
    @inline(__always) func round() {
        v0 = v0 &+ v1; v2 = v2 &+ v3
        v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
        v0 = rotl(v0, 32)
        v2 = v2 &+ v1; v0 = v0 &+ v3
        v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
        v2 = rotl(v2, 32)
    }
    let total = n * width
    var word: UInt64 = 0
    var filled: UInt64 = 0
    for i in 0..<n {
        let c = UInt64(data[i])
        for k in 0..<width {
            word |= ((c >> (8 * UInt64(k))) & 0xff) << (8 * filled)
            filled += 1
            if filled == 8 {
                v3 ^= word; round(); v0 ^= word
                word = 0; filled = 0
            }
        }
    }
    let b = (UInt64(truncatingIfNeeded: total) << 56) | word
    v3 ^= b; round(); v0 ^= b
    v2 ^= 0xff
    round(); round(); round()
    return v0 ^ v1 ^ v2 ^ v3
}
