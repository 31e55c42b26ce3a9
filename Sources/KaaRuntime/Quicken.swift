import KaaBytecode

/// Quickening and inline caches (CPython 3.11: Python/specialize.c, _PyCode_Quicken and the specialised
/// instructions of ceval.c).
///
/// When a code object is made (`newCode`), `quicken` rewrites its private copy of the code units:
/// - the superinstructions of _PyCode_Quicken (LOAD_FAST__LOAD_FAST, LOAD_FAST__LOAD_CONST, LOAD_CONST__LOAD_FAST,
///   STORE_FAST__LOAD_FAST, STORE_FAST__STORE_FAST): the first instruction of the pair does both and skips the
///   second, which stays in place, so a jump to it still runs it alone;
/// - COMPARE_OP directly followed by a POP_JUMP_*_IF_FALSE/TRUE becomes COMPARE_OP_INT_JUMP (Kaa uses the number
///   for "compare, then jump without making a bool" for int/int and float/float operands; others fall back to
///   COMPARE_OP and the jump instruction runs normally);
/// - LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and STORE_ATTR get an entry in a side table of inline caches; its index is
///   written into the instruction's first CACHE unit (0 = no entry: the generic path).
/// The rewritten units are the VM's own; the code object's bytes as marshal/dis see them are unchanged.
///
/// The caches hold what CPython's hold, validated the same way:
/// - LOAD_GLOBAL (LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN): the keys version of the globals dict (and of the
///   builtins dict) and the entry index. A dict's keys version is a number from one global counter, given on
///   demand and dropped when a key is added or removed (dict.c's dk_version), so equal versions mean the same dict
///   with the same keys at the same places; the value is read live from the entry.
/// - LOAD_ATTR (LOAD_ATTR_WITH_HINT): the type and the type-cache epoch under which the type was seen to have no
///   descriptor for the name, and the index of the name in the instance dict (checked on each use).
/// - LOAD_ATTR / LOAD_METHOD on a module (LOAD_ATTR_MODULE): the module dict's keys version and the entry index.
/// - LOAD_METHOD (LOAD_METHOD_WITH_DICT / NO_DICT): the type, the epoch, and the function found on the type; the
///   instance dict is checked for a shadowing attribute on each use.
/// - STORE_ATTR (STORE_ATTR_WITH_HINT): the type and epoch (no descriptor, no __setattr__) and the index in the
///   instance dict.
/// - LOAD_ATTR / STORE_ATTR on a `__slots__` member (LOAD_ATTR_SLOT / STORE_ATTR_SLOT): the type, the epoch and
///   the member's offset in the object.
struct InlineCacheEntry {
    var a: UInt
    var b: UInt
    var c: UInt
    var d: UInt
}

nonisolated(unsafe) var nextDictKeysVersion: UInt = 1

/// The dict's keys version, given now if it has none (CPython: _PyDictKeys_GetVersionForCurrentState).
@inline(__always) func dictKeysVersion(_ d: UnsafeMutablePointer<DictObject>) -> UInt {
    if d.pointee.keysVersion == 0 {
        d.pointee.keysVersion = nextDictKeysVersion
        nextDictKeysVersion &+= 1
    }
    return d.pointee.keysVersion
}

/// The entry index of a str key, or -1.
@inline(__always) func dictIndexOfStr(_ d: UnsafeMutablePointer<DictObject>, _ key: PyValue) -> Int {
    let (_, ix) = dictLookup(d, key, strHash(key))
    return ix >= 0 ? ix : -1
}

func quicken(_ code: UnsafeMutablePointer<CodeObj>) {
    let units = code.pointee.units
    let n = code.pointee.unitCount
    var ncaches = 1   // entry 0 is never used
    var previous = -1
    var i = 0
    while i < n {
        let op = Int(units[i] & 0xff)
        switch op {
        case 116, 106, 160, 95: // LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, STORE_ATTR
            if ncaches <= 0xffff && i + 1 < n {
                units[i + 1] = UInt16(ncaches)
                ncaches += 1
            }
            previous = -1
        case 124: // LOAD_FAST
            switch previous {
            case 124: units[i - 1] = (units[i - 1] & 0xff00) | 46  // LOAD_FAST__LOAD_FAST
            case 125: units[i - 1] = (units[i - 1] & 0xff00) | 161 // STORE_FAST__LOAD_FAST
            case 100: units[i - 1] = (units[i - 1] & 0xff00) | 44  // LOAD_CONST__LOAD_FAST
            default: break
            }
            previous = op
        case 125: // STORE_FAST
            if previous == 125 { units[i - 1] = (units[i - 1] & 0xff00) | 167 } // STORE_FAST__STORE_FAST
            previous = op
        case 100: // LOAD_CONST
            if previous == 124 { units[i - 1] = (units[i - 1] & 0xff00) | 45 } // LOAD_FAST__LOAD_CONST
            previous = op
        case 107: // COMPARE_OP (2 cache units), then a conditional jump
            if i + 3 < n {
                let next = units[i + 3] & 0xff
                if next == 114 || next == 115 || next == 175 || next == 176 {
                    units[i] = (units[i] & 0xff00) | 28 // COMPARE_OP_INT_JUMP
                }
            }
            previous = -1
        default:
            previous = op
        }
        i += 1 + Opcode.caches(UInt8(op))
    }
    if ncaches > 1 {
        let t = UnsafeMutablePointer<InlineCacheEntry>.allocate(capacity: ncaches)
        t.initialize(repeating: InlineCacheEntry(a: 0, b: 0, c: 0, d: 0), count: ncaches)
        code.pointee.caches = t
    }
}

// MARK: cache fills (the slow paths; the hits are inline in the eval loop)

/// LOAD_GLOBAL's lookup, recording where the name was found. Borrowed; NULL with NameError.
@inline(never)
func loadGlobalFill(_ e: UnsafeMutablePointer<InlineCacheEntry>, _ globals: PyValue, _ builtins: PyValue,
                    _ name: PyValue) -> PyValue {
    if globals.type != dictType || builtins.type != dictType {
        var v = dictGetItemStr(globals, name)
        if v.isNull { v = dictGetItemStr(builtins, name) }
        if v.isNull { raise(nameErrorType, "name '\(strSwift(name))' is not defined") }
        return v
    }
    let g = dictPtr(globals)
    let gi = dictIndexOfStr(g, name)
    if gi >= 0 {
        e.pointee = InlineCacheEntry(a: dictKeysVersion(g), b: 0, c: UInt(gi), d: 0)
        return g.pointee.entries[gi].value
    }
    let b = dictPtr(builtins)
    let bi = dictIndexOfStr(b, name)
    if bi >= 0 {
        e.pointee = InlineCacheEntry(a: dictKeysVersion(g), b: dictKeysVersion(b), c: UInt(bi), d: 1)
        return b.pointee.entries[bi].value
    }
    raise(nameErrorType, "name '\(strSwift(name))' is not defined")
    return .null
}

/// True when attribute access on instances of `t` is object's generic one (no __getattribute__/__getattr__).
@inline(__always) func hasGenericGetAttr(_ t: TypePtr) -> Bool {
    t.pointee.getattro == nil
        || unsafeBitCast(t.pointee.getattro!, to: UInt.self) == unsafeBitCast(objectType.pointee.getattro!, to: UInt.self)
}

/// The instance dict of `owner` when attribute access on it is plain instance-dict access for `name`: generic
/// get/set of attributes, no descriptor for `name` anywhere on the type (CPython checks the same before
/// specialising LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT). NULL otherwise, or when it has no dict yet.
@inline(__always) func plainInstanceDict(_ owner: PyValue, _ t: TypePtr, _ name: PyValue) -> PyValue {
    // A negative dictOffset (subclasses of str/tuple: the dict follows the items) takes the generic path.
    if t.pointee.dictOffset <= 0 || !hasGenericGetAttr(t) || !typeLookup(t, name).isNull { return .null }
    let d = (UnsafeMutableRawPointer(bitPattern: owner.raw).unsafelyUnwrapped + t.pointee.dictOffset)
        .assumingMemoryBound(to: PyValue.self).pointee
    return !d.isNull && d.type == dictType && !dictPtr(d).pointee.typeWatched ? d : .null
}

/// LOAD_ATTR when the inline cache missed (another type at this site, a moved entry): an instance-dict attribute
/// is found by hint or lookup and the cache is refilled; anything else takes the generic path. New reference, or
/// NULL with an exception.
@inline(never)
func loadAttrSlow(_ e: UnsafeMutablePointer<InlineCacheEntry>?, _ owner: PyValue, _ name: PyValue) -> PyValue {
    guard let e = e, !owner.isSmallInt else { return getAttr(owner, name) }
    let t = owner.obj.pointee.type
    if t == moduleType {
        let r = getAttr(owner, name)
        if r.isNull { return r }
        let d = owner.payload(ModuleObject.self).pointee.dict
        let ix = dictIndexOfStr(dictPtr(d), name)
        if ix >= 0 { e.pointee = InlineCacheEntry(a: 0, b: dictKeysVersion(dictPtr(d)), c: UInt(ix), d: 2) }
        return r
    }
    let d = plainInstanceDict(owner, t, name)
    if !d.isNull {
        let dp = dictPtr(d)
        let hint = Int(e.pointee.c)
        let ix = hint < dp.pointee.nentries && dp.pointee.entries[hint].key == name ? hint : dictIndexOfStr(dp, name)
        if ix >= 0 {
            e.pointee = InlineCacheEntry(a: UInt(bitPattern: t), b: typeCacheEpoch, c: UInt(ix), d: 1)
            return newRef(dp.pointee.entries[ix].value)
        }
    } else if let offset = slotOffset(t, name) {
        e.pointee = InlineCacheEntry(a: UInt(bitPattern: t), b: typeCacheEpoch, c: UInt(offset), d: 3)
    }
    return getAttr(owner, name)
}

/// The offset of the `__slots__` member `name` when attribute access on instances of `t` is generic and finds
/// that member descriptor (CPython: LOAD_ATTR_SLOT / STORE_ATTR_SLOT), else nil.
func slotOffset(_ t: TypePtr, _ name: PyValue) -> Int? {
    if !hasGenericGetAttr(t) { return nil }
    let descr = typeLookup(t, name)
    if descr.isNull || descr.type != memberType { return nil }
    let m = descr.payload(MemberObject.self)
    return isSubtype(t, m.pointee.owner) ? m.pointee.offset : nil
}

/// LOAD_METHOD's generic path, then a cache fill for a plain function found on the type (or a module attribute).
@inline(never)
func loadMethodFill(_ e: UnsafeMutablePointer<InlineCacheEntry>?, _ owner: PyValue, _ name: PyValue) -> (PyValue, Bool) {
    let (m, unbound) = getMethod(owner, name)
    guard let e = e, !m.isNull, !owner.isSmallInt else { return (m, unbound) }
    let t = owner.obj.pointee.type
    if t == moduleType && !unbound {
        let d = owner.payload(ModuleObject.self).pointee.dict
        let ix = dictIndexOfStr(dictPtr(d), name)
        if ix >= 0 { e.pointee = InlineCacheEntry(a: 0, b: dictKeysVersion(dictPtr(d)), c: UInt(ix), d: 2) }
        return (m, unbound)
    }
    if unbound && hasGenericGetAttr(t) {
        let descr = typeLookup(t, name)
        if descr == m { e.pointee = InlineCacheEntry(a: UInt(bitPattern: t), b: typeCacheEpoch, c: m.raw, d: 1) }
    }
    return (m, unbound)
}

/// STORE_ATTR when the inline cache missed: a plain instance-dict store updates the entry found by hint (or
/// inserts) and refills the cache; anything else takes the generic path. 0, or -1 with an exception.
@inline(never)
func storeAttrSlow(_ e: UnsafeMutablePointer<InlineCacheEntry>?, _ owner: PyValue, _ name: PyValue, _ v: PyValue) -> Int {
    guard let e = e, !owner.isSmallInt else { return setAttr(owner, name, v) }
    let t = owner.obj.pointee.type
    if t == moduleType || t.pointee.setattro != nil { return setAttr(owner, name, v) }
    let d = plainInstanceDict(owner, t, name)
    if d.isNull {
        let r = setAttr(owner, name, v)
        if r == 0, let offset = slotOffset(t, name) {
            e.pointee = InlineCacheEntry(a: UInt(bitPattern: t), b: typeCacheEpoch, c: UInt(offset), d: 3)
        }
        return r
    }
    let dp = dictPtr(d)
    let hint = Int(e.pointee.c)
    var ix = hint < dp.pointee.nentries && dp.pointee.entries[hint].key == name ? hint : dictIndexOfStr(dp, name)
    if ix >= 0 {
        incref(v)
        let old = dp.pointee.entries[ix].value
        dp.pointee.entries[ix].value = v
        decref(old)
    } else {
        if dictSetItem(d, name, v) < 0 { return -1 }
        ix = dictIndexOfStr(dp, name)
    }
    if ix >= 0 { e.pointee = InlineCacheEntry(a: UInt(bitPattern: t), b: typeCacheEpoch, c: UInt(ix), d: 1) }
    return 0
}
