/// Ranges beyond a machine word (CPython 3.11: Objects/rangeobject.c keeps PyLongs; `longrange_iterator`).
/// A range whose start, stop, step or length does not fit an Int keeps them as int objects in `big`; its slots
/// dispatch here, the word-sized fast paths in Range.swift stay as they were.

nonisolated(unsafe) var longRangeIterType: TypePtr! = nil
nonisolated(unsafe) var smallRangeSlots: (getitem: BinaryFn?, contains: InquiryFn?, repr: UnaryFn?, iter: UnaryFn?,
                                          richcompare: RichCmpFn?, len: HashFn?, bool: HashFn?)
    = (nil, nil, nil, nil, nil, nil, nil)

@inline(__always) func rangeBig(_ v: PyValue) -> PyValue { v.payload(RangeObject.self).pointee.big }

/// (start, stop, step, length) of any range as int objects (new references).
func rangeParts(_ v: PyValue) -> (PyValue, PyValue, PyValue, PyValue) {
    let b = rangeBig(v)
    if !b.isNull {
        return (newRef(tupleItem(b, 0)), newRef(tupleItem(b, 1)), newRef(tupleItem(b, 2)), newRef(tupleItem(b, 3)))
    }
    let p = v.payload(RangeObject.self).pointee
    return (makeInt(p.start), makeInt(p.stop), makeInt(p.step), makeInt(p.length))
}

func rangeDealloc(_ w: Word) {
    xdecref(PyValue(raw: w).payload(RangeObject.self).pointee.big)
    freeObject(w)
}

/// Arithmetic on int objects for the big paths (NULL with an exception; operands borrowed).
@inline(__always) func bigOp(_ a: PyValue, _ b: PyValue, _ op: Int) -> PyValue { binaryOp(a, b, op) }
let opAdd = 0, opFloorDiv = 2, opMul = 5, opMod = 6, opSub = 10

/// CPython: compute_range_length.
func computeRangeLength(_ start: PyValue, _ stop: PyValue, _ step: PyValue) -> PyValue {
    let zero = PyValue.small(0)
    let pos = richCompareBool(step, zero, 4)
    if pos < 0 { return .null }
    var lo = start, hi = stop, st = newRef(step)
    if pos == 0 {
        lo = stop; hi = start
        decref(st)
        st = unaryOp(step, 0)
        if st.isNull { return .null }
    }
    defer { decref(st) }
    let ge = richCompareBool(lo, hi, 5)
    if ge < 0 { return .null }
    if ge == 1 { return makeInt(0) }
    let diff = bigOp(hi, lo, opSub)
    if diff.isNull { return .null }
    let one = PyValue.small(1)
    let d1 = bigOp(diff, one, opSub)
    decref(diff)
    if d1.isNull { return .null }
    let q = bigOp(d1, st, opFloorDiv)
    decref(d1)
    if q.isNull { return .null }
    let r = bigOp(q, one, opAdd)
    decref(q)
    return r
}

/// A range from int objects (borrowed): word-sized when everything fits, else a big range.
func newRangeFromValues(_ start: PyValue, _ stop: PyValue, _ step: PyValue) -> PyValue {
    let len = computeRangeLength(start, stop, step)
    if len.isNull { return .null }
    if let a = smallOperand(start), let b = smallOperand(stop), let c = smallOperand(step), let n = smallOperand(len),
       a > Int.min / 4, a < Int.max / 4, b > Int.min / 4, b < Int.max / 4, c > Int.min / 4, c < Int.max / 4 {
        decref(len)
        let r = newRange(a, b, c)
        if r.payload(RangeObject.self).pointee.length == n { return r }
        decref(r)
        return newRangeFromValuesBig(start, stop, step)
    }
    let p = allocObject(RangeObject.self, rangeType)
    p.pointee.start = 0; p.pointee.stop = 0; p.pointee.step = 1; p.pointee.length = 0
    p.pointee.big = newTuple([newRef(start), newRef(stop), newRef(step), len])
    return PyValue(raw: UInt(bitPattern: p))
}

func newRangeFromValuesBig(_ start: PyValue, _ stop: PyValue, _ step: PyValue) -> PyValue {
    let len = computeRangeLength(start, stop, step)
    if len.isNull { return .null }
    let p = allocObject(RangeObject.self, rangeType)
    p.pointee.start = 0; p.pointee.stop = 0; p.pointee.step = 1; p.pointee.length = 0
    p.pointee.big = newTuple([newRef(start), newRef(stop), newRef(step), len])
    return PyValue(raw: UInt(bitPattern: p))
}

/// An int from an argument through __index__ (CPython: PyNumber_Index), new reference.
func numberIndex(_ v: PyValue) -> PyValue {
    if v.isSmallInt || v.type == intType { return newRef(v) }
    if isInstance(v, intType) && v.type != boolType { return newRef(v) }
    if v.type == boolType { return makeInt(v == pyTrue ? 1 : 0) }
    if let f = v.type.pointee.index { return PyValue(raw: f(v.raw)) }
    return raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
}

/// range(...) (CPython: range_new / range_from_array).
func rangeNew(_ args: UnsafePointer<UInt>?, _ n: Int) -> PyValue {
    if n == 0 { return raise(typeErrorType, "range expected at least 1 argument, got 0") }
    if n > 3 { return raise(typeErrorType, "range expected at most 3 arguments, got \(n)") }
    // Fast path: small ints whose arithmetic cannot overflow (the common `range(n)`).
    let a = args.unsafelyUnwrapped
    let lim = Int.max / 4
    if n == 1, a[0] & 1 != 0 {
        let stop = PyValue(raw: a[0]).smallInt
        if stop < lim && stop > -lim { return newRange(0, stop, 1) }
    } else if n == 2, a[0] & a[1] & 1 != 0 {
        let x = PyValue(raw: a[0]).smallInt, y = PyValue(raw: a[1]).smallInt
        if x < lim && x > -lim && y < lim && y > -lim { return newRange(x, y, 1) }
    } else if n == 3, a[0] & a[1] & a[2] & 1 != 0 {
        let x = PyValue(raw: a[0]).smallInt, y = PyValue(raw: a[1]).smallInt, z = PyValue(raw: a[2]).smallInt
        if z != 0 && x < lim && x > -lim && y < lim && y > -lim && z < lim && z > -lim { return newRange(x, y, z) }
    }
    var v: [PyValue] = []
    defer { for x in v { decref(x) } }
    for i in 0..<n {
        let x = numberIndex(PyValue(raw: args.unsafelyUnwrapped[i]))
        if x.isNull { return .null }
        v.append(x)
    }
    if n == 3 {
        let z = richCompareBool(v[2], .small(0), 2)
        if z < 0 { return .null }
        if z == 1 { return raise(valueErrorType, "range() arg 3 must not be zero") }
    }
    switch n {
    case 1: return newRangeFromValues(.small(0), v[0], .small(1))
    case 2: return newRangeFromValues(v[0], v[1], .small(1))
    default: return newRangeFromValues(v[0], v[1], v[2])
    }
}

/// start + i * step for an in-range index (new reference).
func rangeItemBig(_ start: PyValue, _ step: PyValue, _ i: PyValue) -> PyValue {
    let m = bigOp(i, step, opMul)
    if m.isNull { return .null }
    defer { decref(m) }
    return bigOp(start, m, opAdd)
}

/// CPython: _PySlice_GetLongIndices — a slice's (start, stop, step) for a sequence of int-object length.
func sliceLongIndices(_ s: PyValue, _ length: PyValue) -> (PyValue, PyValue, PyValue)? {
    let p = s.payload(SliceObject.self)
    var step: PyValue
    if p.pointee.step == pyNone { step = makeInt(1) } else {
        step = numberIndexSlice(p.pointee.step)
        if step.isNull { return nil }
        let z = richCompareBool(step, .small(0), 2)
        if z != 0 { decref(step); if z == 1 { raise(valueErrorType, "slice step cannot be zero") }; return nil }
    }
    let neg = richCompareBool(step, .small(0), 0) == 1
    let lower = neg ? makeInt(-1) : makeInt(0)
    let upper = neg ? bigOp(length, .small(1), opSub) : newRef(length)
    defer { decref(lower); decref(upper) }
    if upper.isNull { decref(step); return nil }
    func adjust(_ v: PyValue, _ dflt: PyValue) -> PyValue {
        if v == pyNone { return newRef(dflt) }
        var x = numberIndexSlice(v)
        if x.isNull { return .null }
        if richCompareBool(x, .small(0), 0) == 1 {
            let y = bigOp(x, length, opAdd)
            decref(x)
            if y.isNull { return .null }
            x = y
            if richCompareBool(x, lower, 0) == 1 { decref(x); return newRef(lower) }
        } else if richCompareBool(x, upper, 4) == 1 {
            decref(x); return newRef(upper)
        }
        return x
    }
    let start = adjust(p.pointee.start, neg ? upper : lower)
    if start.isNull { decref(step); return nil }
    let stop = adjust(p.pointee.stop, neg ? lower : upper)
    if stop.isNull { decref(step); decref(start); return nil }
    return (start, stop, step)
}

func numberIndexSlice(_ v: PyValue) -> PyValue {
    let r = numberIndex(v)
    if r.isNull && isInstance(curExc, typeErrorType) {
        decref(fetchException())
        return raise(typeErrorType, "slice indices must be integers or None or have an __index__ method")
    }
    return r
}

func bigRangeGetItem(_ w: Word, _ k: Word) -> Word {
    let v = PyValue(raw: w), key = PyValue(raw: k)
    let (start, stop, step, len) = rangeParts(v)
    defer { decref(start); decref(stop); decref(step); decref(len) }
    if key.type == sliceType {
        guard let (a, b, c) = sliceLongIndices(key, len) else { return 0 }
        defer { decref(a); decref(b); decref(c) }
        let ns = rangeItemBig(start, step, a), ne = rangeItemBig(start, step, b), nst = bigOp(step, c, opMul)
        defer { xdecref(ns); xdecref(ne); xdecref(nst) }
        if ns.isNull || ne.isNull || nst.isNull { return 0 }
        return newRangeFromValues(ns, ne, nst).raw
    }
    var i = numberIndex(key)
    if i.isNull {
        if isInstance(curExc, typeErrorType) {
            decref(fetchException())
            return raise(typeErrorType, "range indices must be integers or slices, not \(typeName(key))").raw
        }
        return 0
    }
    if richCompareBool(i, .small(0), 0) == 1 {
        let j = bigOp(i, len, opAdd)
        decref(i)
        if j.isNull { return 0 }
        i = j
    }
    defer { decref(i) }
    if richCompareBool(i, .small(0), 0) == 1 || richCompareBool(i, len, 5) == 1 {
        return raise(indexErrorType, "range object index out of range").raw
    }
    return rangeItemBig(start, step, i).raw
}

/// CPython: range_contains_long.
func bigRangeContainsInt(_ v: PyValue, _ x: PyValue) -> Int {
    let (start, stop, step, len) = rangeParts(v)
    defer { decref(start); decref(stop); decref(step); decref(len) }
    let pos = richCompareBool(step, .small(0), 4) == 1
    let inBounds = pos
        ? richCompareBool(start, x, 1) == 1 && richCompareBool(x, stop, 0) == 1
        : richCompareBool(stop, x, 0) == 1 && richCompareBool(x, start, 1) == 1
    if !inBounds { return 0 }
    let d = bigOp(x, start, opSub)
    if d.isNull { return -1 }
    defer { decref(d) }
    let m = bigOp(d, step, opMod)
    if m.isNull { return -1 }
    defer { decref(m) }
    return richCompareBool(m, .small(0), 2)
}

func installBigRange() {
    let r = rangeType!
    r.pointee.dealloc = rangeDealloc
    smallRangeSlots = (r.pointee.getitem, r.pointee.contains, r.pointee.repr, r.pointee.iter, r.pointee.richcompare,
                       r.pointee.len, r.pointee.bool)
    r.pointee.new = { _, args, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 { return raise(typeErrorType, "range() takes no keyword arguments").raw }
        return rangeNew(args, n).raw
    }
    r.pointee.getitem = { w, k in
        if rangeBig(PyValue(raw: w)).isNull {
            // Word-sized range: big indices or slices with big bounds go through the general path.
            let key = PyValue(raw: k)
            if key.isSmallInt || key.type == sliceType && sliceFitsWord(key) { return smallRangeSlots.getitem!(w, k) }
        }
        return bigRangeGetItem(w, k)
    }
    r.pointee.contains = { w, k in
        let v = PyValue(raw: w), key = PyValue(raw: k)
        if rangeBig(v).isNull && (key.isSmallInt || key.type == boolType || smallOperand(key) != nil) {
            return smallRangeSlots.contains!(w, k)
        }
        if key.type == intType || key.type == boolType { return bigRangeContainsInt(v, key) }
        if rangeBig(v).isNull { return smallRangeSlots.contains!(w, k) }
        // CPython: _PySequence_IterSearch.
        let it = getIter(v)
        if it.isNull { return -1 }
        defer { decref(it) }
        while true {
            let x = iterNext(it)
            if x.isNull { return curExc.isNull ? 0 : -1 }
            let eq = richCompareBool(x, key, 2)
            decref(x)
            if eq != 0 { return eq }
        }
    }
    r.pointee.repr = { w in
        let v = PyValue(raw: w)
        if rangeBig(v).isNull { return smallRangeSlots.repr!(w) }
        let (start, stop, step, len) = rangeParts(v)
        defer { decref(start); decref(stop); decref(step); decref(len) }
        var parts: [String] = []
        for x in [start, stop, step] {
            let s = objectRepr(x)
            if s.isNull { return 0 }
            parts.append(strSwift(s)); decref(s)
        }
        let one = richCompareBool(step, .small(1), 2) == 1
        return newStr("range(\(parts[0]), \(parts[1])\(one ? "" : ", " + parts[2]))").raw
    }
    r.pointee.len = { w in
        let v = PyValue(raw: w)
        if rangeBig(v).isNull { return smallRangeSlots.len!(w) }
        if let n = smallOperand(tupleItem(rangeBig(v), 3)) { return n }
        return raiseInt(overflowErrorType, "Python int too large to convert to C ssize_t")
    }
    r.pointee.bool = { w in
        let v = PyValue(raw: w)
        if rangeBig(v).isNull { return smallRangeSlots.bool!(w) }
        return richCompareBool(tupleItem(rangeBig(v), 3), .small(0), 3)
    }
    r.pointee.iter = { w in
        let v = PyValue(raw: w)
        if rangeBig(v).isNull { return smallRangeSlots.iter!(w) }
        let (start, stop, step, len) = rangeParts(v)
        decref(stop)
        // CPython: longrangeiter — the next value, the step and the items left.
        let state = newList([start, step, len])
        defer { decref(state) }
        return newIter(longRangeIterType, seq: state).raw
    }
    r.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if rangeBig(x).isNull && (y.type != rangeType || rangeBig(y).isNull) { return smallRangeSlots.richcompare!(a, b, op) }
        if y.type != rangeType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        // CPython: range_equals — same length, and (if non-empty) same start and (if longer than one) same step.
        let (s1, e1, st1, l1) = rangeParts(x), (s2, e2, st2, l2) = rangeParts(y)
        defer { for z in [s1, e1, st1, l1, s2, e2, st2, l2] { decref(z) } }
        var eq = richCompareBool(l1, l2, 2) == 1
        if eq && richCompareBool(l1, .small(0), 2) == 0 {
            eq = richCompareBool(s1, s2, 2) == 1 && (richCompareBool(l1, .small(1), 2) == 1 || richCompareBool(st1, st2, 2) == 1)
        }
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
    longRangeIterType = newType("longrange_iterator", base: objectType, basicSize: MemoryLayout<IterObject>.stride,
                                dealloc: iterDealloc)
    longRangeIterType.pointee.dict = newDict()
    longRangeIterType.pointee.iter = selfIter
    longRangeIterType.pointee.iternext = { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let st = p.pointee.seq
        if st.isNull { return 0 }
        let items = listItems(st)
        if richCompareBool(items[2], .small(0), 4) != 1 { return 0 }
        let cur = items[0]
        let next = bigOp(cur, items[1], opAdd)
        if next.isNull { return 0 }
        let left = bigOp(items[2], .small(1), opSub)
        if left.isNull { decref(next); return 0 }
        let old2 = items[2]
        items[0] = next
        items[2] = left
        decref(old2)
        return cur.raw
    }
}

func sliceFitsWord(_ s: PyValue) -> Bool {
    let p = s.payload(SliceObject.self)
    for x in [p.pointee.start, p.pointee.stop, p.pointee.step] where x != pyNone && !x.isSmallInt { return false }
    return true
}
