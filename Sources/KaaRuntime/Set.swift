#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `set` and `frozenset`: CPython 3.11's hash table (Objects/setobject.c) — open addressing with runs of
/// LINEAR_PROBES (9) adjacent slots, then perturbed probing; dummies for deleted keys; resize to used*4 (used*2
/// above 50000) when fill*5 >= mask*3. Iteration walks the table, so printed sets match CPython's order.
struct SetEntry {
    var key: PyValue
    var hash: Int
}

struct SetObject {
    var header: PyObject
    var fill: Int
    var used: Int
    var mask: Int
    var table: UnsafeMutablePointer<SetEntry>
    /// frozenset's cached hash (-1 = not computed).
    var hash: Int
}

let linearProbes = 9
nonisolated(unsafe) var setDummy = PyValue.null
nonisolated(unsafe) var setIterType: TypePtr! = nil

@inline(__always) func setPtr(_ v: PyValue) -> UnsafeMutablePointer<SetObject> { v.payload(SetObject.self) }
@inline(__always) func setCount(_ v: PyValue) -> Int { setPtr(v).pointee.used }
@inline(__always) func isAnySet(_ v: PyValue) -> Bool {
    let t = v.type
    return t == setType || t == frozenSetType || isSubtype(t, setType) || isSubtype(t, frozenSetType)
}

func allocSetTable(_ size: Int) -> UnsafeMutablePointer<SetEntry> {
    let t = UnsafeMutablePointer<SetEntry>.allocate(capacity: size)
    t.initialize(repeating: SetEntry(key: .null, hash: 0), count: size)
    return t
}

func newSet(_ type: TypePtr? = nil) -> PyValue {
    let p = allocObject(SetObject.self, type ?? setType)
    p.pointee.fill = 0
    p.pointee.used = 0
    p.pointee.mask = 7
    p.pointee.table = allocSetTable(8)
    p.pointee.hash = -1
    return PyValue(raw: UInt(bitPattern: p))
}

func setDealloc(_ w: Word) {
    let s = PyValue(raw: w).payload(SetObject.self)
    for i in 0...s.pointee.mask {
        let k = s.pointee.table[i].key
        if !k.isNull && k != setDummy { decref(k) }
    }
    s.pointee.table.deallocate()
    freeObject(w)
}

/// CPython: set_insert_clean (no dummies, no comparisons; the key reference is moved in).
func setInsertClean(_ table: UnsafeMutablePointer<SetEntry>, _ mask: Int, _ key: PyValue, _ hash: Int) {
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(mask))
    while true {
        if table[i].key.isNull { table[i] = SetEntry(key: key, hash: hash); return }
        if i + linearProbes <= mask {
            for j in 1...linearProbes where table[i + j].key.isNull {
                table[i + j] = SetEntry(key: key, hash: hash)
                return
            }
        }
        perturb >>= 5
        i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
}

/// CPython: set_table_resize
func setResize(_ s: UnsafeMutablePointer<SetObject>, _ minused: Int) {
    var newsize = 8
    while newsize <= minused { newsize <<= 1 }
    let old = s.pointee.table, oldmask = s.pointee.mask
    let table = allocSetTable(newsize)
    for i in 0...oldmask {
        let e = old[i]
        if !e.key.isNull && e.key != setDummy { setInsertClean(table, newsize - 1, e.key, e.hash) }
    }
    s.pointee.table = table
    s.pointee.mask = newsize - 1
    s.pointee.fill = s.pointee.used
    old.deallocate()
}

@inline(__always) func setKeysEqual(_ a: PyValue, _ b: PyValue) -> Int {
    if a == b { return 1 }
    if !a.isSmallInt && !b.isSmallInt && a.obj.pointee.type == strType && b.obj.pointee.type == strType {
        return strEquals(a, b) ? 1 : 0
    }
    return richCompareBool(a, b, 2)
}

/// Adds `key` (a new reference is taken). 0, or -1 with an exception. CPython: set_add_entry
func setAddHashed(_ v: PyValue, _ key: PyValue, _ hash: Int) -> Int {
    let s = setPtr(v)
    var freeslot = -1
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(s.pointee.mask))
    var slot = -1
    search: while true {
        let mask = s.pointee.mask
        var probes = (i + linearProbes <= mask) ? linearProbes : 0
        var j = i
        while true {
            let e = s.pointee.table[j]
            if e.hash == 0 && e.key.isNull { slot = j; break search }
            if e.hash == hash {
                let r = setKeysEqual(e.key, key)
                if r < 0 { return -1 }
                if r == 1 { return 0 }
            } else if e.hash == -1 && e.key == setDummy && freeslot < 0 {
                freeslot = j
            }
            if probes == 0 { break }
            probes -= 1
            j += 1
        }
        perturb >>= 5
        i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & s.pointee.mask
    }
    incref(key)
    if freeslot >= 0 {
        s.pointee.table[freeslot] = SetEntry(key: key, hash: hash)
        s.pointee.used += 1
        return 0
    }
    s.pointee.table[slot] = SetEntry(key: key, hash: hash)
    s.pointee.fill += 1
    s.pointee.used += 1
    if s.pointee.fill * 5 < s.pointee.mask * 3 { return 0 }
    setResize(s, s.pointee.used > 50000 ? s.pointee.used * 2 : s.pointee.used * 4)
    return 0
}

func setAdd(_ v: PyValue, _ key: PyValue) -> Int {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return -1 }
    return setAddHashed(v, key, h)
}

/// The slot holding `key`, -1 if absent, -2 on error. CPython: set_lookkey
func setLookup(_ v: PyValue, _ key: PyValue, _ hash: Int) -> Int {
    let s = setPtr(v)
    var perturb = UInt(bitPattern: hash)
    var i = Int(UInt(bitPattern: hash) & UInt(s.pointee.mask))
    while true {
        let mask = s.pointee.mask
        var probes = (i + linearProbes <= mask) ? linearProbes : 0
        var j = i
        while true {
            let e = s.pointee.table[j]
            if e.hash == 0 && e.key.isNull { return -1 }
            if e.hash == hash && e.key != setDummy {
                let r = setKeysEqual(e.key, key)
                if r < 0 { return -2 }
                if r == 1 { return j }
            }
            if probes == 0 { break }
            probes -= 1
            j += 1
        }
        perturb >>= 5
        i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
}

/// 1, 0, or -1 with an exception (unhashable key).
func setContains(_ v: PyValue, _ key: PyValue) -> Int {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return -1 }
    let r = setLookup(v, key, h)
    return r == -2 ? -1 : (r >= 0 ? 1 : 0)
}

/// 1 removed, 0 absent, -1 error. CPython: set_discard_key
func setDiscard(_ v: PyValue, _ key: PyValue) -> Int {
    let h = objectHash(key)
    if h == -1 && !curExc.isNull { return -1 }
    let r = setLookup(v, key, h)
    if r == -2 { return -1 }
    if r == -1 { return 0 }
    let s = setPtr(v)
    let old = s.pointee.table[r].key
    s.pointee.table[r] = SetEntry(key: setDummy, hash: -1)
    s.pointee.used -= 1
    decref(old)
    return 1
}

/// Active entries in table order (borrowed keys).
func setEntries(_ v: PyValue) -> [SetEntry] {
    let s = setPtr(v)
    var out: [SetEntry] = []
    out.reserveCapacity(s.pointee.used)
    for i in 0...s.pointee.mask {
        let e = s.pointee.table[i]
        if !e.key.isNull && e.key != setDummy { out.append(e) }
    }
    return out
}
func setKeys(_ v: PyValue) -> [PyValue] { setEntries(v).map { $0.key } }

/// CPython: set_update_internal (set_merge for sets, hashed keys for dicts, else iteration).
func setUpdate(_ v: PyValue, _ other: PyValue) -> Bool {
    if isAnySet(other) {
        let o = setPtr(other)
        if other == v || o.pointee.used == 0 { return true }
        let s = setPtr(v)
        if (s.pointee.fill + o.pointee.used) * 5 >= s.pointee.mask * 3 {
            setResize(s, (s.pointee.used + o.pointee.used) * 2)
        }
        if s.pointee.fill == 0 && s.pointee.mask == o.pointee.mask && o.pointee.fill == o.pointee.used {
            for i in 0...o.pointee.mask {
                let e = o.pointee.table[i]
                if !e.key.isNull { incref(e.key); s.pointee.table[i] = e }
            }
            s.pointee.fill = o.pointee.fill
            s.pointee.used = o.pointee.used
            return true
        }
        if s.pointee.fill == 0 {
            for i in 0...o.pointee.mask {
                let e = o.pointee.table[i]
                if !e.key.isNull && e.key != setDummy { incref(e.key); setInsertClean(s.pointee.table, s.pointee.mask, e.key, e.hash) }
            }
            s.pointee.fill = o.pointee.used
            s.pointee.used = o.pointee.used
            return true
        }
        for e in setEntries(other) { if setAddHashed(v, e.key, e.hash) < 0 { return false } }
        return true
    }
    if other.type == dictType {
        var pos = 0
        while let e = dictNext(other, &pos) { if setAddHashed(v, e.key, e.hash) < 0 { return false } }
        return true
    }
    let it = getIter(other)
    if it.isNull { return false }
    defer { decref(it) }
    while true {
        let x = iterNext(it)
        if x.isNull { return curExc.isNull }
        let r = setAdd(v, x)
        decref(x)
        if r < 0 { return false }
    }
}

func newSetFrom(_ p: UnsafeMutablePointer<PyValue>, _ n: Int) -> PyValue {
    let s = newSet()
    var ok = true
    for i in 0..<n { if ok && setAdd(s, p[i]) < 0 { ok = false }; decref(p[i]) }
    if !ok { decref(s); return .null }
    return s
}

/// A frozenset built by adding `items` in order (as unmarshalling does). Steals the references.
func newFrozenSet(_ items: [PyValue]) -> PyValue {
    let s = newSet(frozenSetType)
    for x in items { _ = setAdd(s, x); decref(x) }
    return s
}

func setCopy(_ v: PyValue, _ type: TypePtr? = nil) -> PyValue {
    let r = newSet(type ?? setType)
    _ = setUpdate(r, v)
    return r
}

/// Binary set algebra (CPython: set_or / set_and / set_sub / set_xor); NotImplemented for non-sets.
func setBinary(_ a: PyValue, _ b: PyValue, _ op: Int) -> PyValue {
    if !isAnySet(a) || !isAnySet(b) { return newRef(pyNotImplemented) }
    let resultType: TypePtr = isInstance(a, setType) ? setType : frozenSetType // CPython: make_new_set_basetype
    switch op {
    case 7: // |
        let r = setCopy(a, resultType)
        if !setUpdate(r, b) { decref(r); return .null }
        return r
    case 1: // &  (iterate the smaller set, CPython: set_intersection)
        var (big, small) = (a, b)
        if setCount(b) > setCount(a) { (big, small) = (b, a) }
        let r = newSet(resultType)
        for e in setEntries(small) {
            let f = setLookup(big, e.key, e.hash)
            if f == -2 { decref(r); return .null }
            if f >= 0 && setAddHashed(r, e.key, e.hash) < 0 { decref(r); return .null }
        }
        return r
    case 10: // -
        let r = newSet(resultType)
        for e in setEntries(a) {
            let f = setLookup(b, e.key, e.hash)
            if f == -2 { decref(r); return .null }
            if f < 0 && setAddHashed(r, e.key, e.hash) < 0 { decref(r); return .null }
        }
        return r
    default: // ^  (CPython: set_symmetric_difference_update on a copy)
        let r = setCopy(a, resultType)
        for e in setEntries(b) {
            let f = setLookup(r, e.key, e.hash)
            if f == -2 { decref(r); return .null }
            if f >= 0 { _ = setDiscard(r, e.key) } else if setAddHashed(r, e.key, e.hash) < 0 { decref(r); return .null }
        }
        return r
    }
}

func setIsSubset(_ a: PyValue, _ b: PyValue) -> Int {
    if setCount(a) > setCount(b) { return 0 }
    for e in setEntries(a) {
        let f = setLookup(b, e.key, e.hash)
        if f == -2 { return -1 }
        if f < 0 { return 0 }
    }
    return 1
}

/// CPython: frozenset_hash
func frozenSetHash(_ v: PyValue) -> Int {
    let s = setPtr(v)
    if s.pointee.hash != -1 { return s.pointee.hash }
    func shuffle(_ h: UInt) -> UInt { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
    var hash: UInt = 0
    // CPython xors every slot (NULL entries hash 0, dummies -1) and then cancels an odd count of each; skipping
    // them leaves the same value.
    for e in setEntries(v) { hash ^= shuffle(UInt(bitPattern: e.hash)) }
    hash ^= (UInt(s.pointee.used) &+ 1) &* 1927868237
    hash ^= (hash >> 11) ^ (hash >> 25)
    hash = hash &* 69069 &+ 907133923
    var h = Int(bitPattern: hash)
    if h == -1 { h = 590923713 }
    s.pointee.hash = h
    return h
}

func setMethodOp(_ s: PyValue, _ p: UnsafePointer<UInt>?, _ n: Int, _ op: Int) -> PyValue {
    var acc = setCopy(s, isInstance(s, setType) ? setType : frozenSetType)
    for i in 0..<n {
        var other = PyValue(raw: p.unsafelyUnwrapped[i])
        if !isAnySet(other) {
            let tmp = newSet()
            if !setUpdate(tmp, other) { decref(tmp); decref(acc); return .null }
            other = tmp
        } else { incref(other) }
        let r = setBinary(acc, other, op)
        decref(other); decref(acc)
        if r.isNull { return .null }
        acc = r
    }
    return acc
}

func installSetType() {
    setDummy = makeImmortal(objectType)
    setIterType = newType("set_iterator", base: objectType, basicSize: MemoryLayout<IterObject>.stride, dealloc: iterDealloc)
    setIterType.pointee.dict = newDict()
    setIterType.pointee.iter = selfIter
    setIterType.pointee.iternext = { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let sv = p.pointee.seq
        if sv.isNull { return 0 }
        let s = setPtr(sv)
        if s.pointee.used != p.pointee.end {
            p.pointee.end = -1
            return raise(runtimeErrorType, "Set changed size during iteration").raw
        }
        var i = p.pointee.index
        while i <= s.pointee.mask {
            let e = s.pointee.table[i]
            i += 1
            if !e.key.isNull && e.key != setDummy { p.pointee.index = i; return newRef(e.key).raw }
        }
        p.pointee.seq = .null
        decref(sv)
        return 0
    }
    for t in [setType!, frozenSetType!] {
        t.pointee.repr = { w in
            let v = PyValue(raw: w)
            // CPython: set_repr — "{...}" for an exact set, "Name({...})" for frozenset and every subclass.
            let plain = v.type == setType
            if setCount(v) == 0 { return newStr("\(typeName(v))()").raw }
            if reprStack.contains(v.raw) { return newStr("\(typeName(v))(...)").raw }
            reprStack.append(v.raw)
            defer { reprStack.removeLast() }
            var out = plain ? "{" : "\(typeName(v))({"
            for (i, k) in setKeys(v).enumerated() {
                if i > 0 { out += ", " }
                let r = objectRepr(k)
                if r.isNull { return 0 }
                out += strSwift(r); decref(r)
            }
            return newStr(out + (plain ? "}" : "})")).raw
        }
        t.pointee.len = { setCount(PyValue(raw: $0)) }
        t.pointee.contains = { a, k in setContains(PyValue(raw: a), PyValue(raw: k)) }
        t.pointee.iter = { w in newIter(setIterType, seq: PyValue(raw: w), end: setCount(PyValue(raw: w))).raw }
        t.pointee.nb[1] = { setBinary(PyValue(raw: $0), PyValue(raw: $1), 1).raw }
        t.pointee.nb[7] = { setBinary(PyValue(raw: $0), PyValue(raw: $1), 7).raw }
        t.pointee.nb[10] = { setBinary(PyValue(raw: $0), PyValue(raw: $1), 10).raw }
        t.pointee.nb[12] = { setBinary(PyValue(raw: $0), PyValue(raw: $1), 12).raw }
        t.pointee.richcompare = { a, b, op in
            let x = PyValue(raw: a), y = PyValue(raw: b)
            if !isAnySet(y) { return newRef(pyNotImplemented).raw }
            let r: Int
            switch op {
            case 2, 3:
                let eq = setCount(x) == setCount(y) ? setIsSubset(x, y) : 0
                if eq < 0 { return 0 }
                return newRef(makeBool((eq == 1) == (op == 2))).raw
            case 1: r = setIsSubset(x, y)
            case 0: r = setCount(x) < setCount(y) ? setIsSubset(x, y) : 0
            case 5: r = setIsSubset(y, x)
            default: r = setCount(x) > setCount(y) ? setIsSubset(y, x) : 0
            }
            if r < 0 { return 0 }
            return newRef(makeBool(r == 1)).raw
        }
        addMethod(t, "copy") { s, _, _, _ in
            let v = PyValue(raw: s)
            if v.type == frozenSetType { return newRef(v).raw }
            return setCopy(v, isInstance(v, setType) ? setType : frozenSetType).raw
        }
        let ops: [(String, BuiltinFn)] = [
            ("union", { s, p, n, _ in setMethodOp(PyValue(raw: s), p, n, 7).raw }),
            ("intersection", { s, p, n, _ in setMethodOp(PyValue(raw: s), p, n, 1).raw }),
            ("difference", { s, p, n, _ in setMethodOp(PyValue(raw: s), p, n, 10).raw }),
            ("symmetric_difference", { s, p, n, _ in setMethodOp(PyValue(raw: s), p, n, 12).raw }),
            ("issubset", { s, p, n, _ in
                let other = newSet()
                defer { decref(other) }
                if n != 1 || !setUpdate(other, PyValue(raw: p.unsafelyUnwrapped[0])) { return curExc.isNull ? raise(typeErrorType, "issubset() takes exactly one argument").raw : 0 }
                let r = setIsSubset(PyValue(raw: s), other)
                return r < 0 ? 0 : newRef(makeBool(r == 1)).raw }),
            ("issuperset", { s, p, n, _ in
                let other = newSet()
                defer { decref(other) }
                if n != 1 || !setUpdate(other, PyValue(raw: p.unsafelyUnwrapped[0])) { return curExc.isNull ? raise(typeErrorType, "issuperset() takes exactly one argument").raw : 0 }
                let r = setIsSubset(other, PyValue(raw: s))
                return r < 0 ? 0 : newRef(makeBool(r == 1)).raw }),
            ("isdisjoint", { s, p, n, _ in
                let other = newSet()
                defer { decref(other) }
                if n != 1 || !setUpdate(other, PyValue(raw: p.unsafelyUnwrapped[0])) { return curExc.isNull ? raise(typeErrorType, "isdisjoint() takes exactly one argument").raw : 0 }
                let r = setBinary(PyValue(raw: s), other, 1)
                if r.isNull { return 0 }
                defer { decref(r) }
                return newRef(makeBool(setCount(r) == 0)).raw }),
        ]
        for (name, fn) in ops { addMethod(t, name, fn) }
    }
    // dict.keys() views combine like sets (CPython: dictviews_or / _and / _sub / _xor).
    for (op, fn) in [(1, { (a: Word, b: Word) -> Word in dictViewSetOp(PyValue(raw: a), PyValue(raw: b), 1).raw } as BinaryFn),
                     (7, { dictViewSetOp(PyValue(raw: $0), PyValue(raw: $1), 7).raw }),
                     (10, { dictViewSetOp(PyValue(raw: $0), PyValue(raw: $1), 10).raw }),
                     (12, { dictViewSetOp(PyValue(raw: $0), PyValue(raw: $1), 12).raw })] {
        dictKeysType.pointee.nb[op] = fn
        dictItemsType.pointee.nb[op] = fn
    }
    setType.pointee.hash = { w in raiseInt(typeErrorType, "unhashable type: '\(typeName(PyValue(raw: w)))'") }
    frozenSetType.pointee.hash = { frozenSetHash(PyValue(raw: $0)) }
    setType.pointee.new = { _, p, n, _ in
        let s = newSet()
        if n > 0 && !setUpdate(s, PyValue(raw: p.unsafelyUnwrapped[0])) { decref(s); return 0 }
        return s.raw
    }
    frozenSetType.pointee.new = { _, p, n, _ in
        if n > 0 && PyValue(raw: p.unsafelyUnwrapped[0]).type == frozenSetType { return newRef(PyValue(raw: p.unsafelyUnwrapped[0])).raw }
        let s = newSet(frozenSetType)
        if n > 0 && !setUpdate(s, PyValue(raw: p.unsafelyUnwrapped[0])) { decref(s); return 0 }
        return s.raw
    }
    // In-place operators mutate (set only).
    setType.pointee.nb[13 + 7] = { a, b in
        if !isAnySet(PyValue(raw: b)) { return newRef(pyNotImplemented).raw }
        return setUpdate(PyValue(raw: a), PyValue(raw: b)) ? newRef(PyValue(raw: a)).raw : 0
    }
    let t = setType!
    addMethod(t, "add") { s, p, n, kw in
        guard Args(p, n, kw).count("set.add", 1, 1) else { return 0 }
        return setAdd(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(t, "discard") { s, p, n, kw in
        guard Args(p, n, kw).count("set.discard", 1, 1) else { return 0 }
        return setDiscard(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(t, "remove") { s, p, n, kw in
        guard Args(p, n, kw).count("set.remove", 1, 1) else { return 0 }
        let k = PyValue(raw: p.unsafelyUnwrapped[0])
        let r = setDiscard(PyValue(raw: s), k)
        if r < 0 { return 0 }
        if r == 0 { setException(newException(keyErrorType, args: newTuple([newRef(k)]))); return 0 }
        return newRef(pyNone).raw
    }
    addMethod(t, "pop") { s, _, _, _ in
        let v = PyValue(raw: s)
        guard let e = setEntries(v).first else {
            setException(newException(keyErrorType, args: newTuple([newStr("pop from an empty set")])))
            return 0
        }
        incref(e.key)
        _ = setDiscard(v, e.key)
        return e.key.raw
    }
    addMethod(t, "update") { s, p, n, _ in
        for i in 0..<n where !setUpdate(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[i])) { return 0 }
        return newRef(pyNone).raw
    }
    addMethod(t, "clear") { s, _, _, _ in
        let v = PyValue(raw: s)
        let keys = setKeys(v)
        let sp = setPtr(v)
        sp.pointee.table.deallocate()
        sp.pointee.table = allocSetTable(8)
        sp.pointee.mask = 7; sp.pointee.fill = 0; sp.pointee.used = 0
        for k in keys { decref(k) }
        return newRef(pyNone).raw
    }
}

func dictViewSetOp(_ a: PyValue, _ b: PyValue, _ op: Int) -> PyValue {
    let x = newSet(), y = newSet()
    defer { decref(x); decref(y) }
    if !setUpdate(x, a) || !setUpdate(y, b) {
        if isInstance(curExc, typeErrorType) { decref(fetchException()); return newRef(pyNotImplemented) }
        return .null
    }
    return setBinary(x, y, op)
}
