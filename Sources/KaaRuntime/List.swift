#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `list`: a malloc'd item array that grows like CPython's (list_resize's over-allocation).
struct ListObject {
    var header: PyObject
    var count: Int
    var capacity: Int
    var items: UnsafeMutablePointer<PyValue>?
}

@inline(__always) func listPtr(_ v: PyValue) -> UnsafeMutablePointer<ListObject> { v.payload(ListObject.self) }
@inline(__always) func listCount(_ v: PyValue) -> Int { listPtr(v).pointee.count }
@inline(__always) func listItems(_ v: PyValue) -> UnsafeMutablePointer<PyValue> {
    listPtr(v).pointee.items ?? UnsafeMutablePointer(bitPattern: 8).unsafelyUnwrapped
}

func newList(capacity: Int = 0) -> PyValue {
    let p = allocObject(ListObject.self, listType)
    p.pointee.count = 0
    p.pointee.capacity = capacity
    p.pointee.items = capacity > 0 ? malloc(capacity * 8)!.assumingMemoryBound(to: PyValue.self) : nil
    return PyValue(raw: UInt(bitPattern: p))
}
/// Steals the references.
package func newList(_ items: [PyValue]) -> PyValue {
    let v = newList(capacity: items.count)
    for (i, x) in items.enumerated() { listItems(v)[i] = x }
    listPtr(v).pointee.count = items.count
    return v
}

/// CPython: list_resize (growth pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...).
func listReserve(_ v: PyValue, _ newCount: Int) {
    let p = listPtr(v)
    if newCount <= p.pointee.capacity { return }
    var newCap = (newCount + (newCount >> 3) + 6) & ~3
    if newCount - p.pointee.count > newCap - newCount { newCap = (newCount + 3) & ~3 }
    let mem = realloc(UnsafeMutableRawPointer(p.pointee.items), newCap * 8)!
    p.pointee.items = mem.assumingMemoryBound(to: PyValue.self)
    p.pointee.capacity = newCap
}

/// Appends, stealing the reference.
@inline(__always) func listAppendSteal(_ v: PyValue, _ x: PyValue) {
    let p = listPtr(v)
    let n = p.pointee.count
    if n >= p.pointee.capacity { listReserve(v, n + 1) }
    p.pointee.items.unsafelyUnwrapped[n] = x
    p.pointee.count = n + 1
}

func listDealloc(_ w: Word) {
    let v = PyValue(raw: w)
    let p = listPtr(v)
    if let items = p.pointee.items {
        for i in 0..<p.pointee.count { decref(items[i]) }
        free(items)
    }
    freeObject(w)
}

func listExtend(_ v: PyValue, _ iterable: PyValue) -> Bool {
    if iterable.type == listType || iterable.type == tupleType {
        let isList = iterable.type == listType
        let n = isList ? listCount(iterable) : tupleCount(iterable)
        let src = isList ? listItems(iterable) : tupleItems(iterable)
        listReserve(v, listCount(v) + n)
        // Re-read after reserve: `iterable` may be `v` itself.
        let src2 = isList ? listItems(iterable) : src
        for i in 0..<n { listAppendSteal(v, newRef(src2[i])) }
        return true
    }
    let it = getIter(iterable)
    if it.isNull { return false }
    defer { decref(it) }
    while true {
        let x = iterNext(it)
        if x.isNull { return curExc.isNull }
        listAppendSteal(v, x)
    }
}

/// Stable merge sort of `items[0..<n]` by `keys` with Python `<` (which may raise: then returns false and the order
/// is unspecified, as in CPython). CPython: list.sort (timsort; stability is what matters for equal results).
func mergeSort(_ items: UnsafeMutablePointer<PyValue>, _ keys: UnsafeMutablePointer<PyValue>, _ n: Int) -> Bool {
    if n < 2 { return true }
    let tmpItems = UnsafeMutablePointer<PyValue>.allocate(capacity: n)
    let tmpKeys = UnsafeMutablePointer<PyValue>.allocate(capacity: n)
    defer { tmpItems.deallocate(); tmpKeys.deallocate() }
    var failed = false
    func lessThan(_ a: PyValue, _ b: PyValue) -> Bool {
        if failed { return false }
        if a.isSmallInt && b.isSmallInt { return a.smallInt < b.smallInt }
        let r = richCompareBool(a, b, 0)
        if r < 0 { failed = true; return false }
        return r == 1
    }
    // Insertion sort for short runs, then bottom-up merges.
    let run = 16
    var start = 0
    while start < n {
        let end = min(start + run, n)
        var i = start + 1
        while i < end {
            let k = keys[i], it = items[i]
            var j = i
            while j > start && lessThan(k, keys[j - 1]) { keys[j] = keys[j - 1]; items[j] = items[j - 1]; j -= 1 }
            keys[j] = k; items[j] = it
            i += 1
        }
        start = end
    }
    var width = run
    while width < n && !failed {
        var lo = 0
        while lo < n {
            let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
            if mid < hi {
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if lessThan(keys[j], keys[i]) { tmpKeys[k] = keys[j]; tmpItems[k] = items[j]; j += 1 }
                    else { tmpKeys[k] = keys[i]; tmpItems[k] = items[i]; i += 1 }
                    k += 1
                }
                while i < mid { tmpKeys[k] = keys[i]; tmpItems[k] = items[i]; i += 1; k += 1 }
                while j < hi { tmpKeys[k] = keys[j]; tmpItems[k] = items[j]; j += 1; k += 1 }
                keys.advanced(by: lo).update(from: tmpKeys + lo, count: hi - lo)
                items.advanced(by: lo).update(from: tmpItems + lo, count: hi - lo)
            }
            lo += 2 * width
        }
        width *= 2
    }
    return !failed
}

/// list.sort(key=None, reverse=False)
func listSort(_ v: PyValue, key: PyValue, reverse: Bool) -> Bool {
    // CPython: list_sort_impl empties the list while sorting its saved items, so a key function or comparison
    // that mutates it cannot touch the array being sorted; a list changed meanwhile is a ValueError.
    let p = listPtr(v)
    let n = p.pointee.count, savedCap = p.pointee.capacity
    guard let items = p.pointee.items, n > 1 || !(key.isNull || key == pyNone) else { return true }
    p.pointee.items = nil; p.pointee.count = 0; p.pointee.capacity = 0
    let ok = sortItems(items, n, key: key, reverse: reverse)
    let junk = p.pointee.items, junkCount = p.pointee.count
    p.pointee.items = items; p.pointee.count = n; p.pointee.capacity = savedCap
    if let j = junk {
        for i in 0..<junkCount { decref(j[i]) }
        free(j)
    }
    if ok && junk != nil {
        raise(valueErrorType, "list modified during sort")
        return false
    }
    return ok
}

func sortItems(_ items: UnsafeMutablePointer<PyValue>, _ n: Int, key: PyValue, reverse: Bool) -> Bool {
    func rev() {
        var i = 0, j = n - 1
        while i < j { let t = items[i]; items[i] = items[j]; items[j] = t; i += 1; j -= 1 }
    }
    if reverse { rev() }
    let keys = UnsafeMutablePointer<PyValue>.allocate(capacity: max(n, 1))
    defer { keys.deallocate() }
    var ok = true
    var computed = 0
    if key.isNull || key == pyNone {
        keys.update(from: items, count: n)
    } else {
        for i in 0..<n {
            var arg = items[i]
            let k = withUnsafePointer(to: &arg) { p in callObject(key, UnsafeRawPointer(p).assumingMemoryBound(to: UInt.self), 1, 0) }
            if k.isNull { ok = false; break }
            keys[i] = k
            computed += 1
        }
    }
    if ok { ok = mergeSort(items, keys, n) }
    if !(key.isNull || key == pyNone) { for i in 0..<computed { decref(keys[i]) } }
    if reverse { rev() }
    return ok
}

func installListSlots() {
    let t = listType!
    t.pointee.repr = { w in
        let v = PyValue(raw: w)
        return sequenceRepr(v, listItems(v), listCount(v), "[", "]", recursive: "[...]").raw
    }
    t.pointee.len = { listCount(PyValue(raw: $0)) }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(y, listType) { return newRef(pyNotImplemented).raw }
        return sequenceCompare(listItems(x), listCount(x), listItems(y), listCount(y), op).raw
    }
    t.pointee.getitem = { a, k in
        let v = PyValue(raw: a), key = PyValue(raw: k)
        let n = listCount(v)
        if let i = smallOperand(key) {
            let j = i < 0 ? i + n : i
            if j < 0 || j >= n { return raise(indexErrorType, "list index out of range").raw }
            return newRef(listItems(v)[j]).raw
        }
        if key.type == sliceType {
            guard let (start, _, step, len) = sliceIndices(key, n) else { return 0 }
            return listGetSlice(v, start, step, len).raw
        }
        if let idx = indexValue(key) {
            let j = idx < 0 ? idx + n : idx
            if j < 0 || j >= n { return raise(indexErrorType, "list index out of range").raw }
            return newRef(listItems(v)[j]).raw
        }
        if !curExc.isNull { return 0 }
        return raise(typeErrorType, "list indices must be integers or slices, not \(typeName(key))").raw
    }
    t.pointee.setitem = { a, k, x in
        let v = PyValue(raw: a), key = PyValue(raw: k), value = PyValue(raw: x)
        let n = listCount(v)
        if key.type == sliceType {
            guard let (start, stop, step, len) = sliceIndices(key, n) else { return -1 }
            if value.isNull {
                // del l[slice]
                var keep: [PyValue] = []
                var removed: [PyValue] = []
                var inSlice = Set<Int>()
                var j = start
                for _ in 0..<len { inSlice.insert(j); j += step }
                for i in 0..<n { if inSlice.contains(i) { removed.append(listItems(v)[i]) } else { keep.append(listItems(v)[i]) } }
                for (i, x) in keep.enumerated() { listItems(v)[i] = x }
                listPtr(v).pointee.count = keep.count
                for x in removed { decref(x) }
                return 0
            }
            if step == 1 { return listAssignSlice(v, start, max(start, stop), value) }
            guard let newItems = collectIterable(value) else { return -1 }
            if newItems.count != len {
                for x in newItems { decref(x) }
                return raiseInt(valueErrorType, "attempt to assign sequence of size \(newItems.count) to extended slice of size \(len)")
            }
            var j = start
            for x in newItems { let old = listItems(v)[j]; listItems(v)[j] = x; decref(old); j += step }
            return 0
        }
        guard let i = indexValue(key) else {
            if !curExc.isNull { return -1 }
            return raiseInt(typeErrorType, "list indices must be integers or slices, not \(typeName(key))")
        }
        let j = i < 0 ? i + n : i
        if j < 0 || j >= n {
            return raiseInt(indexErrorType, value.isNull ? "list assignment index out of range" : "list assignment index out of range")
        }
        let old = listItems(v)[j]
        if value.isNull {
            let items = listItems(v)
            for m in j..<(n - 1) { items[m] = items[m + 1] }
            listPtr(v).pointee.count = n - 1
        } else {
            listItems(v)[j] = newRef(value)
        }
        decref(old)
        return 0
    }
    t.pointee.contains = { a, k in
        let v = PyValue(raw: a)
        var i = 0
        while i < listCount(v) {
            let r = richCompareBool(listItems(v)[i], PyValue(raw: k), 2)
            if r != 0 { return r }
            i += 1
        }
        return 0
    }
    t.pointee.iter = { newSeqIter(PyValue(raw: $0), listIterType).raw }
    t.pointee.nb[0] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, listType) || !isInstance(y, listType) { return newRef(pyNotImplemented).raw }
        let out = newList(capacity: listCount(x) + listCount(y))
        _ = listExtend(out, x); _ = listExtend(out, y)
        return out.raw
    }
    t.pointee.nb[13] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !listExtend(x, y) { return 0 }
        return newRef(x).raw
    }
    t.pointee.nb[5] = { a, b in
        var x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, listType) { swap(&x, &y) }
        if x.raw == a, let r = sequenceRepeatDeferred(x, y) { return r.raw }
        guard let k = smallOperand(y) ?? sequenceRepeatCount(y) else { return curExc.isNull ? newRef(pyNotImplemented).raw : 0 }
        let n = listCount(x), times = max(0, k)
        if times > 0 && n > (Int.max >> 4) / times { return raise(memoryErrorType, "").raw }
        let out = newList(capacity: n * times)
        for _ in 0..<times { for i in 0..<n { listAppendSteal(out, newRef(listItems(x)[i])) } }
        return out.raw
    }
    t.pointee.new = { _, args, n, _ in
        let out = newList()
        if n >= 1 && !listExtend(out, PyValue(raw: args.unsafelyUnwrapped[0])) { decref(out); return 0 }
        return out.raw
    }
}
