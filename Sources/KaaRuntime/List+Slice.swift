#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// List slicing without intermediate Swift arrays (CPython: list_slice, list_subscript, list_ass_slice).

/// l[start:stop:step] for computed slice indices (CPython: list_subscript / list_slice).
func listGetSlice(_ v: PyValue, _ start: Int, _ step: Int, _ len: Int) -> PyValue {
    let out = newList(capacity: len)
    let src = listItems(v), dst = listItems(out)
    var j = start
    for i in 0..<len {
        let x = src[j]
        incref(x)
        dst[i] = x
        j &+= step
    }
    listPtr(out).pointee.count = len
    return out
}

/// l[lo:hi] = value for a step-1 slice (lo <= hi), in place (CPython: list_ass_slice). The new items are taken
/// (with new references) before the list changes, so `a[:] = a` and iterables that read the list behave as in
/// CPython. 0, or -1 with an exception.
func listAssignSlice(_ v: PyValue, _ lo: Int, _ hi: Int, _ value: PyValue) -> Int {
    var m = 0
    var buf: UnsafeMutablePointer<PyValue>? = nil
    var swiftItems: [PyValue]? = nil
    if !value.isSmallInt && (value.obj.pointee.type == listType || value.obj.pointee.type == tupleType) {
        let isList = value.obj.pointee.type == listType
        m = isList ? listCount(value) : tupleCount(value)
        if m > 0 {
            let src = isList ? listItems(value) : tupleItems(value)
            let b = UnsafeMutablePointer<PyValue>.allocate(capacity: m)
            for i in 0..<m { let x = src[i]; incref(x); b[i] = x }
            buf = b
        }
    } else {
        // CPython: PySequence_Fast(v, "can only assign an iterable")
        let it = getIter(value)
        if it.isNull {
            if isInstance(curExc, typeErrorType) {
                decref(fetchException())
                raise(typeErrorType, "can only assign an iterable")
            }
            return -1
        }
        let collected = collectIterable(it)
        decref(it)
        guard let items = collected else { return -1 }
        swiftItems = items
        m = items.count
    }
    let p = listPtr(v)
    let n = p.pointee.count
    let removed = hi - lo
    // The items being replaced, released after the list is consistent again (their __del__ may look at it).
    let old = removed > 0 ? UnsafeMutablePointer<PyValue>.allocate(capacity: removed) : nil
    if let old = old { old.update(from: listItems(v) + lo, count: removed) }
    let d = m - removed
    if d > 0 { listResize(v, n + d) }
    let items = listItems(v)
    if d != 0 && hi < n {
        memmove(items + lo + m, items + hi, (n - hi) * MemoryLayout<PyValue>.stride)
    }
    if let b = buf {
        (items + lo).update(from: b, count: m)
        b.deallocate()
    } else if let s = swiftItems {
        for i in 0..<m { items[lo + i] = s[i] }
    }
    if d < 0 { listResize(v, n + d) }
    p.pointee.count = n + d
    if let old = old {
        for i in 0..<removed { decref(old[i]) }
        old.deallocate()
    }
    return 0
}
