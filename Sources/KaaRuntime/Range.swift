/// `range`, `slice`, and the built-in iterators (list/tuple/str/dict/range iterators, the sequence-protocol
/// iterator, enumerate, zip, map, filter, reversed).

struct RangeObject {
    var header: PyObject
    var start: Int
    var stop: Int
    var step: Int
    var length: Int
    /// NULL, or (start, stop, step, length) as int objects when one of them does not fit a machine word
    /// (Range+Big.swift); the Int fields are then unused.
    var big: PyValue
}

struct SliceObject {
    var header: PyObject
    var start: PyValue
    var stop: PyValue
    var step: PyValue
}

/// One layout for every built-in iterator: the underlying object(s), a cursor and a bound.
struct IterObject {
    var header: PyObject
    var seq: PyValue
    var extra: PyValue
    var index: Int
    var end: Int
    var step: Int
}

nonisolated(unsafe) var listIterType: TypePtr! = nil
nonisolated(unsafe) var tupleIterType: TypePtr! = nil
nonisolated(unsafe) var strIterType: TypePtr! = nil
nonisolated(unsafe) var dictKeyIterType: TypePtr! = nil
nonisolated(unsafe) var dictValueIterType: TypePtr! = nil
nonisolated(unsafe) var dictItemIterType: TypePtr! = nil
nonisolated(unsafe) var rangeIterType: TypePtr! = nil
nonisolated(unsafe) var seqIterType: TypePtr! = nil
nonisolated(unsafe) var enumerateType: TypePtr! = nil
nonisolated(unsafe) var zipType: TypePtr! = nil
nonisolated(unsafe) var mapType: TypePtr! = nil
nonisolated(unsafe) var filterType: TypePtr! = nil
nonisolated(unsafe) var reversedType: TypePtr! = nil
nonisolated(unsafe) var dictKeysType: TypePtr! = nil
nonisolated(unsafe) var dictValuesType: TypePtr! = nil
nonisolated(unsafe) var dictItemsType: TypePtr! = nil

func iterDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(IterObject.self)
    xdecref(p.pointee.seq)
    xdecref(p.pointee.extra)
    freeObject(w)
}

func newIter(_ type: TypePtr, seq: PyValue, extra: PyValue = .null, index: Int = 0, end: Int = 0, step: Int = 1) -> PyValue {
    let p = allocObject(IterObject.self, type)
    xincref(seq); xincref(extra)
    p.pointee.seq = seq
    p.pointee.extra = extra
    p.pointee.index = index
    p.pointee.end = end
    p.pointee.step = step
    return PyValue(raw: UInt(bitPattern: p))
}

func newSeqIter(_ seq: PyValue, _ type: TypePtr) -> PyValue {
    if type == dictKeyIterType || type == dictValueIterType || type == dictItemIterType {
        return newIter(type, seq: seq, end: dictCount(seq))
    }
    return newIter(type, seq: seq)
}

func selfIter(_ w: Word) -> Word { newRef(PyValue(raw: w)).raw }

func dictIterNext(_ w: Word, _ kind: Int) -> Word {
    let p = PyValue(raw: w).payload(IterObject.self)
    let d = p.pointee.seq
    if d.isNull { return 0 }
    if dictCount(d) != p.pointee.end {
        p.pointee.end = -1
        return raise(runtimeErrorType, "dictionary changed size during iteration").raw
    }
    var pos = p.pointee.index
    guard let e = dictNext(d, &pos) else { p.pointee.seq = .null; decref(d); return 0 }
    p.pointee.index = pos
    switch kind {
    case 0: return newRef(e.key).raw
    case 1: return newRef(e.value).raw
    default: return newTuple([newRef(e.key), newRef(e.value)]).raw
    }
}

func sliceLength(_ start: Int, _ stop: Int, _ step: Int) -> Int {
    if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
    return stop < start ? (start - stop - 1) / (-step) + 1 : 0
}

/// CPython: PySlice_Unpack + PySlice_AdjustIndices. nil with an exception.
func sliceIndices(_ s: PyValue, _ length: Int) -> (Int, Int, Int, Int)? {
    let p = s.payload(SliceObject.self)
    var step = 1
    if p.pointee.step != pyNone {
        guard let st = sliceIndexValue(p.pointee.step) else { return nil }
        if st == 0 { raise(valueErrorType, "slice step cannot be zero"); return nil }
        step = st
    }
    var start: Int, stop: Int
    if p.pointee.start == pyNone { start = step < 0 ? Int.max : 0 }
    else { guard let v = sliceIndexValue(p.pointee.start) else { return nil }; start = v }
    if p.pointee.stop == pyNone { stop = step < 0 ? Int.min : Int.max }
    else { guard let v = sliceIndexValue(p.pointee.stop) else { return nil }; stop = v }
    if start < 0 { start += length; if start < 0 { start = step < 0 ? -1 : 0 } }
    else if start >= length { start = step < 0 ? length - 1 : length }
    if stop < 0 { stop = stop == Int.min ? -1 : stop + length; if stop < 0 { stop = step < 0 ? -1 : 0 } }
    else if stop >= length { stop = step < 0 ? length - 1 : length }
    return (start, stop, step, sliceLength(start, stop, step))
}

func sliceIndexValue(_ v: PyValue) -> Int? {
    if let s = smallOperand(v) { return s }
    if let b = bigOperand(v) { return b.sign == .minus ? Int.min / 2 : Int.max / 2 }
    if let i = indexValue(v) { return i }
    if curExc.isNull {
        raise(typeErrorType, "slice indices must be integers or None or have an __index__ method")
    }
    return nil
}

func newSlice(_ start: PyValue, _ stop: PyValue, _ step: PyValue) -> PyValue {
    let p = allocObject(SliceObject.self, sliceType)
    p.pointee.start = newRef(start); p.pointee.stop = newRef(stop); p.pointee.step = newRef(step)
    return PyValue(raw: UInt(bitPattern: p))
}

func newRange(_ start: Int, _ stop: Int, _ step: Int) -> PyValue {
    let p = allocObject(RangeObject.self, rangeType)
    p.pointee.start = start; p.pointee.stop = stop; p.pointee.step = step
    p.pointee.length = sliceLength(start, stop, step)
    p.pointee.big = .null
    return PyValue(raw: UInt(bitPattern: p))
}

func installIteratorTypes() {
    func mk(_ name: String, _ next: UnaryFn) -> TypePtr {
        let t = newType(name, base: objectType, basicSize: MemoryLayout<IterObject>.stride, dealloc: iterDealloc)
        t.pointee.iter = selfIter
        t.pointee.iternext = next
        t.pointee.dict = newDict()
        return t
    }
    listIterType = mk("list_iterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let l = p.pointee.seq
        if l.isNull { return 0 }
        let i = p.pointee.index
        if i < listCount(l) { p.pointee.index = i + 1; return newRef(listItems(l)[i]).raw }
        p.pointee.seq = .null; decref(l)
        return 0
    }
    tupleIterType = mk("tuple_iterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let l = p.pointee.seq
        if l.isNull { return 0 }
        let i = p.pointee.index
        if i < tupleCount(l) { p.pointee.index = i + 1; return newRef(tupleItem(l, i)).raw }
        p.pointee.seq = .null; decref(l)
        return 0
    }
    strIterType = mk("str_ascii_iterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let s = p.pointee.seq
        if s.isNull { return 0 }
        let i = p.pointee.index
        if i < strCount(s) { p.pointee.index = i + 1; return strChar(strData(s)[i]).raw }
        p.pointee.seq = .null; decref(s)
        return 0
    }
    dictKeyIterType = mk("dict_keyiterator") { dictIterNext($0, 0) }
    dictValueIterType = mk("dict_valueiterator") { dictIterNext($0, 1) }
    dictItemIterType = mk("dict_itemiterator") { dictIterNext($0, 2) }
    rangeIterType = mk("range_iterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        if p.pointee.end <= 0 { return 0 }
        let v = p.pointee.index
        p.pointee.index = v &+ p.pointee.step
        p.pointee.end -= 1
        return makeInt(v).raw
    }
    seqIterType = mk("iterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let s = p.pointee.seq
        if s.isNull { return 0 }
        let r = getItem(s, makeInt(p.pointee.index))
        if r.isNull {
            if isInstance(curExc, indexErrorType) || isInstance(curExc, stopIterationType) {
                decref(fetchException())
                p.pointee.seq = .null; decref(s)
            }
            return 0
        }
        p.pointee.index += 1
        return r.raw
    }
    enumerateType = mk("enumerate") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let x = iterNext(p.pointee.seq)
        if x.isNull { return 0 }
        let i = p.pointee.index
        p.pointee.index += 1
        return newTuple([makeInt(i), x]).raw
    }
    zipType = mk("zip") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let its = p.pointee.seq
        let n = tupleCount(its)
        if n == 0 { return 0 }
        let out = allocTuple(n)
        for i in 0..<n {
            let x = iterNext(tupleItem(its, i))
            if x.isNull { decref(out); return 0 }
            tupleItems(out)[i] = x
        }
        return out.raw
    }
    mapType = mk("map") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let its = p.pointee.seq
        let n = tupleCount(its)
        var args: [PyValue] = []
        for i in 0..<n {
            let x = iterNext(tupleItem(its, i))
            if x.isNull { for a in args { decref(a) }; return 0 }
            args.append(x)
        }
        let r = callObject(p.pointee.extra, args)
        for a in args { decref(a) }
        return r.raw
    }
    filterType = mk("filter") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        while true {
            let x = iterNext(p.pointee.seq)
            if x.isNull { return 0 }
            var keep: Int
            if p.pointee.extra == pyNone { keep = isTrue(x) } else {
                let r = callObject(p.pointee.extra, [x])
                if r.isNull { decref(x); return 0 }
                keep = isTrue(r); decref(r)
            }
            if keep < 0 { decref(x); return 0 }
            if keep == 1 { return x.raw }
            decref(x)
        }
    }
    reversedType = mk("reversed") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let s = p.pointee.seq
        if s.isNull || p.pointee.index < 0 { return 0 }
        let r = getItem(s, makeInt(p.pointee.index))
        if r.isNull { return 0 }
        p.pointee.index -= 1
        return r.raw
    }

    // dict views
    func view(_ name: String, _ iterType: TypePtr) -> TypePtr {
        let t = newType(name, base: objectType, basicSize: MemoryLayout<IterObject>.stride, dealloc: iterDealloc)
        t.pointee.dict = newDict()
        t.pointee.len = { dictCount(PyValue(raw: $0).payload(IterObject.self).pointee.seq) }
        return t
    }
    dictKeysType = view("dict_keys", dictKeyIterType)
    dictKeysType.pointee.iter = { newSeqIter(PyValue(raw: $0).payload(IterObject.self).pointee.seq, dictKeyIterType).raw }
    dictKeysType.pointee.contains = { a, k in dictType.pointee.contains!(PyValue(raw: a).payload(IterObject.self).pointee.seq.raw, k) }
    dictValuesType = view("dict_values", dictValueIterType)
    dictValuesType.pointee.iter = { newSeqIter(PyValue(raw: $0).payload(IterObject.self).pointee.seq, dictValueIterType).raw }
    dictItemsType = view("dict_items", dictItemIterType)
    dictItemsType.pointee.iter = { newSeqIter(PyValue(raw: $0).payload(IterObject.self).pointee.seq, dictItemIterType).raw }
    for t in [dictKeysType!, dictValuesType!, dictItemsType!] {
        t.pointee.repr = { w in
            let v = PyValue(raw: w)
            guard let items = collectIterable(v) else { return 0 }
            let l = newList(items)
            defer { decref(l) }
            let r = objectRepr(l)
            if r.isNull { return 0 }
            defer { decref(r) }
            return newStr(v.type.pointee.name + "(" + strSwift(r) + ")").raw
        }
    }

    let r = rangeType!
    r.pointee.iter = { w in
        let p = PyValue(raw: w).payload(RangeObject.self)
        return newIter(rangeIterType, seq: .null, index: p.pointee.start, end: p.pointee.length, step: p.pointee.step).raw
    }
    r.pointee.len = { PyValue(raw: $0).payload(RangeObject.self).pointee.length }
    r.pointee.bool = { PyValue(raw: $0).payload(RangeObject.self).pointee.length > 0 ? 1 : 0 }
    r.pointee.repr = { w in
        let p = PyValue(raw: w).payload(RangeObject.self)
        let s = p.pointee.step == 1 ? "range(\(p.pointee.start), \(p.pointee.stop))"
            : "range(\(p.pointee.start), \(p.pointee.stop), \(p.pointee.step))"
        return newStrASCII(s).raw
    }
    r.pointee.getitem = { w, k in
        let p = PyValue(raw: w).payload(RangeObject.self)
        let key = PyValue(raw: k)
        if key.type == sliceType {
            guard let (start, stop, step, _) = sliceIndices(key, p.pointee.length) else { return 0 }
            let s = p.pointee.start
            return newRange(s + start * p.pointee.step, s + stop * p.pointee.step, step * p.pointee.step).raw
        }
        guard let i = indexValueOrRaise(key) else { return 0 }
        let j = i < 0 ? i + p.pointee.length : i
        if j < 0 || j >= p.pointee.length { return raise(indexErrorType, "range object index out of range").raw }
        return makeInt(p.pointee.start + j * p.pointee.step).raw
    }
    r.pointee.contains = { w, k in
        let p = PyValue(raw: w).payload(RangeObject.self)
        guard let x = smallOperand(PyValue(raw: k)) else { return 0 }
        let st = p.pointee.step
        if st > 0 ? (x < p.pointee.start || x >= p.pointee.stop) : (x > p.pointee.start || x <= p.pointee.stop) { return 0 }
        return (x - p.pointee.start) % st == 0 ? 1 : 0
    }
    r.pointee.new = { _, args, n, _ in
        var v: [Int] = []
        for i in 0..<n {
            let a = PyValue(raw: args.unsafelyUnwrapped[i])
            guard let x = indexValueOrRaise(a) else { return 0 }
            v.append(x)
        }
        switch n {
        case 1: return newRange(0, v[0], 1).raw
        case 2: return newRange(v[0], v[1], 1).raw
        case 3:
            if v[2] == 0 { return raise(valueErrorType, "range() arg 3 must not be zero").raw }
            return newRange(v[0], v[1], v[2]).raw
        default:
            if n == 0 { return raise(typeErrorType, "range expected at least 1 argument, got 0").raw }
            return raise(typeErrorType, "range expected at most 3 arguments, got \(n)").raw
        }
    }
    r.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != rangeType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let p = x.payload(RangeObject.self).pointee, q = y.payload(RangeObject.self).pointee
        var eq = p.length == q.length
        if eq && p.length > 0 { eq = p.start == q.start && (p.length == 1 || p.step == q.step) }
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }

    let s = sliceType!
    s.pointee.repr = { w in
        let p = PyValue(raw: w).payload(SliceObject.self)
        var parts: [String] = []
        for v in [p.pointee.start, p.pointee.stop, p.pointee.step] {
            let r = objectRepr(v)
            if r.isNull { return 0 }
            parts.append(strSwift(r)); decref(r)
        }
        return newStr("slice(" + parts.joined(separator: ", ") + ")").raw
    }
    s.pointee.new = { _, args, n, _ in
        let a = (0..<n).map { PyValue(raw: args.unsafelyUnwrapped[$0]) }
        switch n {
        case 1: return newSlice(pyNone, a[0], pyNone).raw
        case 2: return newSlice(a[0], a[1], pyNone).raw
        case 3: return newSlice(a[0], a[1], a[2]).raw
        default: return raise(typeErrorType, "slice expected at least 1 argument, got \(n)").raw
        }
    }
}

func sliceDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(SliceObject.self)
    decref(p.pointee.start); decref(p.pointee.stop); decref(p.pointee.step)
    freeObject(w)
}
