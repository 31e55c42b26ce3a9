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

/// Room for `newCount` items (never shrinks).
@inline(__always) func listReserve(_ v: PyValue, _ newCount: Int) {
    if newCount > listPtr(v).pointee.capacity { listResize(v, newCount) }
}

/// The capacity for a list about to hold `newSize` items, called while its count is still the old one
/// (CPython: list_resize — growth pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...; the buffer shrinks when less
/// than half of it would be used). Sizes matter: sys.getsizeof reports 56 + 8 * capacity.
func listResize(_ v: PyValue, _ newSize: Int) {
    let p = listPtr(v)
    let allocated = p.pointee.capacity
    if allocated >= newSize && newSize >= allocated >> 1 { return }
    var newCap = (newSize + (newSize >> 3) + 6) & ~3
    if newSize - p.pointee.count > newCap - newSize { newCap = (newSize + 3) & ~3 }
    if newSize == 0 { newCap = 0 }
    listSetCapacity(v, newCap)
}

/// Exactly `n` items' room, rounded up to even, for an empty list about to be filled from something of known
/// length (CPython: list_preallocate_exact).
func listPreallocateExact(_ v: PyValue, _ n: Int) {
    listSetCapacity(v, (n + 1) & ~1)
}

private func listSetCapacity(_ v: PyValue, _ newCap: Int) {
    let p = listPtr(v)
    if newCap == 0 {
        free(p.pointee.items)
        p.pointee.items = nil
    } else {
        let mem = realloc(UnsafeMutableRawPointer(p.pointee.items), newCap * 8)!
        p.pointee.items = mem.assumingMemoryBound(to: PyValue.self)
    }
    p.pointee.capacity = newCap
}

/// How many items `v` will probably yield (CPython: PyObject_LengthHint): its len(), else `__length_hint__()`,
/// else `dflt`. nil with an exception set.
func lengthHint(_ v: PyValue, _ dflt: Int) -> Int? {
    if v.type.pointee.len != nil {
        let n = objectLength(v)
        if n >= 0 { return n }
        if !isInstance(curExc, typeErrorType) { return nil }
        decref(fetchException())
    }
    let m = lookupSpecial(v, "__length_hint__")
    if m.isNull { return curExc.isNull ? dflt : nil }
    let r = callObject(m, [])
    decref(m)
    if r.isNull {
        if isInstance(curExc, typeErrorType) { decref(fetchException()); return dflt }
        return nil
    }
    defer { decref(r) }
    if r == pyNotImplemented { return dflt }
    guard isIntLike(r) || isInstance(r, intType) else {
        raise(typeErrorType, "'\(typeName(r))' object cannot be interpreted as an integer")
        return nil
    }
    guard let n = indexValueOrRaise(r) else { return nil }
    if n < 0 { raise(valueErrorType, "__length_hint__() should return >= 0"); return nil }
    return n
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
        // Last item first (CPython: list_dealloc), so __del__ and weakref callbacks run in CPython's order.
        var i = p.pointee.count
        while i > 0 { i -= 1; decref(items[i]) }
        free(items)
    }
    freeObject(w)
}

func listExtend(_ v: PyValue, _ iterable: PyValue) -> Bool {
    if iterable.type == listType || iterable.type == tupleType {
        let isList = iterable.type == listType
        let n = isList ? listCount(iterable) : tupleCount(iterable)
        if n == 0 { return true }
        let src = isList ? listItems(iterable) : tupleItems(iterable)
        // CPython: list_extend — an empty list gets exactly n, else list_resize's over-allocation.
        if listPtr(v).pointee.items == nil { listPreallocateExact(v, n) } else { listResize(v, listCount(v) + n) }
        // Re-read after reserve: `iterable` may be `v` itself.
        let src2 = isList ? listItems(iterable) : src
        for i in 0..<n { listAppendSteal(v, newRef(src2[i])) }
        return true
    }
    let it = getIter(iterable)
    if it.isNull { return false }
    defer { decref(it) }
    // Room for the length hint first, cut back at the end when the guess was too large (CPython: list_extend).
    guard let hint = lengthHint(iterable, 8) else { return false }
    if listPtr(v).pointee.items == nil {
        if hint > 0 { listPreallocateExact(v, hint) }
    } else {
        listResize(v, listCount(v) + hint)
    }
    while true {
        let x = iterNext(it)
        if x.isNull {
            if !curExc.isNull { return false }
            if listCount(v) < listPtr(v).pointee.capacity { listResize(v, listCount(v)) }
            return true
        }
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
                listResize(v, keep.count)
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
            listResize(v, n - 1)
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
    // l *= n repeats in place (CPython: list_inplace_repeat).
    t.pointee.nb[18] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, listType) || y.type.pointee.index == nil { return newRef(pyNotImplemented).raw }
        guard let k = smallOperand(y) ?? sequenceRepeatCount(y) else { return curExc.isNull ? newRef(pyNotImplemented).raw : 0 }
        let n = listCount(x)
        if k < 1 {
            let items = (0..<n).map { listItems(x)[$0] }
            listResize(x, 0)
            listPtr(x).pointee.count = 0
            for v in items { decref(v) }
            return newRef(x).raw
        }
        if n == 0 || k == 1 { return newRef(x).raw }
        if n > (Int.max >> 4) / k { return raise(memoryErrorType, "").raw }
        listResize(x, n * k)
        let items = listItems(x)
        for j in 1..<k { for i in 0..<n { items[j * n + i] = newRef(items[i]) } }
        listPtr(x).pointee.count = n * k
        return newRef(x).raw
    }
    t.pointee.new = { _, args, n, _ in
        let out = newList()
        // CPython: list___init___impl — an iterable with a length gets exactly that room first.
        if n >= 1 {
            let src = PyValue(raw: args.unsafelyUnwrapped[0])
            if src.type.pointee.len != nil {
                let k = objectLength(src)
                if k < 0 { decref(out); return 0 }
                if k > 0 { listPreallocateExact(out, k) }
            }
        }
        if n >= 1 && !listExtend(out, PyValue(raw: args.unsafelyUnwrapped[0])) { decref(out); return 0 }
        return out.raw
    }
}
