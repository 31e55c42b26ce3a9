/// The container methods and slots Set.swift, Range.swift and the dict views lacked (CPython 3.11:
/// Objects/setobject.c, rangeobject.c, sliceobject.c, dictobject.c's dictview_richcompare): set's *_update
/// methods and in-place operators, dict views' set comparisons and isdisjoint, slice's attributes, indices(),
/// comparisons and hash, range's attributes, index/count, hash and contains for non-int values.

/// CPython: set_swap_bodies — `a` takes `b`'s table (and `b` gets `a`'s, to be freed with it).
func setSwapBodies(_ a: PyValue, _ b: PyValue) {
    let x = setPtr(a), y = setPtr(b)
    swap(&x.pointee.fill, &y.pointee.fill)
    swap(&x.pointee.used, &y.pointee.used)
    swap(&x.pointee.mask, &y.pointee.mask)
    swap(&x.pointee.table, &y.pointee.table)
    x.pointee.hash = -1
    y.pointee.hash = -1
}

/// `other` as a set (borrowed when it is one): the argument form of the set methods.
func setOperand(_ other: PyValue) -> PyValue {
    if isAnySet(other) { return newRef(other) }
    let s = newSet()
    if !setUpdate(s, other) { decref(s); return .null }
    return s
}

/// a op= others (op: 1 &, 10 -, 12 ^) replacing a's contents (CPython: set_*_update).
func setUpdateInPlace(_ a: PyValue, _ other: PyValue, _ op: Int) -> Bool {
    let o = setOperand(other)
    if o.isNull { return false }
    defer { decref(o) }
    if op == 10 && o != a {
        for k in setKeys(o) where setDiscard(a, k) < 0 { return false }
        return true
    }
    if op == 12 && o == a {
        let empty = newSet()
        setSwapBodies(a, empty)
        decref(empty)
        return true
    }
    let r = setBinary(a, o, op)
    if r.isNull { return false }
    setSwapBodies(a, r)
    decref(r)
    return true
}

/// CPython: all_contained_in — every item of `a` is in `b` (1/0/-1).
func allContainedIn(_ a: PyValue, _ b: PyValue) -> Int {
    let it = getIter(a)
    if it.isNull { return -1 }
    defer { decref(it) }
    while true {
        let x = iterNext(it)
        if x.isNull { return curExc.isNull ? 1 : -1 }
        let r = containsOp(b, x)
        decref(x)
        if r != 1 { return r }
    }
}

func isDictViewSet(_ v: PyValue) -> Bool { v.type == dictKeysType || v.type == dictItemsType }

/// CPython: dictview_richcompare.
func dictViewRichCompare(_ a: Word, _ b: Word, _ op: Int) -> Word {
    let x = PyValue(raw: a), y = PyValue(raw: b)
    if !isAnySet(y) && !isDictViewSet(y) { return newRef(pyNotImplemented).raw }
    let lx = objectLength(x), ly = objectLength(y)
    if lx < 0 || ly < 0 { return 0 }
    var ok = 0
    switch op {
    case 2, 3:
        if lx == ly { ok = allContainedIn(x, y) }
        if op == 3 && ok >= 0 { ok = ok == 1 ? 0 : 1 }
    case 0: if lx < ly { ok = allContainedIn(x, y) }
    case 1: if lx <= ly { ok = allContainedIn(x, y) }
    case 4: if lx > ly { ok = allContainedIn(y, x) }
    default: if lx >= ly { ok = allContainedIn(y, x) }
    }
    if ok < 0 { return 0 }
    return newRef(makeBool(ok == 1)).raw
}

/// CPython: range_hash — hash((len, start, step)) with start/step None for empty and one-item ranges.
func rangeHash(_ w: Word) -> Int {
    let (start, stop, step, len) = rangeParts(PyValue(raw: w))
    decref(stop)
    var items = [len, newRef(pyNone), newRef(pyNone)]
    if richCompareBool(len, .small(0), 4) == 1 { decref(items[1]); items[1] = newRef(start) }
    if richCompareBool(len, .small(1), 4) == 1 { decref(items[2]); items[2] = newRef(step) }
    decref(start); decref(step)
    let t = newTuple(items)
    defer { decref(t) }
    return objectHash(t)
}

func installContainerMethods() {
    // set / frozenset
    let st = setType!

    addMethod(st, "intersection_update") { s, p, n, _ in
        for i in 0..<n where !setUpdateInPlace(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[i]), 1) { return 0 }
        return newRef(pyNone).raw
    }
    addMethod(st, "difference_update") { s, p, n, _ in
        for i in 0..<n where !setUpdateInPlace(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[i]), 10) { return 0 }
        return newRef(pyNone).raw
    }

    addMethod(st, "symmetric_difference_update") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "set.symmetric_difference_update() takes exactly one argument (\(n) given)").raw }
        return setUpdateInPlace(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), 12) ? newRef(pyNone).raw : 0
    }
    st.pointee.nb[13 + 1] = { a, b in
        if !isAnySet(PyValue(raw: b)) { return newRef(pyNotImplemented).raw }
        return setUpdateInPlace(PyValue(raw: a), PyValue(raw: b), 1) ? newRef(PyValue(raw: a)).raw : 0
    }
    st.pointee.nb[13 + 10] = { a, b in
        if !isAnySet(PyValue(raw: b)) { return newRef(pyNotImplemented).raw }
        return setUpdateInPlace(PyValue(raw: a), PyValue(raw: b), 10) ? newRef(PyValue(raw: a)).raw : 0
    }
    st.pointee.nb[13 + 12] = { a, b in
        if !isAnySet(PyValue(raw: b)) { return newRef(pyNotImplemented).raw }
        return setUpdateInPlace(PyValue(raw: a), PyValue(raw: b), 12) ? newRef(PyValue(raw: a)).raw : 0
    }

    // dict views
    for t in [dictKeysType!, dictItemsType!] {
        t.pointee.richcompare = dictViewRichCompare
        addMethod(t, "isdisjoint") { s, p, n, _ in
            if n != 1 { return raise(typeErrorType, "isdisjoint() takes exactly one argument (\(n) given)").raw }
            let other = PyValue(raw: p.unsafelyUnwrapped[0])
            let it = getIter(other)
            if it.isNull { return 0 }
            defer { decref(it) }
            while true {
                let x = iterNext(it)
                if x.isNull { return curExc.isNull ? newRef(pyTrue).raw : 0 }
                let r = containsOp(PyValue(raw: s), x)
                decref(x)
                if r < 0 { return 0 }
                if r == 1 { return newRef(pyFalse).raw }
            }
        }
    }
    dictItemsType.pointee.contains = { a, k in
        // CPython: dictitems_contains — a 2-tuple whose key maps to an equal value.
        let item = PyValue(raw: k)
        if item.type != tupleType || tupleCount(item) != 2 { return 0 }
        let d = PyValue(raw: a).payload(IterObject.self).pointee.seq
        let v = dictGetItem(d, tupleItem(item, 0))
        if v.isNull { return curExc.isNull ? 0 : -1 }
        incref(v)
        defer { decref(v) }
        return richCompareBool(v, tupleItem(item, 1), 2)
    }

    // slice
    let sl = sliceType!
    sl.pointee.getattro = { o, n in
        let p = PyValue(raw: o).payload(SliceObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "start": return newRef(p.pointee.start).raw
        case "stop": return newRef(p.pointee.stop).raw
        case "step": return newRef(p.pointee.step).raw
        default: return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
        }
    }
    sl.pointee.hash = { w in raiseInt(typeErrorType, "unhashable type: 'slice'") }
    sl.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != sliceType { return newRef(pyNotImplemented).raw }
        func tup(_ v: PyValue) -> PyValue {
            let p = v.payload(SliceObject.self)
            return newTuple([newRef(p.pointee.start), newRef(p.pointee.stop), newRef(p.pointee.step)])
        }
        let tx = tup(x), ty = tup(y)
        defer { decref(tx); decref(ty) }
        return richCompare(tx, ty, op).raw
    }
    addMethod(sl, "indices") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "slice.indices() takes exactly one argument (\(n) given)").raw }
        guard let len = indexValueOrRaise(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
        if len < 0 { return raise(valueErrorType, "length should not be negative").raw }
        guard let (start, stop, step, _) = sliceIndices(PyValue(raw: s), len) else { return 0 }
        return newTuple([makeInt(start), makeInt(stop), makeInt(step)]).raw
    }

    // range
    let r = rangeType!
    r.pointee.hash = rangeHash


    r.pointee.contains = { w, k in
        let key = PyValue(raw: k)
        let p = PyValue(raw: w).payload(RangeObject.self)
        if key.isSmallInt || key.type == boolType || key.type == intType {
            guard let x = smallOperand(key) else { return 0 }
            let st = p.pointee.step
            if st > 0 ? (x < p.pointee.start || x >= p.pointee.stop) : (x > p.pointee.start || x <= p.pointee.stop) { return 0 }
            return (x - p.pointee.start) % st == 0 ? 1 : 0
        }
        // CPython: _PySequence_IterSearch — equality with each item.
        for i in 0..<p.pointee.length {
            let v = makeInt(p.pointee.start + i * p.pointee.step)
            let eq = richCompareBool(v, key, 2)
            decref(v)
            if eq != 0 { return eq }
        }
        return 0
    }
    installBigRange()
    r.pointee.getattro = { o, n in
        let key = attrKey(PyValue(raw: n))
        if key == "start" || key == "stop" || key == "step" {
            let (start, stop, step, len) = rangeParts(PyValue(raw: o))
            decref(len)
            let (keep, drop1, drop2) = key == "start" ? (start, stop, step) : (key == "stop" ? (stop, start, step) : (step, start, stop))
            decref(drop1); decref(drop2)
            return keep.raw
        }
        return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
    }
    addMethod(r, "count") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "range.count() takes exactly one argument (\(n) given)").raw }
        let key = PyValue(raw: p.unsafelyUnwrapped[0])
        if key.isSmallInt || key.type == boolType || key.type == intType {
            let c = rangeType.pointee.contains.unsafelyUnwrapped(s, key.raw)
            return c < 0 ? 0 : makeInt(c).raw
        }
        let it = getIter(PyValue(raw: s))
        if it.isNull { return 0 }
        defer { decref(it) }
        var c = 0
        while true {
            let x = iterNext(it)
            if x.isNull { return curExc.isNull ? makeInt(c).raw : 0 }
            let eq = richCompareBool(x, key, 2)
            decref(x)
            if eq < 0 { return 0 }
            c += eq
        }
    }
    addMethod(r, "index") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "range.index() takes exactly one argument (\(n) given)").raw }
        let key = PyValue(raw: p.unsafelyUnwrapped[0])
        if key.isSmallInt || key.type == boolType || key.type == intType {
            let c = rangeType.pointee.contains.unsafelyUnwrapped(s, key.raw)
            if c < 0 { return 0 }
            if c == 1 {
                // (key - start) // step
                let (start, stop, step, len) = rangeParts(PyValue(raw: s))
                defer { decref(start); decref(stop); decref(step); decref(len) }
                let d = binaryOp(key, start, 10)
                if d.isNull { return 0 }
                defer { decref(d) }
                return binaryOp(d, step, 2).raw
            }
            let rep = objectRepr(key)
            if rep.isNull { return 0 }
            defer { decref(rep) }
            return raise(valueErrorType, "\(strSwift(rep)) is not in range").raw
        }
        let it = getIter(PyValue(raw: s))
        if it.isNull { return 0 }
        defer { decref(it) }
        var i = 0
        while true {
            let x = iterNext(it)
            if x.isNull { break }
            let eq = richCompareBool(x, key, 2)
            decref(x)
            if eq < 0 { return 0 }
            if eq == 1 { return makeInt(i).raw }
            i += 1
        }
        if !curExc.isNull { return 0 }
        return raise(valueErrorType, "sequence.index(x): x not in sequence").raw
    }
}
