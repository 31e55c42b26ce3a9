#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dict`: CPython 3.11's compact layout — an index table (open addressing with CPython's perturbed probing) over
/// an entries array kept in insertion order. Deleted entries leave a NULL key until the next resize compacts them.
/// CPython: Objects/dictobject.c (lookdict, insertdict, insertion_resize).
struct DictEntry {
    var hash: Int
    var key: PyValue
    var value: PyValue
}

struct DictObject {
    var header: PyObject
    var used: Int
    var nentries: Int
    /// Entries capacity (CPython: USABLE_FRACTION(size) = size * 2 / 3).
    var usable: Int
    var mask: Int
    var indices: UnsafeMutablePointer<Int>
    var entries: UnsafeMutablePointer<DictEntry>
    /// Read by the type attribute cache (TypeCache.swift): a change or free moves its epoch.
    var typeWatched: Bool
    /// CPython's dk_version: 0, or a number from a global counter while the keys stay as they were (Quicken.swift).
    var keysVersion: UInt
    /// A key other than an exact str was inserted (CPython: DICT_KEYS_GENERAL, 24-byte entries, instead of
    /// DICT_KEYS_UNICODE's 16): only sys.getsizeof reads it.
    var generalKeys: Bool
}

let dkixEmpty = -1
let dkixDummy = -2

@inline(__always) func dictPtr(_ v: PyValue) -> UnsafeMutablePointer<DictObject> { v.payload(DictObject.self) }
@inline(__always) func dictCount(_ v: PyValue) -> Int { dictPtr(v).pointee.used }

func newDict(size: Int = 8) -> PyValue {
    let p = allocObject(DictObject.self, dictType)
    p.pointee.used = 0
    p.pointee.typeWatched = false
    p.pointee.keysVersion = 0
    p.pointee.generalKeys = false
    p.pointee.nentries = 0
    p.pointee.mask = size - 1
    p.pointee.usable = size * 2 / 3
    p.pointee.indices = malloc(size * 8)!.assumingMemoryBound(to: Int.self)
    p.pointee.indices.initialize(repeating: dkixEmpty, count: size)
    p.pointee.entries = malloc(max(1, p.pointee.usable) * MemoryLayout<DictEntry>.stride)!.assumingMemoryBound(to: DictEntry.self)
    return PyValue(raw: UInt(bitPattern: p))
}

func dictDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(DictObject.self)
    if p.pointee.typeWatched { invalidateTypeCache() }
    for i in 0..<p.pointee.nentries {
        let e = p.pointee.entries[i]
        if !e.key.isNull { decref(e.key); decref(e.value) }
    }
    free(p.pointee.indices)
    free(p.pointee.entries)
    freeObject(w)
}

/// Key equality as lookdict sees it: identity, then equal hashes and `==` (may raise: -1).
@inline(__always) func dictKeyEqual(_ a: PyValue, _ b: PyValue) -> Int {
    if a == b { return 1 }
    if !a.isSmallInt && !b.isSmallInt && a.obj.pointee.type == strType && b.obj.pointee.type == strType {
        return strEquals(a, b) ? 1 : 0
    }
    if a.isSmallInt && b.isSmallInt { return 0 }
    return richCompareBool(a, b, 2)
}

/// Finds `key`: (slot in indices, entry index or -1). entry -2 means an error was raised.
@inline(__always) func dictLookup(_ d: UnsafeMutablePointer<DictObject>, _ key: PyValue, _ hash: Int) -> (Int, Int) {
    let mask = d.pointee.mask
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(mask))
    while true {
        let ix = d.pointee.indices[i]
        if ix == dkixEmpty { return (i, -1) }
        if ix >= 0 {
            let e = d.pointee.entries[ix]
            if e.hash == hash {
                let r = dictKeyEqual(e.key, key)
                if r < 0 { return (i, -2) }
                if r == 1 { return (i, ix) }
            }
        }
        perturb >>= 5
        i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
}

/// A free slot in the index table for `hash` (no key comparisons; CPython: find_empty_slot).
@inline(__always) func dictEmptySlot(_ d: UnsafeMutablePointer<DictObject>, _ hash: Int) -> Int {
    let mask = d.pointee.mask
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(mask))
    while d.pointee.indices[i] >= 0 || d.pointee.indices[i] == dkixDummy {
        perturb >>= 5
        i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
    return i
}

/// CPython: insertion_resize / dictresize — new size = smallest power of two ≥ used * 3, entries compacted.
func dictResize(_ d: UnsafeMutablePointer<DictObject>) {
    // CPython 3.11: calculate_log2_keysize(GROWTH_RATE(d)) — bit_length(((minsize | 8) - 1) | 7), which gives 16,
    // not 8, for a minsize from 1 to 7.
    let minsize = d.pointee.used * 3
    let x = ((minsize | 8) - 1) | 7
    let size = 1 << (Int.bitWidth - x.leadingZeroBitCount)
    let oldEntries = d.pointee.entries, oldN = d.pointee.nentries
    d.pointee.keysVersion = 0
    free(d.pointee.indices)
    d.pointee.mask = size - 1
    d.pointee.usable = size * 2 / 3
    d.pointee.indices = malloc(size * 8)!.assumingMemoryBound(to: Int.self)
    d.pointee.indices.initialize(repeating: dkixEmpty, count: size)
    d.pointee.entries = malloc(d.pointee.usable * MemoryLayout<DictEntry>.stride)!.assumingMemoryBound(to: DictEntry.self)
    var n = 0
    for i in 0..<oldN where !oldEntries[i].key.isNull {
        d.pointee.entries[n] = oldEntries[i]
        d.pointee.indices[dictEmptySlot(d, oldEntries[i].hash)] = n
        n += 1
    }
    d.pointee.nentries = n
    free(oldEntries)
}

/// d[key] = value (new references taken). 0, or -1 with an exception (unhashable key, failing __eq__).
func dictSetItem(_ v: PyValue, _ key: PyValue, _ value: PyValue) -> Int {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return -1 }
    return dictSetItemHashed(v, key, value, h)
}

func dictSetItemHashed(_ v: PyValue, _ key: PyValue, _ value: PyValue, _ h: Int) -> Int {
    let d = dictPtr(v)
    defer { if d.pointee.typeWatched { invalidateTypeCache() } }
    if !d.pointee.generalKeys && (key.isSmallInt || key.obj.pointee.type != strType) {
        // CPython: insertdict — a str-only table becomes a general one through insertion_resize, which also
        // resizes it (so sizes stay CPython's); an empty dict just starts general (insert_to_emptydict).
        d.pointee.generalKeys = true
        if d.pointee.nentries > 0 { dictResize(d) }
    }
    let (_, ix) = dictLookup(d, key, h)
    if ix == -2 { return -1 }
    incref(value)
    if ix >= 0 {
        let old = d.pointee.entries[ix].value
        d.pointee.entries[ix].value = value
        decref(old)
        return 0
    }
    incref(key)
    d.pointee.keysVersion = 0
    if d.pointee.nentries >= d.pointee.usable { dictResize(d) }
    let slot = dictEmptySlot(d, h)
    let n = d.pointee.nentries
    d.pointee.entries[n] = DictEntry(hash: h, key: key, value: value)
    d.pointee.indices[slot] = n
    d.pointee.nentries = n + 1
    d.pointee.used += 1
    return 0
}

/// d[key], borrowed; NULL if absent (check curExc for an error).
func dictGetItem(_ v: PyValue, _ key: PyValue) -> PyValue {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return .null }
    let d = dictPtr(v)
    let (_, ix) = dictLookup(d, key, h)
    return ix >= 0 ? d.pointee.entries[ix].value : .null
}

/// Lookup by a str key (never raises). Borrowed.
@inline(__always) func dictGetItemStr(_ v: PyValue, _ key: PyValue) -> PyValue {
    let h = strHash(key)
    let d = dictPtr(v)
    let (_, ix) = dictLookup(d, key, h)
    return ix >= 0 ? d.pointee.entries[ix].value : .null
}

/// del d[key]: 0; -1 with KeyError (or the comparison's error).
func dictDelItem(_ v: PyValue, _ key: PyValue) -> Int {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return -1 }
    let d = dictPtr(v)
    defer { if d.pointee.typeWatched { invalidateTypeCache() } }
    let (slot, ix) = dictLookup(d, key, h)
    if ix == -2 { return -1 }
    if ix == -1 {
        setException(newException(keyErrorType, args: newTuple([newRef(key)])))
        return -1
    }
    let e = d.pointee.entries[ix]
    d.pointee.keysVersion = 0
    d.pointee.indices[slot] = dkixDummy
    d.pointee.entries[ix].key = .null
    d.pointee.entries[ix].value = .null
    d.pointee.used -= 1
    decref(e.key); decref(e.value)
    return 0
}

/// Iterates live entries: position cursor, returns nil at the end.
@inline(__always) func dictNext(_ v: PyValue, _ pos: inout Int) -> DictEntry? {
    let d = dictPtr(v)
    while pos < d.pointee.nentries {
        let e = d.pointee.entries[pos]
        pos += 1
        if !e.key.isNull { return e }
    }
    return nil
}

func dictClear(_ v: PyValue) {
    let d = dictPtr(v)
    defer { if d.pointee.typeWatched { invalidateTypeCache() } }
    var old: [DictEntry] = []
    for i in 0..<d.pointee.nentries where !d.pointee.entries[i].key.isNull { old.append(d.pointee.entries[i]) }
    free(d.pointee.indices); free(d.pointee.entries)
    d.pointee.used = 0; d.pointee.nentries = 0; d.pointee.mask = 7; d.pointee.usable = 5
    d.pointee.keysVersion = 0
    d.pointee.generalKeys = false
    d.pointee.indices = malloc(64)!.assumingMemoryBound(to: Int.self)
    d.pointee.indices.initialize(repeating: dkixEmpty, count: 8)
    d.pointee.entries = malloc(5 * MemoryLayout<DictEntry>.stride)!.assumingMemoryBound(to: DictEntry.self)
    for e in old { decref(e.key); decref(e.value) }
}

/// dict.update(other): a dict, or an iterable of pairs.
func dictUpdate(_ v: PyValue, _ other: PyValue) -> Bool {
    if isInstance(other, dictType) {
        var pos = 0
        while let e = dictNext(other, &pos) { if dictSetItemHashed(v, e.key, e.value, e.hash) < 0 { return false } }
        return true
    }
    let keysMethod = lookupAttrOptional(other, internStr("keys"))
    if !keysMethod.isNull {
        decref(keysMethod)
        let keys = callMethod(other, "keys", [])
        if keys.isNull { return false }
        defer { decref(keys) }
        guard let ks = collectIterable(keys) else { return false }
        for k in ks {
            let val = getItem(other, k)
            if val.isNull { decref(k); return false }
            let r = dictSetItem(v, k, val)
            decref(k); decref(val)
            if r < 0 { return false }
        }
        return true
    }
    if !curExc.isNull { return false }
    let it = getIter(other)
    if it.isNull { return false }
    defer { decref(it) }
    var index = 0
    while true {
        let item = iterNext(it)
        if item.isNull { return curExc.isNull }
        defer { decref(item) }
        guard let pair = collectIterable(item) else {
            if isInstance(curExc, typeErrorType) {
                decref(fetchException())
                raise(typeErrorType, "cannot convert dictionary update sequence element #\(index) to a sequence")
            }
            return false
        }
        if pair.count != 2 {
            for x in pair { decref(x) }
            raise(valueErrorType, "dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
            return false
        }
        let r = dictSetItem(v, pair[0], pair[1])
        decref(pair[0]); decref(pair[1])
        if r < 0 { return false }
        index += 1
    }
}

func dictCopy(_ v: PyValue) -> PyValue {
    let out = newDict()
    var pos = 0
    while let e = dictNext(v, &pos) { _ = dictSetItemHashed(out, e.key, e.value, e.hash) }
    return out
}

func installDictSlots() {
    let t = dictType!
    t.pointee.repr = { w in
        let v = PyValue(raw: w)
        if dictCount(v) == 0 { return newStrASCII("{}").raw }
        if reprStack.contains(v.raw) { return newStrASCII("{...}").raw }
        reprStack.append(v.raw)
        defer { reprStack.removeLast() }
        var out = "{"
        var pos = 0
        var first = true
        while let e = dictNext(v, &pos) {
            if !first { out += ", " }
            first = false
            incref(e.key); incref(e.value)
            defer { decref(e.key); decref(e.value) }
            let k = objectRepr(e.key)
            if k.isNull { return 0 }
            out += strSwift(k); decref(k)
            out += ": "
            let r = objectRepr(e.value)
            if r.isNull { return 0 }
            out += strSwift(r); decref(r)
        }
        return newStr(out + "}").raw
    }
    t.pointee.len = { dictCount(PyValue(raw: $0)) }
    t.pointee.getitem = { a, k in
        let v = PyValue(raw: a), key = PyValue(raw: k)
        let r = dictGetItem(v, key)
        if r.isNull {
            if !curExc.isNull { return 0 }
            if v.type != dictType {
                let missing = typeLookup(v.type, internStr("__missing__"))
                if !missing.isNull { return callMethod(v, "__missing__", [key]).raw }
            }
            setException(newException(keyErrorType, args: newTuple([newRef(key)])))
            return 0
        }
        return newRef(r).raw
    }
    t.pointee.setitem = { a, k, x in
        if x == 0 { return dictDelItem(PyValue(raw: a), PyValue(raw: k)) }
        return dictSetItem(PyValue(raw: a), PyValue(raw: k), PyValue(raw: x))
    }
    t.pointee.contains = { a, k in
        let r = dictGetItem(PyValue(raw: a), PyValue(raw: k))
        if r.isNull { return curExc.isNull ? 0 : -1 }
        return 1
    }
    t.pointee.iter = { newSeqIter(PyValue(raw: $0), dictKeyIterType).raw }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(y, dictType) || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        var equal = dictCount(x) == dictCount(y)
        if equal {
            var pos = 0
            while let e = dictNext(x, &pos) {
                incref(e.key); incref(e.value)
                defer { decref(e.key); decref(e.value) }
                let other = dictGetItem(y, e.key)
                if other.isNull { if !curExc.isNull { return 0 }; equal = false; break }
                let r = richCompareBool(e.value, other, 2)
                if r < 0 { return 0 }
                if r == 0 { equal = false; break }
            }
        }
        return newRef(makeBool(op == 2 ? equal : !equal)).raw
    }
    t.pointee.nb[7] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, dictType) || !isInstance(y, dictType) { return newRef(pyNotImplemented).raw }
        let out = dictCopy(x)
        if !dictUpdate(out, y) { decref(out); return 0 }
        return out.raw
    }
    t.pointee.nb[20] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !dictUpdate(x, y) { return 0 }
        return newRef(x).raw
    }
    t.pointee.new = { _, args, n, kw in
        let out = newDict()
        if n >= 1 && !dictUpdate(out, PyValue(raw: args.unsafelyUnwrapped[0])) { decref(out); return 0 }
        if kw != 0 {
            let names = PyValue(raw: kw)
            for i in 0..<tupleCount(names) { _ = dictSetItem(out, tupleItem(names, i), PyValue(raw: args.unsafelyUnwrapped[n + i])) }
        }
        return out.raw
    }
}
