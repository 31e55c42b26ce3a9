#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cycle collector (CPython: Modules/gcmodule.c). Container objects — instances of classes, lists, dicts,
/// tuples, sets, functions, cells, bound methods — carry a GC header of two links in front of their PyObject
/// header (CPython's PyGC_Head), so every live container is on one list in allocation order. A collection
/// computes, for each container, its refcount minus the references other containers hold (update_refs,
/// subtract_refs); those left above zero are referenced from outside (the VM's stacks, Swift locals, type
/// dicts) and everything they reach is alive (move_unreachable). The rest is garbage: finalizers (`__del__`)
/// run once (PEP 442), then each object's references are cleared (tp_clear) and reference counting frees them.
/// Automatic collections follow CPython's thresholds (700, 10, 10) and run at the next Python call.

struct GCHead {
    var next: UnsafeMutablePointer<GCHead>?
    var prev: UnsafeMutablePointer<GCHead>?
    /// Bit 0: the finalizer ran (PEP 442; CPython: _PyGC_PREV_MASK_FINALIZED). Bit 1: in the generations being
    /// collected (CPython: PREV_MASK_COLLECTING). Bits 2...: gc_refs during a collection. CPython packs these into
    /// `_gc_prev` and rebuilds the prev links after; a third word costs 8 bytes a container and no rebuild.
    var state: Int
}

let gcFinalizedBit = 1
let gcCollectingBit = 2
let gcRefsUnit = 4

extension TypeFlag {
    /// Instances are containers with a GC header (CPython: Py_TPFLAGS_HAVE_GC).
    static let gcTracked: UInt = 1 << 14
}

nonisolated(unsafe) var gcList: UnsafeMutablePointer<GCHead>? = nil
nonisolated(unsafe) package var gcEnabled = true
nonisolated(unsafe) package var gcThresholds = (700, 10, 10)
/// Containers allocated minus freed since the last collection, and collections of generations 0 and 1 since the
/// last older one (CPython: generations[i].count).
nonisolated(unsafe) package var gcCounts = (0, 0, 0)
nonisolated(unsafe) var gcPending = false
nonisolated(unsafe) var gcCollecting = false
nonisolated(unsafe) package var gcDebugFlags = 0
/// Generations as segments of the one container list, oldest first: [generation 2 | generation 1 | generation 0].
/// `gcYoungStart[g]` is the first container of generation g (nil: the generation is empty). A collection of
/// generation g looks only at generations 0...g; references from older containers count as external, as in
/// CPython's gc_collect_main. Survivors move one generation up.
nonisolated(unsafe) var gcYoungStart: (UnsafeMutablePointer<GCHead>?, UnsafeMutablePointer<GCHead>?) = (nil, nil)
/// CPython: long_lived_total / long_lived_pending — a full collection waits until the containers that survived
/// younger collections since the last full one exceed a quarter of those that survived it.
nonisolated(unsafe) var gcLongLivedTotal = 0
nonisolated(unsafe) var gcLongLivedPending = 0

@inline(__always) func gcHeadOf(_ w: UInt) -> UnsafeMutablePointer<GCHead> {
    (UnsafeMutableRawPointer(bitPattern: w).unsafelyUnwrapped - MemoryLayout<GCHead>.stride).assumingMemoryBound(to: GCHead.self)
}

/// malloc with a GC header, linked at the end of the container list.
func gcAllocRaw(_ size: Int) -> UnsafeMutableRawPointer {
    let raw = malloc(size + MemoryLayout<GCHead>.stride).unsafelyUnwrapped
    let h = raw.assumingMemoryBound(to: GCHead.self)
    if gcList == nil {
        let s = UnsafeMutablePointer<GCHead>.allocate(capacity: 1)
        s.initialize(to: GCHead(next: s, prev: s, state: 0))
        gcList = s
    }
    let list = gcList.unsafelyUnwrapped
    let last = list.pointee.prev.unsafelyUnwrapped
    h.initialize(to: GCHead(next: list, prev: last, state: 0))
    last.pointee.next = h
    list.pointee.prev = h
    if gcYoungStart.0 == nil { gcYoungStart.0 = h }
    gcCounts.0 += 1
    if gcCounts.0 > gcThresholds.0 && gcEnabled && gcThresholds.0 > 0 && !gcCollecting { gcPending = true }
    return raw + MemoryLayout<GCHead>.stride
}

func gcFree(_ w: UInt) {
    let h = gcHeadOf(w)
    // A generation that starts at this container now starts at the next one (or is empty).
    let after = h.pointee.next == gcList ? nil : h.pointee.next
    if gcYoungStart.0 == h { gcYoungStart.0 = after }
    if gcYoungStart.1 == h { gcYoungStart.1 = after == gcYoungStart.0 ? nil : after }
    h.pointee.prev.unsafelyUnwrapped.pointee.next = h.pointee.next
    h.pointee.next.unsafelyUnwrapped.pointee.prev = h.pointee.prev
    if gcCounts.0 > 0 { gcCounts.0 -= 1 }
    free(UnsafeMutableRawPointer(h))
}

@inline(__always) func isGCObject(_ v: PyValue) -> Bool {
    !v.isSmallInt && !v.isNull && v.obj.pointee.type.pointee.flags & TypeFlag.gcTracked != 0
        && v.obj.pointee.refcount < immortalRefcount / 2
}

/// Calls `visit` on each reference `v` holds to another object (CPython: tp_traverse).
func gcTraverse(_ v: PyValue, _ visit: (PyValue) -> Void) {
    let t = v.type
    func x(_ r: PyValue) { if !r.isNull && !r.isSmallInt { visit(r) } }
    if t.pointee.isHeapType {
        if let slot = instanceDictSlot(v) { x(slot.pointee) }
        let base = UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped
        if let offs = t.pointee.memberOffsets {
            for i in 0..<t.pointee.memberCount { x((base + offs[i]).assumingMemoryBound(to: PyValue.self).pointee) }
        }
    }
    let base = builtinBase(t)
    switch base {
    case listType:
        let n = listCount(v), items = listItems(v)
        for i in 0..<n { x(items[i]) }
    case tupleType:
        for i in 0..<tupleCount(v) { x(tupleItem(v, i)) }
    case dictType:
        var pos = 0
        while let e = dictNext(v, &pos) { x(e.key); x(e.value) }
    case setType, frozenSetType:
        let s = setPtr(v)
        for i in 0...s.pointee.mask {
            let k = s.pointee.table[i].key
            if !k.isNull && k != setDummy { x(k) }
        }
    case functionType:
        let f = v.payload(FunctionObject.self).pointee
        x(f.dict); x(f.globals); x(f.defaults); x(f.kwdefaults); x(f.closure); x(f.annotations); x(f.module); x(f.doc)
    case cellType:
        x(v.payload(CellObject.self).pointee.ref)
    case methodType:
        let m = v.payload(MethodObject.self).pointee
        x(m.function); x(m.selfObj)
    default:
        if base.pointee.flags & TypeFlag.baseExcSubclass != 0 {
            let e = v.payload(ExceptionObject.self).pointee
            x(e.args); x(e.context); x(e.cause)
            if base.pointee.dictOffset != 0 { x(e.dict) }
        }
    }
}

/// Drops the references `v` holds so the cycle it is in falls apart (CPython: tp_clear).
func gcClear(_ v: PyValue) {
    let t = v.type
    if t.pointee.isHeapType {
        if let offs = t.pointee.memberOffsets {
            for i in 0..<t.pointee.memberCount {
                let p = (UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped + offs[i]).assumingMemoryBound(to: PyValue.self)
                let old = p.pointee
                p.pointee = .null
                xdecref(old)
            }
        }
        if let slot = instanceDictSlot(v), !slot.pointee.isNull {
            let old = slot.pointee
            slot.pointee = .null
            decref(old)
        }
    }
    switch builtinBase(t) {
    case listType:
        let p = listPtr(v)
        let n = p.pointee.count, items = listItems(v)
        p.pointee.count = 0
        var i = n
        while i > 0 { i -= 1; decref(items[i]) }
    case dictType:
        dictClear(v)
    case functionType:
        let f = v.payload(FunctionObject.self)
        for field in [\FunctionObject.dict, \.defaults, \.kwdefaults, \.closure, \.annotations] {
            let old = f.pointee[keyPath: field]
            f.pointee[keyPath: field] = .null
            xdecref(old)
        }
    case cellType:
        let c = v.payload(CellObject.self)
        let old = c.pointee.ref
        c.pointee.ref = .null
        xdecref(old)
    default:
        if builtinBase(t).pointee.flags & TypeFlag.baseExcSubclass != 0 {
            let e = v.payload(ExceptionObject.self)
            let c = e.pointee.context, k = e.pointee.cause
            e.pointee.context = .null; e.pointee.cause = .null
            xdecref(c); xdecref(k)
        }
    }
}

/// The GC state word of a container (its GCHead's third word).
@inline(__always) func gcState(_ w: UInt) -> UnsafeMutablePointer<Int> {
    UnsafeMutableRawPointer(bitPattern: w - UInt(MemoryLayout<GCHead>.stride) + UInt(MemoryLayout<GCHead>.offset(of: \GCHead.state)!))
        .unsafelyUnwrapped.assumingMemoryBound(to: Int.self)
}

/// A container that is part of the collection under way (CPython: _PyObject_IS_GC && gc_is_collecting). Immortal
/// containers are never part of one (some were made before their type got its GC flag and have no header).
@inline(__always) func gcIsCollecting(_ r: PyValue) -> Bool {
    let o = r.obj.pointee
    return o.type.pointee.flags & TypeFlag.gcTracked != 0 && o.refcount < immortalRefcount / 2
        && gcState(r.raw).pointee & gcCollectingBit != 0
}

/// Reused buffers: the containers of the collected generations, the marking stack, the garbage.
nonisolated(unsafe) var gcWork = ContiguousArray<UInt>()
nonisolated(unsafe) var gcStack = ContiguousArray<UInt>()

/// Marks as reachable every collecting container that `gcWork[range]` reaches from one whose gc_refs stayed
/// above zero, and returns the rest (CPython: subtract_refs then move_unreachable). On entry each container of
/// the range has state = collecting | refs << 2; on return every state has only its finalized bit.
private func gcFindUnreachable(_ work: inout ContiguousArray<UInt>) -> ContiguousArray<UInt> {
    // subtract_refs: references from containers of the collection are internal.
    for w in work {
        gcTraverse(PyValue(raw: w)) { r in
            if gcIsCollecting(r) { gcState(r.raw).pointee &-= gcRefsUnit }
        }
    }
    // move_unreachable: everything reached from a container referenced from outside is alive.
    for w in work {
        let s = gcState(w)
        if s.pointee & gcCollectingBit == 0 || s.pointee < gcRefsUnit { continue }
        s.pointee &= gcFinalizedBit
        gcStack.append(w)
        while let x = gcStack.popLast() {
            gcTraverse(PyValue(raw: x)) { r in
                if gcIsCollecting(r) {
                    gcState(r.raw).pointee &= gcFinalizedBit
                    gcStack.append(r.raw)
                }
            }
        }
    }
    var garbage = ContiguousArray<UInt>()
    for w in work {
        let s = gcState(w)
        if s.pointee & gcCollectingBit != 0 { s.pointee &= gcFinalizedBit; garbage.append(w) }
    }
    return garbage
}

/// One collection of generations 0...`generation` (CPython: gc_collect_main). Returns the number of unreachable
/// objects found (instance dicts excluded: CPython 3.11 keeps instance attributes inline).
package func gcCollect(generation: Int = 2) -> Int {
    if gcCollecting { return 0 }
    guard let list = gcList else { return 0 }
    gcCollecting = true
    gcPending = false
    defer { gcCollecting = false }
    let start: UnsafeMutablePointer<GCHead>?
    switch generation {
    case 0: start = gcYoungStart.0
    case 1: start = gcYoungStart.1 ?? gcYoungStart.0
    default: start = list.pointee.next == list ? nil : list.pointee.next
    }
    // Survivors move up: generation 0 (and 1) join the next generation; a full collection leaves one generation.
    switch generation {
    case 0: if gcYoungStart.1 == nil { gcYoungStart.1 = gcYoungStart.0 }; gcYoungStart.0 = nil
    default: gcYoungStart = (nil, nil)
    }
    // update_refs: gc_refs starts as the reference count.
    gcWork.removeAll(keepingCapacity: true)
    var h = start ?? list
    while h != list {
        let w = UInt(bitPattern: h) + UInt(MemoryLayout<GCHead>.stride)
        let rc = PyValue(raw: w).obj.pointee.refcount
        if rc < immortalRefcount / 2 {
            h.pointee.state = (h.pointee.state & gcFinalizedBit) | gcCollectingBit | rc << 2
            gcWork.append(w)
        }
        h = h.pointee.next.unsafelyUnwrapped
    }
    let garbage = gcFindUnreachable(&gcWork)
    let examined = gcWork.count
    if generation == 1 { gcLongLivedPending += examined - garbage.count }
    if generation == 2 { gcLongLivedTotal = examined - garbage.count; gcLongLivedPending = 0 }
    gcCounts = (0, generation >= 1 ? 0 : gcCounts.1 + 1, generation >= 2 ? 0 : gcCounts.2 + (generation == 1 ? 1 : 0))
    if garbage.isEmpty { return 0 }
    for w in garbage { incref(PyValue(raw: w)) }
    // Weak references to garbage die before any finalizer runs (CPython: handle_weakrefs).
    if !weakrefTable.isEmpty {
        for w in garbage where weakrefTable[w] != nil { clearWeakrefs(PyValue(raw: w)) }
    }
    // PEP 442: finalizers first, once each.
    var ranFinalizer = false
    for w in garbage {
        let v = PyValue(raw: w)
        if v.type.pointee.flags & TypeFlag.hasFinalizer != 0 && gcState(w).pointee & gcFinalizedBit == 0 {
            gcState(w).pointee |= gcFinalizedBit
            callFinalizer(v)
            ranFinalizer = true
        }
    }
    // Resurrected objects (referenced again from outside the garbage) are left alone, with what they reach
    // (CPython: handle_resurrected_objects): the same analysis over the garbage, less the reference taken above.
    var final = garbage
    if ranFinalizer {
        gcWork.removeAll(keepingCapacity: true)
        for w in garbage {
            let rc = PyValue(raw: w).obj.pointee.refcount - 1
            gcState(w).pointee = (gcState(w).pointee & gcFinalizedBit) | gcCollectingBit | rc << 2
            gcWork.append(w)
        }
        final = gcFindUnreachable(&gcWork)
    }
    // What is still unreachable is the count CPython reports (final_unreachable), less instance dicts.
    for w in final { gcState(w).pointee |= gcCollectingBit }
    var count = final.count
    for w in final {
        let v = PyValue(raw: w)
        if v.type.pointee.isHeapType, let slot = instanceDictSlot(v), !slot.pointee.isNull, !slot.pointee.isSmallInt,
           gcIsCollecting(slot.pointee) { count -= 1 }
    }
    for w in final { gcState(w).pointee &= gcFinalizedBit }
    let saved = fetchException()
    for w in final { gcClear(PyValue(raw: w)) }
    for w in garbage { decref(PyValue(raw: w)) }
    if !curExc.isNull { writeUnraisable(.null) }
    if !saved.isNull { curExc = saved }
    return count
}

/// An automatic collection at a safe point (a Python call), when the allocation threshold was passed.
@inline(never) func gcCollectIfPending() {
    gcPending = false
    if !gcEnabled || gcCollecting { return }
    var gen = 0
    if gcCounts.1 + 1 > gcThresholds.1 && gcThresholds.1 > 0 {
        gen = 1
        if gcCounts.2 + 1 > gcThresholds.2 && gcThresholds.2 > 0 && gcLongLivedPending >= gcLongLivedTotal / 4 {
            gen = 2
        }
    }
    _ = gcCollect(generation: gen)
}

/// gc.is_tracked as CPython 3.11 answers it: atomic-only dicts and tuples are untracked.
package func gcIsTracked(_ v: PyValue) -> Bool {
    if !isGCObject(v) { return false }
    let b = builtinBase(v.type)
    if v.type.pointee.isHeapType { return true }
    // CPython: MAINTAIN_TRACKING / _PyObject_GC_MAY_BE_TRACKED.
    func mayBeTracked(_ x: PyValue) -> Bool { isGCObject(x) && (builtinBase(x.type) != tupleType || gcIsTracked(x)) }
    if b == dictType {
        var pos = 0
        while let e = dictNext(v, &pos) { if mayBeTracked(e.key) || mayBeTracked(e.value) { return true } }
        return false
    }
    if b == tupleType {
        for i in 0..<tupleCount(v) where mayBeTracked(tupleItem(v, i)) { return true }
        return false
    }
    return true
}

/// Gives the container types their GC flag before any of their instances exists.
func installGCFlags() {
    for t in [listType!, dictType!, tupleType!, setType!, frozenSetType!, functionType!, cellType!, methodType!] {
        t.pointee.flags |= TypeFlag.gcTracked
    }
}

package func isFinalized(_ v: PyValue) -> Bool { !v.isSmallInt && !v.isNull && isFinalizedWord(v.raw) }

/// Whether `w`'s finalizer ran: a bit of the GC header for containers (all instances of classes are), a side set
/// for the rest.
@inline(__always) func isFinalizedWord(_ w: UInt) -> Bool {
    let o = ObjPtr(bitPattern: w).unsafelyUnwrapped.pointee
    if o.type.pointee.flags & TypeFlag.gcTracked != 0 && o.refcount < immortalRefcount / 2 {
        return gcState(w).pointee & gcFinalizedBit != 0
    }
    return finalizedObjects.contains(w)
}

func setFinalizedWord(_ w: UInt) {
    let o = ObjPtr(bitPattern: w).unsafelyUnwrapped.pointee
    if o.type.pointee.flags & TypeFlag.gcTracked != 0 && o.refcount < immortalRefcount / 2 {
        gcState(w).pointee |= gcFinalizedBit
    } else {
        finalizedObjects.insert(w)
    }
}
