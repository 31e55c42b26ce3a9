/// `tuple`: items stored inline after the header (CPython: PyTupleObject).
struct TupleObject {
    var header: PyObject
    var count: Int
}

@inline(__always) func tupleItems(_ v: PyValue) -> UnsafeMutablePointer<PyValue> {
    (UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped + MemoryLayout<TupleObject>.stride)
        .assumingMemoryBound(to: PyValue.self)
}
@inline(__always) package func tupleCount(_ v: PyValue) -> Int { v.payload(TupleObject.self).pointee.count }
@inline(__always) func tupleItem(_ v: PyValue, _ i: Int) -> PyValue { tupleItems(v)[i] }

/// A tuple of `n` NULL items, filled by the caller (references stolen).
func allocTuple(_ n: Int) -> PyValue {
    let p = allocObject(TupleObject.self, tupleType, extra: n * 8)
    p.pointee.count = n
    let v = PyValue(raw: UInt(bitPattern: p))
    tupleItems(v).initialize(repeating: .null, count: n)
    return v
}
/// Steals the references in `items`.
package func newTuple(_ items: [PyValue]) -> PyValue {
    let v = allocTuple(items.count)
    let d = tupleItems(v)
    for (i, x) in items.enumerated() { d[i] = x }
    return v
}
/// Copies (new references) `n` words from `p`.
func newTupleFrom(_ p: UnsafePointer<UInt>?, _ n: Int) -> PyValue {
    let v = allocTuple(n)
    let d = tupleItems(v)
    for i in 0..<n { let x = PyValue(raw: p.unsafelyUnwrapped[i]); incref(x); d[i] = x }
    return v
}

func tupleDealloc(_ w: Word) {
    let v = PyValue(raw: w)
    let d = tupleItems(v)
    // Last item first, as CPython's tupledealloc (visible in the order of __del__ calls).
    var i = tupleCount(v)
    while i > 0 { i -= 1; xdecref(d[i]) }
    freeObject(w)
}

/// CPython 3.11's tuplehash (xxHash-derived).
func tupleHash(_ v: PyValue) -> Int {
    let prime1: UInt64 = 11400714785074694791, prime2: UInt64 = 14029467366897019727
    let prime5: UInt64 = 2870177450012600261
    var acc = prime5
    let n = tupleCount(v)
    for i in 0..<n {
        let h = objectHash(tupleItem(v, i))
        if h == -1 { return -1 }
        acc = acc &+ UInt64(bitPattern: Int64(h)) &* prime2
        acc = (acc << 31) | (acc >> 33)
        acc = acc &* prime1
    }
    acc = acc &+ (UInt64(n) ^ (prime5 ^ 3527539))
    if acc == UInt64.max { return 1546275796 }
    return Int(Int64(bitPattern: acc))
}

/// Lexicographic comparison of two sequences given as buffers (CPython: tuplerichcompare / list_richcompare).
func sequenceCompare(_ a: UnsafeMutablePointer<PyValue>, _ n: Int, _ b: UnsafeMutablePointer<PyValue>, _ m: Int,
                     _ op: Int) -> PyValue {
    var i = 0
    while i < n && i < m {
        let r = richCompareBool(a[i], b[i], 2)
        if r < 0 { return .null }
        if r == 0 { break }
        i += 1
    }
    if i >= n || i >= m { return newRef(makeBool(compareResult(n < m ? -1 : (n == m ? 0 : 1), op))) }
    if op == 2 { return newRef(pyFalse) }
    if op == 3 { return newRef(pyTrue) }
    return richCompare(a[i], b[i], op)
}

/// repr of a sequence of items between `open` and `close`, guarding recursion (CPython: Py_ReprEnter).
nonisolated(unsafe) var reprStack: [UInt] = []
func sequenceRepr(_ owner: PyValue, _ items: UnsafeMutablePointer<PyValue>, _ n: Int, _ open: String,
                  _ close: String, recursive: String) -> PyValue {
    if reprStack.contains(owner.raw) { return newStr(recursive) }
    reprStack.append(owner.raw)
    defer { reprStack.removeLast() }
    var out = open
    for i in 0..<n {
        if i > 0 { out += ", " }
        let r = objectRepr(items[i])
        if r.isNull { return .null }
        out += strSwift(r)
        decref(r)
    }
    out += close
    return newStr(out)
}

func installTupleSlots() {
    let t = tupleType!
    t.pointee.repr = { w in
        let v = PyValue(raw: w)
        let n = tupleCount(v)
        if n == 0 { return newStrASCII("()").raw }
        return sequenceRepr(v, tupleItems(v), n, "(", n == 1 ? ",)" : ")", recursive: "(...)").raw
    }
    t.pointee.hash = { tupleHash(PyValue(raw: $0)) }
    t.pointee.len = { tupleCount(PyValue(raw: $0)) }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(y, tupleType) { return newRef(pyNotImplemented).raw }
        return sequenceCompare(tupleItems(x), tupleCount(x), tupleItems(y), tupleCount(y), op).raw
    }
    t.pointee.getitem = { a, k in
        let v = PyValue(raw: a), key = PyValue(raw: k)
        let n = tupleCount(v)
        if let i = smallOperand(key) {
            let j = i < 0 ? i + n : i
            if j < 0 || j >= n { return raise(indexErrorType, "tuple index out of range").raw }
            return newRef(tupleItem(v, j)).raw
        }
        if key.type == sliceType {
            guard let (start, _, step, len) = sliceIndices(key, n) else { return 0 }
            let out = allocTuple(len)
            var j = start
            for i in 0..<len { tupleItems(out)[i] = newRef(tupleItem(v, j)); j += step }
            return out.raw
        }
        if let idx = indexValue(key) {
            let j = idx < 0 ? idx + n : idx
            if j < 0 || j >= n { return raise(indexErrorType, "tuple index out of range").raw }
            return newRef(tupleItem(v, j)).raw
        }
        if !curExc.isNull { return 0 }
        return raise(typeErrorType, "tuple indices must be integers or slices, not \(typeName(key))").raw
    }
    t.pointee.contains = { a, k in
        let v = PyValue(raw: a)
        for i in 0..<tupleCount(v) {
            let r = richCompareBool(tupleItem(v, i), PyValue(raw: k), 2)
            if r != 0 { return r }
        }
        return 0
    }
    t.pointee.iter = { newSeqIter(PyValue(raw: $0), tupleIterType).raw }
    t.pointee.nb[0] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, tupleType) || !isInstance(y, tupleType) { return newRef(pyNotImplemented).raw }
        let n = tupleCount(x), m = tupleCount(y)
        let out = allocTuple(n + m)
        for i in 0..<n { tupleItems(out)[i] = newRef(tupleItem(x, i)) }
        for i in 0..<m { tupleItems(out)[n + i] = newRef(tupleItem(y, i)) }
        return out.raw
    }
    t.pointee.nb[5] = { a, b in
        var x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, tupleType) { swap(&x, &y) }
        if x.raw == a, let r = sequenceRepeatDeferred(x, y) { return r.raw }
        guard let k = smallOperand(y) ?? sequenceRepeatCount(y) else { return curExc.isNull ? newRef(pyNotImplemented).raw : 0 }
        let n = tupleCount(x), times = max(0, k)
        if times > 0 && n > (Int.max >> 4) / times { return raise(memoryErrorType, "").raw }
        let out = allocTuple(n * times)
        for r in 0..<times { for i in 0..<n { tupleItems(out)[r * n + i] = newRef(tupleItem(x, i)) } }
        return out.raw
    }
    t.pointee.new = { _, args, n, _ in
        if n == 0 { return allocTuple(0).raw }
        let x = PyValue(raw: args.unsafelyUnwrapped[0])
        if x.type == tupleType { return newRef(x).raw }
        guard let items = collectIterable(x) else { return 0 }
        return newTuple(items).raw
    }
}
