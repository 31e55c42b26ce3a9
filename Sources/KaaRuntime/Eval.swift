import KaaBytecode
/// The evaluation loop (CPython 3.11: Python/ceval.c, _PyEval_EvalFrameDefault).
///
/// One Swift function with a `switch` over the opcode byte of the code unit read through an unsafe pointer; the
/// value stack is `sp` into the frame's memory; errors leave the dispatch loop (`break dispatch`, CPython's
/// `goto error`) to the exception-table unwinder. Python-to-Python calls push a frame and continue in the same
/// loop (no Swift recursion). Opcode numbers are literals so the switch compiles to a jump table; each case names
/// its opcode in a comment.

@inline(__always) func asWords(_ p: UnsafeMutablePointer<PyValue>) -> UnsafePointer<UInt> {
    UnsafeRawPointer(p).assumingMemoryBound(to: UInt.self)
}

func evalFrame(_ entry: FramePtr, throwing: Bool = false) -> PyValue {
    var frame = entry
    var code = frame.pointee.code
    var first = code.pointee.units
    var ip = first + frame.pointee.instr
    var localsplus = frame.pointee.localsplus
    var stackBase = localsplus + code.pointee.nlocalsplus
    var sp = stackBase + frame.pointee.stackDepth
    var consts = code.pointee.consts
    var names = code.pointee.names
    var caches = code.pointee.caches ?? UnsafeMutablePointer<InlineCacheEntry>(bitPattern: 8).unsafelyUnwrapped
    var kwnames = PyValue.null
    var thisInstr = ip
    /// Set by RERAISE: unwind without adding a traceback entry.
    var reraising = false
    /// RERAISE's `lasti` operand: the frame's reported instruction (tracebacks, pushed lasti) while the handler is
    /// still looked up at the RERAISE itself (CPython: exception_unwind uses INSTR_OFFSET, not prev_instr).
    var lastiOverride = -1

    /// throw(): unwind from the suspension point (the YIELD_VALUE before `instr`) with the current exception
    /// (CPython: the eval loop's throwflag → resume_with_error).
    var throwflag = throwing
    if throwing { thisInstr = ip - 1 }

    mainLoop: while true {
        if throwflag { throwflag = false } else {
        dispatch: while true {
            thisInstr = ip
            var word = ip.pointee
            ip += 1
            var oparg = Int(word >> 8)
            if word & 0xff == 144 {
                // EXTENDED_ARG prefixes fold into the instruction they extend, here rather than as a case, so the
                // common path carries no pending-argument state (CPython: EXTENDED_ARG_QUICK).
                repeat {
                    thisInstr = ip
                    word = ip.pointee
                    ip += 1
                    oparg = oparg << 8 | Int(word >> 8)
                } while word & 0xff == 144
            }
            switch UInt8(truncatingIfNeeded: word) {
            case 1: // POP_TOP
                sp -= 1
                let v = sp.pointee
                if v.raw & 1 == 0 && v.obj.pointee.refcount == 1 { frame.pointee.instr = thisInstr - first }
                decref(v)
            case 2: // PUSH_NULL
                sp.pointee = .null
                sp += 1
            case 124, 127: // LOAD_FAST (3.11 checks for an unbound local)
                let v = localsplus[oparg]
                if v.isNull {
                    raiseUnboundLocal(code, oparg)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                sp += 1
            case 46: // LOAD_FAST__LOAD_FAST
                let v = localsplus[oparg]
                if v.isNull {
                    raiseUnboundLocal(code, oparg)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                let arg2 = Int(ip.pointee >> 8)
                let v2 = localsplus[arg2]
                if v2.isNull {
                    sp += 1
                    thisInstr = ip
                    raiseUnboundLocal(code, arg2)
                    break dispatch
                }
                incref(v2)
                (sp + 1).pointee = v2
                sp += 2
                ip += 1
            case 45: // LOAD_FAST__LOAD_CONST
                let v = localsplus[oparg]
                if v.isNull {
                    raiseUnboundLocal(code, oparg)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                let c = consts[Int(ip.pointee >> 8)]
                incref(c)
                (sp + 1).pointee = c
                sp += 2
                ip += 1
            case 44: // LOAD_CONST__LOAD_FAST
                let c = consts[oparg]
                incref(c)
                sp.pointee = c
                sp += 1
                let arg2 = Int(ip.pointee >> 8)
                let v = localsplus[arg2]
                if v.isNull {
                    thisInstr = ip
                    raiseUnboundLocal(code, arg2)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                sp += 1
                ip += 1
            case 161: // STORE_FAST__LOAD_FAST
                sp -= 1
                let old = localsplus[oparg]
                localsplus[oparg] = sp.pointee
                xdecref(old)
                let arg2 = Int(ip.pointee >> 8)
                let v = localsplus[arg2]
                if v.isNull {
                    thisInstr = ip
                    raiseUnboundLocal(code, arg2)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                sp += 1
                ip += 1
            case 167: // STORE_FAST__STORE_FAST
                let old = localsplus[oparg]
                localsplus[oparg] = (sp - 1).pointee
                let arg2 = Int(ip.pointee >> 8)
                let old2 = localsplus[arg2]
                localsplus[arg2] = (sp - 2).pointee
                sp -= 2
                xdecref(old)
                xdecref(old2)
                ip += 1
            case 125: // STORE_FAST
                sp -= 1
                let old = localsplus[oparg]
                localsplus[oparg] = sp.pointee
                // A finalizer run by this store sees this instruction as the frame's position.
                if old.raw & 1 == 0 && old.raw != 0 && old.obj.pointee.refcount == 1 { frame.pointee.instr = thisInstr - first }
                xdecref(old)
            case 126: // DELETE_FAST
                let old = localsplus[oparg]
                if old.isNull {
                    raiseUnboundLocal(code, oparg)
                    break dispatch
                }
                localsplus[oparg] = .null
                frame.pointee.instr = thisInstr - first
                decref(old)
            case 100: // LOAD_CONST
                let v = consts[oparg]
                incref(v)
                sp.pointee = v
                sp += 1
            case 122: // BINARY_OP
                let r = sp - 1, l = sp - 2
                let a = l.pointee, b = r.pointee
                var res = PyValue.null
                if a.raw & b.raw & 1 != 0 {
                    let x = a.smallInt, y = b.smallInt
                    switch oparg {
                    case 0, 13: res = makeInt(x + y)
                    case 10, 23: res = makeInt(x - y)
                    case 5, 18:
                        let (m, o) = x.multipliedReportingOverflow(by: y)
                        if !o { res = makeInt(m) }
                    case 2, 15: if y != 0 { res = makeInt(floorDiv(x, y)) }
                    case 6, 19: if y != 0 { res = makeInt(floorMod(x, y)) }
                    case 1, 14: res = .small(x & y)
                    case 7, 20: res = .small(x | y)
                    case 12, 25: res = .small(x ^ y)
                    default: break
                    }
                } else {
                  // float ⊕ float, or float ⊕ small int exactly representable as a double (CPython: float_add &c.
                  // convert the int operand with PyLong_AsDouble, exact below 2**53).
                  let aF = a.raw & 1 == 0 && a.obj.pointee.type == floatType
                  let bF = b.raw & 1 == 0 && b.obj.pointee.type == floatType
                  var x = 0.0, y = 0.0
                  var numeric = false
                  if aF {
                      x = floatValue(a)
                      if bF { y = floatValue(b); numeric = true }
                      else if b.raw & 1 != 0 && Swift.abs(b.smallInt) <= 1 << 53 { y = Double(b.smallInt); numeric = true }
                  } else if bF && a.raw & 1 != 0 && Swift.abs(a.smallInt) <= 1 << 53 {
                      x = Double(a.smallInt); y = floatValue(b); numeric = true
                  }
                  if numeric {
                    var d = 0.0
                    var ok = true
                    switch oparg {
                    case 0, 13: d = x + y
                    case 10, 23: d = x - y
                    case 5, 18: d = x * y
                    case 11, 24: if y != 0 { d = x / y } else { ok = false }
                    default: ok = false
                    }
                    if ok {
                        // Reuse an operand whose only reference is the stack's (docs/OBJECT-MODEL.md: floats).
                        if aF && a.obj.pointee.refcount == 1 {
                            a.payload(FloatObject.self).pointee.value = d
                            decref(b)
                            sp -= 1
                            ip += 1
                            continue
                        }
                        if bF && b.obj.pointee.refcount == 1 {
                            b.payload(FloatObject.self).pointee.value = d
                            decref(a)
                            l.pointee = b
                            sp -= 1
                            ip += 1
                            continue
                        }
                        res = newFloat(d)
                    }
                  }
                }
                if res.isNull {
                    res = binaryOp(a, b, oparg)
                }
                decref(a)
                decref(b)
                sp -= 1
                if res.isNull { sp -= 1; break dispatch }
                l.pointee = res
                ip += 1
            case 107, 28: // COMPARE_OP, COMPARE_OP_INT_JUMP (compare fused with the jump after it, Quicken.swift)
                let a = (sp - 2).pointee, b = (sp - 1).pointee
                var res: PyValue
                var fast = false
                var c = false
                if a.raw & b.raw & 1 != 0 {
                    let x = Int(bitPattern: a.raw), y = Int(bitPattern: b.raw)
                    switch oparg {
                    case 0: c = x < y
                    case 1: c = x <= y
                    case 2: c = x == y
                    case 3: c = x != y
                    case 4: c = x > y
                    default: c = x >= y
                    }
                    fast = true
                } else if let (x, y) = floatComparands(a, b) {
                    // CPython: float_richcompare compares the doubles (NaN unordered) when both are floats or the
                    // int is exactly representable.
                    switch oparg {
                    case 0: c = x < y
                    case 1: c = x <= y
                    case 2: c = x == y
                    case 3: c = x != y
                    case 4: c = x > y
                    default: c = x >= y
                    }
                    decref(a)
                    decref(b)
                    fast = true
                }
                if fast && word & 0xff == 28 {
                    sp -= 2
                    let jump = (ip + 2).pointee
                    let jop = jump & 0xff
                    ip += 3
                    if c == (jop == 115 || jop == 176) {
                        if jop == 114 || jop == 115 { ip += Int(jump >> 8) } else {
                            ip -= Int(jump >> 8)
                            if sigintPending != 0 && !checkSignals() { break dispatch }
                        }
                    }
                    continue
                }
                if fast {
                    res = c ? pyTrue : pyFalse
                } else {
                    res = richCompare(a, b, oparg)
                    decref(a)
                    decref(b)
                }
                sp -= 2
                if res.isNull { break dispatch }
                sp.pointee = res
                sp += 1
                ip += 2
            case 114, 175: // POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_FALSE
                sp -= 1
                let v = sp.pointee
                var t: Int
                if v == pyFalse { t = 0 } else if v == pyTrue { t = 1 } else {
                    t = isTrue(v)
                    decref(v)
                    if t < 0 { break dispatch }
                }
                if t == 0 { if word & 0xff == 114 { ip += oparg } else { ip -= oparg; if sigintPending != 0 && !checkSignals() { break dispatch } } }
            case 115, 176: // POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_TRUE
                sp -= 1
                let v = sp.pointee
                var t: Int
                if v == pyFalse { t = 0 } else if v == pyTrue { t = 1 } else {
                    t = isTrue(v)
                    decref(v)
                    if t < 0 { break dispatch }
                }
                if t == 1 { if word & 0xff == 115 { ip += oparg } else { ip -= oparg; if sigintPending != 0 && !checkSignals() { break dispatch } } }
            case 128, 173: // POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE
                sp -= 1
                let v = sp.pointee
                decref(v)
                if v != pyNone { if word & 0xff == 128 { ip += oparg } else { ip -= oparg; if sigintPending != 0 && !checkSignals() { break dispatch } } }
            case 129, 174: // POP_JUMP_FORWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NONE
                sp -= 1
                let v = sp.pointee
                decref(v)
                if v == pyNone { if word & 0xff == 129 { ip += oparg } else { ip -= oparg; if sigintPending != 0 && !checkSignals() { break dispatch } } }
            case 111, 112: // JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP
                let v = (sp - 1).pointee
                let t = isTrue(v)
                if t < 0 { break dispatch }
                if (t == 1) == (word & 0xff == 112) { ip += oparg } else { sp -= 1; decref(v) }
            case 110: // JUMP_FORWARD
                ip += oparg
            case 140, 134: // JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT
                ip -= oparg
                if sigintPending != 0 && word & 0xff == 140 && !checkSignals() { break dispatch }  // eval breaker
            case 68: // GET_ITER
                let v = (sp - 1).pointee
                let it = getIter(v)
                decref(v)
                if it.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = it
            case 93: // FOR_ITER
                let it = (sp - 1).pointee
                let t = it.obj.pointee.type
                var next: PyValue
                if t == rangeIterType {
                    let p = it.payload(IterObject.self)
                    if p.pointee.end > 0 {
                        let v = p.pointee.index
                        p.pointee.index = v &+ p.pointee.step
                        p.pointee.end -= 1
                        next = makeInt(v)
                    } else { next = .null }
                } else if t == listIterType {
                    let p = it.payload(IterObject.self)
                    let l = p.pointee.seq
                    if !l.isNull && p.pointee.index < listCount(l) {
                        next = listItems(l)[p.pointee.index]
                        incref(next)
                        p.pointee.index += 1
                    } else { next = .null }
                } else if let f = t.pointee.iternext {
                    next = PyValue(raw: f(it.raw))
                    if next.isNull && !curExc.isNull {
                        if isInstance(curExc, stopIterationType) { decref(fetchException()) } else { break dispatch }
                    }
                } else {
                    raise(typeErrorType, "'\(t.pointee.name)' object is not an iterator")
                    break dispatch
                }
                if next.isNull {
                    sp -= 1
                    decref(it)
                    ip += oparg
                } else {
                    sp.pointee = next
                    sp += 1
                }
            case 116: // LOAD_GLOBAL (with LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN's cache, Quicken.swift)
                let e = caches + Int(ip.pointee)
                var v = PyValue.null
                let g = dictPtr(frame.pointee.globals)
                if g.pointee.keysVersion == e.pointee.a && e.pointee.a != 0 {
                    if e.pointee.d == 0 {
                        v = g.pointee.entries[Int(e.pointee.c)].value
                    } else {
                        let b = dictPtr(frame.pointee.builtins)
                        if b.pointee.keysVersion == e.pointee.b && e.pointee.b != 0 { v = b.pointee.entries[Int(e.pointee.c)].value }
                    }
                }
                if v.isNull {
                    v = loadGlobalFill(e, frame.pointee.globals, frame.pointee.builtins, names[oparg >> 1])
                    if v.isNull { break dispatch }
                }
                if oparg & 1 != 0 { sp.pointee = .null; sp += 1 }
                incref(v)
                sp.pointee = v
                sp += 1
                ip += 5
            case 97: // STORE_GLOBAL
                frame.pointee.instr = thisInstr - first
                sp -= 1
                let v = sp.pointee
                let r = dictSetItem(frame.pointee.globals, names[oparg], v)
                decref(v)
                if r < 0 { break dispatch }
            case 98: // DELETE_GLOBAL
                frame.pointee.instr = thisInstr - first
                if dictGetItemStr(frame.pointee.globals, names[oparg]).isNull {
                    raise(nameErrorType, "name '\(strSwift(names[oparg]))' is not defined")
                    break dispatch
                }
                if dictDelItem(frame.pointee.globals, names[oparg]) < 0 { break dispatch }
            case 101: // LOAD_NAME
                let name = names[oparg]
                var v = PyValue.null
                let locals = frame.pointee.locals
                if !locals.isNull {
                    if locals.type == dictType { v = dictGetItemStr(locals, name); xincref(v) } else {
                        v = getItem(locals, name)
                        if v.isNull {
                            if isInstance(curExc, keyErrorType) { decref(fetchException()) } else { break dispatch }
                        }
                    }
                }
                if v.isNull {
                    v = dictGetItemStr(frame.pointee.globals, name)
                    if v.isNull { v = dictGetItemStr(frame.pointee.builtins, name) }
                    if v.isNull {
                        raise(nameErrorType, "name '\(strSwift(name))' is not defined")
                        break dispatch
                    }
                    incref(v)
                }
                sp.pointee = v
                sp += 1
            case 90: // STORE_NAME
                frame.pointee.instr = thisInstr - first
                sp -= 1
                let v = sp.pointee
                let locals = frame.pointee.locals
                if locals.isNull {
                    decref(v)
                    raise(runtimeErrorType, "no locals found when storing '\(strSwift(names[oparg]))'")
                    break dispatch
                }
                let r = locals.type == dictType ? dictSetItem(locals, names[oparg], v) : setItem(locals, names[oparg], v)
                decref(v)
                if r < 0 { break dispatch }
            case 91: // DELETE_NAME
                // CPython: DELETE_NAME — PyObject_DelItem on the locals mapping; only a missing key is a NameError.
                frame.pointee.instr = thisInstr - first
                let locals = frame.pointee.locals
                if locals.isNull {
                    raise(systemErrorType(), "no locals when deleting '\(strSwift(names[oparg]))'")
                    break dispatch
                }
                let r = locals.type == dictType ? dictDelItem(locals, names[oparg]) : setItem(locals, names[oparg], .null)
                if r < 0 {
                    if locals.type == dictType || isInstance(curExc, keyErrorType) {
                        if !curExc.isNull { decref(fetchException()) }
                        raise(nameErrorType, "name '\(strSwift(names[oparg]))' is not defined")
                    }
                    break dispatch
                }
            case 135: // MAKE_CELL
                let v = localsplus[oparg]
                localsplus[oparg] = newCell(v)
            case 149: // COPY_FREE_VARS
                let fn = frame.pointee.function.payload(FunctionObject.self)
                let closure = fn.pointee.closure
                let offset = code.pointee.nlocalsplus - oparg
                for i in 0..<oparg { localsplus[offset + i] = newRef(tupleItem(closure, i)) }
            case 136: // LOAD_CLOSURE
                let v = localsplus[oparg]
                incref(v)
                sp.pointee = v
                sp += 1
            case 137, 148: // LOAD_DEREF, LOAD_CLASSDEREF
                if word & 0xff == 148 {
                    let locals = frame.pointee.locals
                    let name = code.pointee.localsNames[oparg]
                    if !locals.isNull {
                        let v = dictGetItemStr(locals, name)
                        if !v.isNull { incref(v); sp.pointee = v; sp += 1; continue }
                    }
                }
                let cell = localsplus[oparg]
                let v = cell.payload(CellObject.self).pointee.ref
                if v.isNull {
                    raiseUnboundDeref(code, oparg)
                    break dispatch
                }
                incref(v)
                sp.pointee = v
                sp += 1
            case 138: // STORE_DEREF
                sp -= 1
                let cell = localsplus[oparg].payload(CellObject.self)
                let old = cell.pointee.ref
                cell.pointee.ref = sp.pointee
                xdecref(old)
            case 139: // DELETE_DEREF
                let cell = localsplus[oparg].payload(CellObject.self)
                let old = cell.pointee.ref
                if old.isNull { raiseUnboundDeref(code, oparg); break dispatch }
                cell.pointee.ref = .null
                decref(old)
            case 106: // LOAD_ATTR (with LOAD_ATTR_WITH_HINT / LOAD_ATTR_MODULE's cache, Quicken.swift)
                let owner = (sp - 1).pointee
                let ci = Int(ip.pointee)
                if ci != 0 && !owner.isSmallInt {
                    let e = caches + ci
                    let t = owner.obj.pointee.type
                    var d = PyValue.null
                    if e.pointee.d == 1 && UInt(bitPattern: t) == e.pointee.a && e.pointee.b == typeCacheEpoch {
                        d = (UnsafeMutableRawPointer(bitPattern: owner.raw).unsafelyUnwrapped + t.pointee.dictOffset)
                            .assumingMemoryBound(to: PyValue.self).pointee
                    } else if e.pointee.d == 2 && t == moduleType {
                        d = owner.payload(ModuleObject.self).pointee.dict
                        if dictPtr(d).pointee.keysVersion != e.pointee.b { d = .null }
                    } else if e.pointee.d == 3 && UInt(bitPattern: t) == e.pointee.a && e.pointee.b == typeCacheEpoch {
                        let v = (UnsafeMutableRawPointer(bitPattern: owner.raw).unsafelyUnwrapped + Int(e.pointee.c))
                            .assumingMemoryBound(to: PyValue.self).pointee
                        if !v.isNull {
                            incref(v)
                            (sp - 1).pointee = v
                            decref(owner)
                            ip += 4
                            continue
                        }
                    }
                    if !d.isNull {
                        let dp = dictPtr(d)
                        let hint = Int(e.pointee.c)
                        if hint < dp.pointee.nentries && dp.pointee.entries[hint].key == names[oparg] {
                            let v = dp.pointee.entries[hint].value
                            incref(v)
                            (sp - 1).pointee = v
                            decref(owner)
                            ip += 4
                            continue
                        }
                    }
                }
                frame.pointee.instr = thisInstr - first  // f_lineno of this frame read by a getter
                let r = loadAttrSlow(ci != 0 ? caches + ci : nil, owner, names[oparg])
                decref(owner)
                if r.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = r
                ip += 4
            case 160: // LOAD_METHOD (with LOAD_METHOD_WITH_DICT / NO_DICT / MODULE's cache, Quicken.swift)
                let owner = (sp - 1).pointee
                let ci = Int(ip.pointee)
                if ci != 0 && !owner.isSmallInt {
                    let e = caches + ci
                    let t = owner.obj.pointee.type
                    if e.pointee.d == 1 && UInt(bitPattern: t) == e.pointee.a && e.pointee.b == typeCacheEpoch {
                        var shadowed = false
                        let off = t.pointee.dictOffset
                        if off != 0, let slot = instanceDictSlot(owner) {
                            let d = slot.pointee
                            if !d.isNull && !dictGetItemStr(d, names[oparg]).isNull { shadowed = true }
                        }
                        if !shadowed {
                            let m = PyValue(raw: e.pointee.c)
                            incref(m)
                            (sp - 1).pointee = m
                            sp.pointee = owner
                            sp += 1
                            ip += 10
                            continue
                        }
                    } else if e.pointee.d == 2 && t == moduleType {
                        let dp = dictPtr(owner.payload(ModuleObject.self).pointee.dict)
                        let hint = Int(e.pointee.c)
                        if dp.pointee.keysVersion == e.pointee.b && hint < dp.pointee.nentries
                            && dp.pointee.entries[hint].key == names[oparg] {
                            let v = dp.pointee.entries[hint].value
                            incref(v)
                            decref(owner)
                            (sp - 1).pointee = .null
                            sp.pointee = v
                            sp += 1
                            ip += 10
                            continue
                        }
                    }
                }
                let (m, unbound) = loadMethodFill(ci != 0 ? caches + ci : nil, owner, names[oparg])
                if m.isNull { decref(owner); sp -= 1; break dispatch }
                if unbound {
                    (sp - 1).pointee = m
                    sp.pointee = owner
                } else {
                    decref(owner)
                    (sp - 1).pointee = .null
                    sp.pointee = m
                }
                sp += 1
                ip += 10
            case 95: // STORE_ATTR (with STORE_ATTR_WITH_HINT's cache, Quicken.swift)
                let owner = (sp - 1).pointee, v = (sp - 2).pointee
                sp -= 2
                let ci = Int(ip.pointee)
                if ci != 0 && !owner.isSmallInt {
                    let e = caches + ci
                    let t = owner.obj.pointee.type
                    if e.pointee.d == 3 && UInt(bitPattern: t) == e.pointee.a && e.pointee.b == typeCacheEpoch {
                        let slot = (UnsafeMutableRawPointer(bitPattern: owner.raw).unsafelyUnwrapped + Int(e.pointee.c))
                            .assumingMemoryBound(to: PyValue.self)
                        let old = slot.pointee
                        slot.pointee = v
                        xdecref(old)
                        decref(owner)
                        ip += 4
                        continue
                    }
                    if e.pointee.d == 1 && UInt(bitPattern: t) == e.pointee.a && e.pointee.b == typeCacheEpoch {
                        let d = (UnsafeMutableRawPointer(bitPattern: owner.raw).unsafelyUnwrapped + t.pointee.dictOffset)
                            .assumingMemoryBound(to: PyValue.self).pointee
                        if !d.isNull {
                            let dp = dictPtr(d)
                            let hint = Int(e.pointee.c)
                            if hint < dp.pointee.nentries && dp.pointee.entries[hint].key == names[oparg] {
                                let old = dp.pointee.entries[hint].value
                                dp.pointee.entries[hint].value = v
                                decref(old)
                                decref(owner)
                                ip += 4
                                continue
                            }
                        }
                    }
                }
                let r = storeAttrSlow(ci != 0 ? caches + ci : nil, owner, names[oparg], v)
                decref(owner)
                decref(v)
                if r < 0 { break dispatch }
                ip += 4
            case 96: // DELETE_ATTR
                sp -= 1
                let owner = sp.pointee
                let r = setAttr(owner, names[oparg], .null)
                decref(owner)
                if r < 0 { break dispatch }
            case 166: // PRECALL
                let isMeth = !(sp - oparg - 2).pointee.isNull
                if !isMeth {
                    let callable = (sp - oparg - 1).pointee
                    if !callable.isSmallInt && callable.obj.pointee.type == methodType {
                        let m = callable.payload(MethodObject.self)
                        (sp - oparg - 1).pointee = newRef(m.pointee.selfObj)
                        (sp - oparg - 2).pointee = newRef(m.pointee.function)
                        decref(callable)
                    }
                }
                ip += 1
            case 172: // KW_NAMES
                kwnames = consts[oparg]
                if kwnames.type != tupleType { kwnames = .null; raise(runtimeErrorType, "KW_NAMES expects a tuple"); break dispatch }
            case 171: // CALL
                let isMeth = !(sp - oparg - 2).pointee.isNull
                let total = oparg + (isMeth ? 1 : 0)
                let callable = (sp - total - 1).pointee
                let args = sp - total
                let nkw = kwnames.isNull ? 0 : tupleCount(kwnames)
                let positional = total - nkw
                let bottom = sp - oparg - 2
                if !callable.isSmallInt && callable.obj.pointee.type == functionType {
                    let fn = callable.payload(FunctionObject.self)
                    let ncode = fn.pointee.code.payload(CodeObj.self)
                    let co = ncode.pointee
                    if co.flags & (0x20 | 0x80 | 0x200) == 0 {
                        // At the last CALL cache unit, as CPython's prev_instr while the callee runs (tb_lasti).
                        frame.pointee.instr = thisInstr - first + 4
                        frame.pointee.stackDepth = bottom - stackBase
                        guard let nf = pushFrame(ncode, function: callable, globals: fn.pointee.globals,
                                                 builtins: fn.pointee.builtins, locals: .null) else {
                            for i in 0..<total { decref(args[i]) }
                            sp = bottom
                            frame.pointee.stackDepth = 0
                            kwnames = .null
                            break dispatch
                        }
                        let lp = nf.pointee.localsplus
                        if nkw == 0 && positional == co.argCount && co.flags & 0xC == 0 && co.kwOnlyArgCount == 0 {
                            lp.update(from: args, count: total)
                        } else {
                            let ok = bindArguments(fn, ncode, lp, asWords(args), positional, kwnames)
                            for i in 0..<total { decref(args[i]) }
                            if !ok {
                                popFrame(nf)
                                sp = bottom
                                frame.pointee.stackDepth = 0
                                kwnames = .null
                                break dispatch
                            }
                        }
                        kwnames = .null
                        sp = bottom
                        frame = nf
                        code = ncode
                        first = code.pointee.units
                        ip = first
                        localsplus = lp
                        stackBase = localsplus + code.pointee.nlocalsplus
                        sp = stackBase
                        consts = code.pointee.consts
                        names = code.pointee.names
                        caches = code.pointee.caches ?? UnsafeMutablePointer<InlineCacheEntry>(bitPattern: 8).unsafelyUnwrapped
                        continue
                    }
                }
                frame.pointee.instr = thisInstr - first
                let res = callObject(callable, asWords(args), positional, kwnames.raw)
                kwnames = .null
                for i in 0..<total { decref(args[i]) }
                decref(callable)
                sp = bottom
                if res.isNull { break dispatch }
                sp.pointee = res
                sp += 1
                ip += 4
                // The eval breaker after a call, as CPython's CALL: a Ctrl-C that came during a builtin call
                // (print, a blocking read) is raised here, not only at the next backward jump or RESUME.
                if sigintPending != 0 && !checkSignals() { break dispatch }
            case 142: // CALL_FUNCTION_EX
                var kwargs = PyValue.null
                if oparg & 1 != 0 { sp -= 1; kwargs = sp.pointee }
                sp -= 1
                var callargs = sp.pointee
                let fn = (sp - 1).pointee
                if callargs.type != tupleType {
                    guard let items = collectIterable(callargs) else {
                        if isInstance(curExc, typeErrorType) {
                            decref(fetchException())
                            raise(typeErrorType, "\(functionStr(fn)) argument after * must be an iterable, not \(typeName(callargs))")
                        }
                        decref(callargs); xdecref(kwargs); sp -= 1; decref(fn)
                        if (sp - 1).pointee.isNull { sp -= 1 }
                        break dispatch
                    }
                    decref(callargs)
                    callargs = newTuple(items)
                }
                let res = callWithTupleAndDict(fn, callargs, kwargs)
                decref(callargs)
                xdecref(kwargs)
                decref(fn)
                sp -= 1
                // The slot below the function is NULL (or a method for LOAD_METHOD-style calls).
                sp -= 1
                xdecref(sp.pointee)
                if res.isNull { break dispatch }
                sp.pointee = res
                sp += 1
            case 132: // MAKE_FUNCTION
                sp -= 1
                let codeObj = sp.pointee
                if codeObj.type != codeType {
                    decref(codeObj)
                    raise(runtimeErrorType, "MAKE_FUNCTION expects a code object")
                    break dispatch
                }
                let fv = newFunction(code: codeObj, globals: frame.pointee.globals, builtins: frame.pointee.builtins,
                                     qualname: codeObj.payload(CodeObj.self).pointee.qualname)
                decref(codeObj)
                let fn = fv.payload(FunctionObject.self)
                if oparg & 8 != 0 { sp -= 1; fn.pointee.closure = sp.pointee }
                if oparg & 4 != 0 { sp -= 1; fn.pointee.annotations = sp.pointee }
                if oparg & 2 != 0 { sp -= 1; fn.pointee.kwdefaults = sp.pointee }
                if oparg & 1 != 0 { sp -= 1; fn.pointee.defaults = sp.pointee }
                sp.pointee = fv
                sp += 1
            case 83: // RETURN_VALUE
                sp -= 1
                let retval = sp.pointee
                frame.pointee.stackDepth = sp - stackBase
                frame.pointee.instr = thisInstr - first  // a frame object outliving the frame reports this line
                let prev = frame.pointee.previous
                let wasEntry = frame == entry
                popFrame(frame)
                if wasEntry { return retval }
                frame = prev.unsafelyUnwrapped
                code = frame.pointee.code
                first = code.pointee.units
                localsplus = frame.pointee.localsplus
                stackBase = localsplus + code.pointee.nlocalsplus
                sp = stackBase + frame.pointee.stackDepth
                frame.pointee.stackDepth = 0
                consts = code.pointee.consts
                names = code.pointee.names
                caches = code.pointee.caches ?? UnsafeMutablePointer<InlineCacheEntry>(bitPattern: 8).unsafelyUnwrapped
                ip = first + frame.pointee.instr + 1
                sp.pointee = retval
                sp += 1
            case 75, 86: // RETURN_GENERATOR, YIELD_VALUE
                // Suspend: the frame keeps its position and stack; the generator resumes it (Generator.swift).
                var v = pyNone
                if word & 0xff == 86 { sp -= 1; v = sp.pointee } else { incref(v) }
                frame.pointee.instr = ip - first
                frame.pointee.stackDepth = sp - stackBase
                frame.pointee.yielded = true
                currentFrame = frame.pointee.previous
                recursionDepth -= 1
                if frame != entry {
                    raise(runtimeErrorType, "yield from an inlined frame")
                    break dispatch
                }
                return v
            case 69: // GET_YIELD_FROM_ITER
                let it = getYieldFromIter((sp - 1).pointee, code.pointee.flags)
                if it.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = it
            case 123: // SEND (CPython: PyIter_Send)
                sp -= 1
                let v = sp.pointee
                let receiver = (sp - 1).pointee
                let (retval, status) = iterSend(receiver, v)
                decref(v)
                if status == .error { break dispatch }
                if status == .ret {
                    decref(receiver)
                    (sp - 1).pointee = retval
                    ip += oparg
                } else {
                    sp.pointee = retval
                    sp += 1
                }
            case 131: // GET_AWAITABLE
                frame.pointee.instr = thisInstr - first
                let it = getAwaitable((sp - 1).pointee, oparg)
                if it.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = it
            case 50: // GET_AITER
                let it = getAIter((sp - 1).pointee)
                if it.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = it
            case 51: // GET_ANEXT
                let aw = getANext((sp - 1).pointee)
                if aw.isNull { break dispatch }
                sp.pointee = aw
                sp += 1
            case 54: // END_ASYNC_FOR
                sp -= 1
                let exc = sp.pointee
                if isInstance(exc, stopAsyncIterationType) {
                    decref(exc)
                    sp -= 1
                    decref(sp.pointee)
                } else {
                    setExceptionNoContext(exc)
                    reraising = true
                    break dispatch
                }
            case 87: // ASYNC_GEN_WRAP
                (sp - 1).pointee = asyncGenWrap((sp - 1).pointee)
            case 31: // MATCH_MAPPING
                let t = (sp - 1).pointee.type
                sp.pointee = isSubtype(t, dictType) ? pyTrue : pyFalse
                sp += 1
            case 32: // MATCH_SEQUENCE (CPython: Py_TPFLAGS_SEQUENCE — list, tuple, range)
                let t = (sp - 1).pointee.type
                sp.pointee = (isSubtype(t, listType) || isSubtype(t, tupleType) || t == rangeType) ? pyTrue : pyFalse
                sp += 1
            case 33: // MATCH_KEYS
                let keys = (sp - 1).pointee, subject = (sp - 2).pointee
                let r = matchKeys(subject, keys)
                if r.isNull { break dispatch }
                sp.pointee = r
                sp += 1
            case 152: // MATCH_CLASS
                let names = (sp - 1).pointee, cls = (sp - 2).pointee, subject = (sp - 3).pointee
                sp -= 2
                let attrs = matchClass(subject, cls, oparg, names)
                decref(names); decref(cls); decref(subject)
                if attrs.isNull {
                    if !curExc.isNull { sp -= 1; break dispatch }
                    (sp - 1).pointee = newRef(pyNone)
                } else {
                    (sp - 1).pointee = attrs
                }
            case 117: // IS_OP
                let a = (sp - 2).pointee, b = (sp - 1).pointee
                let r = (a == b) != (oparg == 1)
                decref(a); decref(b)
                sp -= 1
                (sp - 1).pointee = r ? pyTrue : pyFalse
            case 118: // CONTAINS_OP
                let a = (sp - 2).pointee, b = (sp - 1).pointee
                let r = containsOp(b, a)
                decref(a); decref(b)
                sp -= 2
                if r < 0 { break dispatch }
                sp.pointee = (r == 1) != (oparg == 1) ? pyTrue : pyFalse
                sp += 1
            case 12: // UNARY_NOT
                let v = (sp - 1).pointee
                let t = isTrue(v)
                decref(v)
                if t < 0 { sp -= 1; break dispatch }
                (sp - 1).pointee = t == 1 ? pyFalse : pyTrue
            case 10, 11, 15: // UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_INVERT
                let v = (sp - 1).pointee
                let which = word & 0xff == 11 ? 0 : (word & 0xff == 10 ? 1 : 2)
                let r: PyValue
                if v.isSmallInt && which == 0 { r = makeInt(-v.smallInt) } else { r = unaryOp(v, which) }
                decref(v)
                if r.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = r
            case 25: // BINARY_SUBSCR
                let container = (sp - 2).pointee, sub = (sp - 1).pointee
                var r = PyValue.null
                if sub.isSmallInt && !container.isSmallInt {
                    let ct = container.obj.pointee.type
                    if ct == listType {
                        let i = sub.smallInt, n = listCount(container)
                        let j = i < 0 ? i + n : i
                        if j >= 0 && j < n { r = listItems(container)[j]; incref(r) }
                    } else if ct == tupleType {
                        let i = sub.smallInt, n = tupleCount(container)
                        let j = i < 0 ? i + n : i
                        if j >= 0 && j < n { r = tupleItems(container)[j]; incref(r) }
                    }
                }
                if r.isNull { r = getItem(container, sub) }
                decref(container); decref(sub)
                sp -= 2
                if r.isNull { break dispatch }
                sp.pointee = r
                sp += 1
                ip += 4
            case 60: // STORE_SUBSCR
                let sub = (sp - 1).pointee, container = (sp - 2).pointee, v = (sp - 3).pointee
                sp -= 3
                var done = false
                if sub.isSmallInt && !container.isSmallInt && container.obj.pointee.type == listType {
                    let i = sub.smallInt, n = listCount(container)
                    let j = i < 0 ? i + n : i
                    if j >= 0 && j < n {
                        let old = listItems(container)[j]
                        listItems(container)[j] = v
                        decref(old)
                        decref(container)
                        done = true
                    }
                }
                if !done {
                    let r = setItem(container, sub, v)
                    decref(v); decref(container); decref(sub)
                    if r < 0 { break dispatch }
                }
                ip += 1
            case 61: // DELETE_SUBSCR
                let sub = (sp - 1).pointee, container = (sp - 2).pointee
                sp -= 2
                let r = setItem(container, sub, .null)
                decref(container); decref(sub)
                if r < 0 { break dispatch }
            case 102: // BUILD_TUPLE
                let t = allocTuple(oparg)
                sp -= oparg
                tupleItems(t).update(from: sp, count: oparg)
                sp.pointee = t
                sp += 1
            case 103: // BUILD_LIST
                let l = newList(capacity: oparg)
                sp -= oparg
                listItems(l).update(from: sp, count: oparg)
                listPtr(l).pointee.count = oparg
                sp.pointee = l
                sp += 1
            case 105: // BUILD_MAP
                let d = newDict()
                sp -= 2 * oparg
                var failed = false
                for i in 0..<oparg {
                    if !failed && dictSetItem(d, sp[2 * i], sp[2 * i + 1]) < 0 { failed = true }
                    decref(sp[2 * i]); decref(sp[2 * i + 1])
                }
                if failed { decref(d); break dispatch }
                sp.pointee = d
                sp += 1
            case 156: // BUILD_CONST_KEY_MAP
                let keys = (sp - 1).pointee
                if keys.type != tupleType || tupleCount(keys) != oparg {
                    raise(runtimeErrorType, "BUILD_CONST_KEY_MAP expects a tuple of keys")
                    break dispatch
                }
                let d = newDict()
                sp -= oparg + 1
                var failed = false
                for i in 0..<oparg {
                    if !failed && dictSetItem(d, tupleItem(keys, i), sp[i]) < 0 { failed = true }
                    decref(sp[i])
                }
                decref(keys)
                if failed { decref(d); break dispatch }
                sp.pointee = d
                sp += 1
            case 133: // BUILD_SLICE
                let step = oparg == 3 ? (sp - 1).pointee : pyNone
                if oparg == 3 { sp -= 1 }
                let stop = (sp - 1).pointee, start = (sp - 2).pointee
                let s = newSlice(start, stop, step)
                decref(start); decref(stop)
                if oparg == 3 { decref(step) }
                sp -= 1
                (sp - 1).pointee = s
            case 145: // LIST_APPEND
                sp -= 1
                if (sp - oparg).pointee.type != listType { decref(sp.pointee); raise(runtimeErrorType, "LIST_APPEND on a non-list"); break dispatch }
                listAppendSteal((sp - oparg).pointee, sp.pointee)
            case 162: // LIST_EXTEND
                sp -= 1
                let it = sp.pointee
                if (sp - oparg).pointee.type != listType { decref(it); raise(runtimeErrorType, "LIST_EXTEND on a non-list"); break dispatch }
                let ok = listExtend((sp - oparg).pointee, it)
                if !ok {
                    if isInstance(curExc, typeErrorType) && it.type.pointee.iter == nil && it.type.pointee.getitem == nil {
                        decref(fetchException())
                        raise(typeErrorType, "Value after * must be an iterable, not \(typeName(it))")
                    }
                    decref(it)
                    break dispatch
                }
                decref(it)
            case 82: // LIST_TO_TUPLE
                let l = (sp - 1).pointee
                if l.type != listType { raise(runtimeErrorType, "LIST_TO_TUPLE on a non-list"); break dispatch }
                let n = listCount(l)
                let t = allocTuple(n)
                for i in 0..<n { tupleItems(t)[i] = newRef(listItems(l)[i]) }
                decref(l)
                (sp - 1).pointee = t
            case 147: // MAP_ADD
                let value = (sp - 1).pointee, key = (sp - 2).pointee
                sp -= 2
                if !isInstance((sp - oparg).pointee, dictType) { decref(key); decref(value); raise(runtimeErrorType, "MAP_ADD on a non-dict"); break dispatch }
                let r = dictSetItem((sp - oparg).pointee, key, value)
                decref(key); decref(value)
                if r < 0 { break dispatch }
            case 165, 164: // DICT_UPDATE, DICT_MERGE
                sp -= 1
                let other = sp.pointee
                let target = (sp - oparg).pointee
                if !isInstance(target, dictType) { decref(other); raise(runtimeErrorType, "DICT_UPDATE on a non-dict"); break dispatch }
                if word & 0xff == 164 && !isInstance(other, dictType) && !hasAttrQuiet(other, "keys") {
                    raise(typeErrorType, "\(functionStr((sp - oparg - 2).pointee)) argument after ** must be a mapping, not \(typeName(other))")
                    decref(other)
                    break dispatch
                }
                if word & 0xff == 164, isInstance(other, dictType) {
                    var pos = 0
                    var dup = PyValue.null
                    while let e = dictNext(other, &pos) { if !dictGetItem(target, e.key).isNull { dup = e.key; break } }
                    if !dup.isNull {
                        let fnv = (sp - oparg - 2).pointee
                        raise(typeErrorType, "\(functionStr(fnv)) got multiple values for keyword argument '\(strSwift(dup))'")
                        decref(other)
                        break dispatch
                    }
                }
                let ok = dictUpdate(target, other)
                decref(other)
                if !ok { break dispatch }
            case 155: // FORMAT_VALUE
                var spec = PyValue.null
                if oparg & 4 != 0 { sp -= 1; spec = sp.pointee }
                var v = (sp - 1).pointee
                var conv = PyValue.null
                switch oparg & 3 {
                case 1: conv = objectStr(v)
                case 2: conv = objectRepr(v)
                case 3: conv = objectAscii(v)
                default: break
                }
                if oparg & 3 != 0 {
                    decref(v)
                    if conv.isNull { xdecref(spec); sp -= 1; break dispatch }
                    v = conv
                }
                var r: PyValue
                if spec.isNull && v.type == strType { r = v } else {
                    r = formatObject(v, spec.isNull ? internStr("") : spec)
                    decref(v)
                    xdecref(spec)
                }
                if r.isNull { sp -= 1; break dispatch }
                (sp - 1).pointee = r
            case 157: // BUILD_STRING
                sp -= oparg
                var allStr = true
                for i in 0..<oparg where sp[i].type != strType { allStr = false }
                if !allStr {
                    for i in 0..<oparg { decref(sp[i]) }
                    raise(runtimeErrorType, "BUILD_STRING on a non-str")
                    break dispatch
                }
                var total = 0
                var maxc: UInt32 = 0
                for i in 0..<oparg {
                    total += strCount(sp[i])
                    maxc = max(maxc, sp[i].payload(StrObject.self).pointee.maxChar)
                }
                let s = allocStr(total)
                var d = strData(s)
                for i in 0..<oparg {
                    let n = strCount(sp[i])
                    d.update(from: strData(sp[i]), count: n)
                    d += n
                    decref(sp[i])
                }
                s.payload(StrObject.self).pointee.maxChar = maxc
                sp.pointee = s
                sp += 1
            case 92: // UNPACK_SEQUENCE
                let seq = (sp - 1).pointee
                sp -= 1
                if !seq.isSmallInt && (seq.obj.pointee.type == tupleType || seq.obj.pointee.type == listType) {
                    let isTuple = seq.obj.pointee.type == tupleType
                    let n = isTuple ? tupleCount(seq) : listCount(seq)
                    let items = isTuple ? tupleItems(seq) : listItems(seq)
                    if n == oparg {
                        for i in 0..<n { sp[i] = newRef(items[n - 1 - i]) }
                        sp += n
                        decref(seq)
                        ip += 1
                        continue
                    }
                }
                guard unpackIterable(seq, oparg, -1, sp) else { decref(seq); break dispatch }
                decref(seq)
                sp += oparg
                ip += 1
            case 94: // UNPACK_EX
                let seq = (sp - 1).pointee
                sp -= 1
                let before = oparg & 0xff, after = oparg >> 8
                guard unpackIterable(seq, before, after, sp) else { decref(seq); break dispatch }
                decref(seq)
                sp += before + after + 1
            case 120: // COPY
                let v = (sp - oparg).pointee
                incref(v)
                sp.pointee = v
                sp += 1
            case 99: // SWAP
                let t = (sp - 1).pointee
                (sp - 1).pointee = (sp - oparg).pointee
                (sp - oparg).pointee = t
            case 35: // PUSH_EXC_INFO
                let v = (sp - 1).pointee
                (sp - 1).pointee = handledExc.isNull ? newRef(pyNone) : handledExc
                incref(v)
                handledExc = v
                sp.pointee = v
                sp += 1
            case 89: // POP_EXCEPT
                sp -= 1
                let old = handledExc
                handledExc = sp.pointee
                xdecref(old)
            case 36: // CHECK_EXC_MATCH
                let right = (sp - 1).pointee, left = (sp - 2).pointee
                if !checkExceptionClass(right) { break dispatch }
                let r = exceptionMatchesClass(left, right)
                decref(right)
                (sp - 1).pointee = r ? pyTrue : pyFalse
            case 37: // CHECK_EG_MATCH
                sp -= 1
                let matchType = sp.pointee
                if !checkExceptStarType(matchType) { decref(matchType); break dispatch }
                let excValue = (sp - 1).pointee
                let res = exceptionGroupMatch(excValue, matchType)
                decref(matchType)
                guard let (match, rest) = res else { break dispatch }
                if match == pyNone {
                    decref(rest)
                    sp.pointee = match
                    sp += 1
                } else {
                    (sp - 1).pointee = rest
                    sp.pointee = match
                    sp += 1
                    let old = handledExc
                    handledExc = newRef(match)
                    xdecref(old)
                    decref(excValue)
                }
            case 88: // PREP_RERAISE_STAR
                sp -= 1
                let excs = sp.pointee
                sp -= 1
                let orig = sp.pointee
                let val = prepReraiseStar(orig, excs)
                decref(excs); decref(orig)
                if val.isNull { break dispatch }
                sp.pointee = val
                sp += 1
            case 119: // RERAISE
                if oparg != 0 {
                    let lasti = (sp - oparg - 1).pointee
                    if lasti.isSmallInt { lastiOverride = lasti.smallInt }
                }
                sp -= 1
                setExceptionNoContext(sp.pointee)
                reraising = true
                break dispatch
            case 130: // RAISE_VARARGS
                var cause = PyValue.null
                if oparg == 2 { sp -= 1; cause = sp.pointee }
                if oparg == 0 {
                    let handled = topmostHandledExc()
                    if handled.isNull {
                        raise(runtimeErrorType, "No active exception to reraise")
                        break dispatch
                    }
                    setExceptionNoContext(newRef(handled))
                    reraising = true
                    break dispatch
                }
                sp -= 1
                doRaise(sp.pointee, cause)
                break dispatch
            case 74: // LOAD_ASSERTION_ERROR
                sp.pointee = assertionErrorType.asValue
                sp += 1
            case 71: // LOAD_BUILD_CLASS
                let bc = dictGetItemStr(frame.pointee.builtins, internStr("__build_class__"))
                if bc.isNull { raise(nameErrorType, "__build_class__ not found"); break dispatch }
                incref(bc)
                sp.pointee = bc
                sp += 1
            case 85: // SETUP_ANNOTATIONS
                let locals = frame.pointee.locals
                if !locals.isNull && dictGetItemStr(locals, internStr("__annotations__")).isNull {
                    let d = newDict()
                    _ = dictSetItem(locals, internStr("__annotations__"), d)
                    decref(d)
                }
            case 70: // PRINT_EXPR (Builtins+Exec.swift)
                sp -= 1
                let r = printExpr(sp.pointee)
                decref(sp.pointee)
                if r < 0 { break dispatch }
            case 30: // GET_LEN
                let n = objectLength((sp - 1).pointee)
                if n < 0 { break dispatch }
                sp.pointee = makeInt(n)
                sp += 1
            case 108: // IMPORT_NAME (Import.swift)
                sp -= 2
                let m = importNameInstruction(name: names[oparg], fromlist: sp[1], level: sp[0],
                                              globals: frame.pointee.globals, locals: frame.pointee.locals,
                                              builtins: frame.pointee.builtins)
                decref(sp[0]); decref(sp[1])
                if m.isNull { break dispatch }
                sp.pointee = m
                sp += 1
            case 109: // IMPORT_FROM
                let r = importFrom((sp - 1).pointee, names[oparg])
                if r.isNull { break dispatch }
                sp.pointee = r
                sp += 1
            case 84: // IMPORT_STAR
                sp -= 1
                let locals = frame.pointee.locals
                if locals.isNull {
                    decref(sp.pointee)
                    raise(exceptionTypeNamed("SystemError", or: runtimeErrorType), "no locals found during 'import *'")
                    break dispatch
                }
                let ok = importStar(locals, sp.pointee)
                decref(sp.pointee)
                if !ok { break dispatch }
            case 104: // BUILD_SET
                sp -= oparg
                let s = newSetFrom(sp, oparg)
                if s.isNull { break dispatch }
                sp.pointee = s
                sp += 1
            case 146: // SET_ADD
                sp -= 1
                if !isAnySet((sp - oparg).pointee) { decref(sp.pointee); raise(runtimeErrorType, "SET_ADD on a non-set"); break dispatch }
                let r = setAdd((sp - oparg).pointee, sp.pointee)
                decref(sp.pointee)
                if r < 0 { break dispatch }
            case 163: // SET_UPDATE
                sp -= 1
                if !isAnySet((sp - oparg).pointee) { decref(sp.pointee); raise(runtimeErrorType, "SET_UPDATE on a non-set"); break dispatch }
                let ok = setUpdate((sp - oparg).pointee, sp.pointee)
                decref(sp.pointee)
                if !ok { break dispatch }
            case 53, 52: // BEFORE_WITH, BEFORE_ASYNC_WITH
                let mgr = (sp - 1).pointee
                let isAsync = word & 0xff == 52
                let enter = lookupSpecial(mgr, isAsync ? "__aenter__" : "__enter__")
                let proto = isAsync ? "asynchronous context manager" : "context manager"
                if enter.isNull {
                    if curExc.isNull { raise(typeErrorType, "'\(typeName(mgr))' object does not support the \(proto) protocol") }
                    break dispatch
                }
                let exit = lookupSpecial(mgr, isAsync ? "__aexit__" : "__exit__")
                if exit.isNull {
                    decref(enter)
                    if curExc.isNull { raise(typeErrorType, "'\(typeName(mgr))' object does not support the \(proto) protocol (missed __\(isAsync ? "a" : "")exit__ method)") }
                    break dispatch
                }
                (sp - 1).pointee = exit
                decref(mgr)
                let r = callObject(enter, [])
                decref(enter)
                if r.isNull { break dispatch }
                sp.pointee = r
                sp += 1
            case 49: // WITH_EXCEPT_START
                let exitFn = (sp - 4).pointee
                let val = (sp - 1).pointee
                let tp = val.type.asValue
                let r = callObject(exitFn, [tp, val, pyNone])
                if r.isNull { break dispatch }
                sp.pointee = r
                sp += 1
            default:
                // CACHE, NOP, RESUME: handled here rather than as cases, so the switch stays one jump table
                // without compare-and-branch tests for them before it on every instruction.
                let op = word & 0xff
                if op == 0 || op == 9 { continue }
                if op == 151 {  // RESUME checks the eval breaker (Ctrl-C, Signals.swift)
                    if sigintPending != 0 && !checkSignals() { break dispatch }
                    continue
                }
                raise(notImplementedErrorType, "opcode \(Opcode.baseNames[Int(word & 0xff)]) is not supported yet")
                break dispatch
            }
        }

        }
        // MARK: error — unwind through the exception table (CPython: error / exception_unwind / exit_unwind)
        kwnames = .null
        frame.pointee.instr = lastiOverride >= 0 ? lastiOverride : thisInstr - first
        lastiOverride = -1
        var lookup = thisInstr - first
        if !reraising { addTraceback(curExc, frame) }
        reraising = false
        while true {
            if let h = findHandler(code, lookup) {
                let target = stackBase + h.depth
                while sp > target { sp -= 1; xdecref(sp.pointee) }
                if h.lasti { sp.pointee = makeInt(frame.pointee.instr); sp += 1 }
                var exc = fetchException()
                if exc.isNull { exc = newRef(pyNone) }
                sp.pointee = exc
                sp += 1
                ip = first + h.target / 2
                continue mainLoop
            }
            while sp > stackBase { sp -= 1; xdecref(sp.pointee) }
            frame.pointee.stackDepth = 0
            let prev = frame.pointee.previous
            let wasEntry = frame == entry
            popFrame(frame)
            if wasEntry { return .null }
            frame = prev.unsafelyUnwrapped
            code = frame.pointee.code
            first = code.pointee.units
            localsplus = frame.pointee.localsplus
            stackBase = localsplus + code.pointee.nlocalsplus
            sp = stackBase + frame.pointee.stackDepth
            frame.pointee.stackDepth = 0
            consts = code.pointee.consts
            names = code.pointee.names
            caches = code.pointee.caches ?? UnsafeMutablePointer<InlineCacheEntry>(bitPattern: 8).unsafelyUnwrapped
            thisInstr = first + frame.pointee.instr
            lookup = frame.pointee.instr
            addTraceback(curExc, frame)
        }
    }
}

/// The operands of a float comparison as doubles: two floats, or a float and a small int below 2**53 in magnitude
/// (exactly representable, so the comparison is CPython's float_richcompare result). nil otherwise.
@inline(__always) func floatComparands(_ a: PyValue, _ b: PyValue) -> (Double, Double)? {
    let aF = a.raw & 1 == 0 && a.obj.pointee.type == floatType
    let bF = b.raw & 1 == 0 && b.obj.pointee.type == floatType
    if aF {
        if bF { return (floatValue(a), floatValue(b)) }
        if b.raw & 1 != 0 && Swift.abs(b.smallInt) <= 1 << 53 { return (floatValue(a), Double(b.smallInt)) }
    } else if bF && a.raw & 1 != 0 && Swift.abs(a.smallInt) <= 1 << 53 {
        return (Double(a.smallInt), floatValue(b))
    }
    return nil
}

/// LOAD_FAST and its superinstructions, DELETE_FAST: out of line, so the loop keeps one call per site instead of
/// seven inlined copies of the message's string building.
@inline(never)
func raiseUnboundLocal(_ code: UnsafeMutablePointer<CodeObj>, _ i: Int) {
    raise(unboundLocalErrorType, "cannot access local variable '\(strSwift(code.pointee.localsNames[i]))' where it is not associated with a value")
}

func raiseUnboundDeref(_ code: UnsafeMutablePointer<CodeObj>, _ i: Int) {
    let name = strSwift(code.pointee.localsNames[i])
    if code.pointee.localsKinds[i] & 0x80 != 0 && code.pointee.localsKinds[i] & 0x20 == 0 {
        raise(nameErrorType, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    } else {
        raiseUnboundLocal(code, i)
    }
}

/// Re-raise keeping the exception's own context (RERAISE, bare `raise`).
func setExceptionNoContext(_ exc: PyValue) {
    xdecref(curExc)
    curExc = exc
}

/// `raise exc [from cause]` (CPython: do_raise). Consumes exc and cause.
func doRaise(_ excArg: PyValue, _ causeArg: PyValue) {
    var exc = excArg
    if exc.type == typeType || exc.type.pointee.flags & TypeFlag.typeSubclass != 0 {
        let t = TypePtr(bitPattern: exc.raw).unsafelyUnwrapped
        if !isSubtype(t, baseExceptionType) {
            decref(exc); xdecref(causeArg)
            raise(typeErrorType, "exceptions must derive from BaseException")
            return
        }
        let inst = callObject(exc, [])
        decref(exc)
        if inst.isNull { xdecref(causeArg); return }
        if !isInstance(inst, baseExceptionType) {
            raise(typeErrorType, "calling \(t.pointee.name) should have returned an instance of BaseException, not \(typeName(inst))")
            decref(inst); xdecref(causeArg)
            return
        }
        exc = inst
    } else if !isInstance(exc, baseExceptionType) {
        decref(exc); xdecref(causeArg)
        raise(typeErrorType, "exceptions must derive from BaseException")
        return
    }
    if !causeArg.isNull {
        var cause = causeArg
        if cause.type == typeType {
            let t = TypePtr(bitPattern: cause.raw).unsafelyUnwrapped
            if isSubtype(t, baseExceptionType) {
                let inst = callObject(cause, [])
                decref(cause)
                if inst.isNull { decref(exc); return }
                cause = inst
            }
        }
        if cause != pyNone && !isInstance(cause, baseExceptionType) {
            decref(exc); decref(cause)
            raise(typeErrorType, "exception causes must derive from BaseException")
            return
        }
        let e = exc.payload(ExceptionObject.self)
        xdecref(e.pointee.cause)
        e.pointee.cause = cause == pyNone ? .null : cause
        if cause == pyNone { decref(cause) }
        e.pointee.suppressContext = true
    }
    setException(exc)
}

/// CHECK_EXC_MATCH's validation of the `except` expression.
func checkExceptionClass(_ right: PyValue) -> Bool {
    if right.type == tupleType {
        for i in 0..<tupleCount(right) where !isExceptionClass(tupleItem(right, i)) {
            raise(typeErrorType, "catching classes that do not inherit from BaseException is not allowed")
            return false
        }
        return true
    }
    if !isExceptionClass(right) {
        raise(typeErrorType, "catching classes that do not inherit from BaseException is not allowed")
        return false
    }
    return true
}

func isExceptionClass(_ v: PyValue) -> Bool {
    guard v.type == typeType || v.type.pointee.flags & TypeFlag.typeSubclass != 0 else { return false }
    return isSubtype(TypePtr(bitPattern: v.raw).unsafelyUnwrapped, baseExceptionType)
}

func exceptionMatchesClass(_ exc: PyValue, _ cls: PyValue) -> Bool {
    if cls.type == tupleType {
        for i in 0..<tupleCount(cls) where exceptionMatchesClass(exc, tupleItem(cls, i)) { return true }
        return false
    }
    return isInstance(exc, TypePtr(bitPattern: cls.raw).unsafelyUnwrapped)
}

/// Unpacks an iterable into `out` in stack order (last item lowest... CPython: unpack_iterable). `after` < 0 means
/// exactly `before` items; otherwise a list of the middle goes between.
func unpackIterable(_ seq: PyValue, _ before: Int, _ after: Int, _ out: UnsafeMutablePointer<PyValue>) -> Bool {
    let it = getIterQuiet(seq)
    if it.isNull {
        if curExc.isNull { raise(typeErrorType, "cannot unpack non-iterable \(typeName(seq)) object") }
        return false
    }
    defer { decref(it) }
    var items: [PyValue] = []
    while true {
        let x = iterNext(it)
        if x.isNull {
            if !curExc.isNull { for y in items { decref(y) }; return false }
            break
        }
        items.append(x)
        if after < 0 && items.count > before {
            for y in items { decref(y) }
            raise(valueErrorType, "too many values to unpack (expected \(before))")
            return false
        }
    }
    if after < 0 {
        if items.count < before {
            for y in items { decref(y) }
            raise(valueErrorType, "not enough values to unpack (expected \(before), got \(items.count))")
            return false
        }
        for i in 0..<before { out[i] = items[before - 1 - i] }
        return true
    }
    if items.count < before + after {
        for y in items { decref(y) }
        raise(valueErrorType, "not enough values to unpack (expected at least \(before + after), got \(items.count))")
        return false
    }
    let middle = newList(Array(items[before..<(items.count - after)]))
    var ordered = Array(items[0..<before]) + [middle] + Array(items[(items.count - after)...])
    ordered.reverse()
    for (i, x) in ordered.enumerated() { out[i] = x }
    return true
}

/// A description of a callable for messages: `f()`, `C.m()`.
func callableName(_ f: PyValue) -> String {
    if f.type == functionType { return strSwift(f.payload(FunctionObject.self).pointee.qualname) + "()" }
    if f.type == builtinFunctionType || f.type == methodDescriptorType {
        return strSwift(f.payload(BuiltinFunctionObject.self).pointee.name) + "()"
    }
    if f.type == methodType { return callableName(f.payload(MethodObject.self).pointee.function) }
    if f.type == typeType { return TypePtr(bitPattern: f.raw)!.pointee.name + "()" }
    return typeName(f) + " object"
}

/// f(*args, **kwargs) with args a tuple and kwargs a dict or NULL.
func callWithTupleAndDict(_ f: PyValue, _ args: PyValue, _ kwargs: PyValue) -> PyValue {
    let n = tupleCount(args)
    var words: [UInt] = (0..<n).map { tupleItem(args, $0).raw }
    var kwnames = PyValue.null
    if !kwargs.isNull && dictCount(kwargs) > 0 {
        var names: [PyValue] = []
        var pos = 0
        while let e = dictNext(kwargs, &pos) {
            if e.key.type != strType {
                return raise(typeErrorType, "keywords must be strings")
            }
            names.append(newRef(e.key))
            words.append(e.value.raw)
        }
        kwnames = newTuple(names)
    }
    defer { xdecref(kwnames) }
    return words.withUnsafeBufferPointer { buf in callObject(f, buf.baseAddress, n, kwnames.raw) }
}

/// LOAD_METHOD's lookup (CPython: _PyObject_GetMethod): (unbound function, true) when the attribute is a plain
/// method found on the type and not shadowed by the instance dict, else (bound attribute, false).
func getMethod(_ obj: PyValue, _ name: PyValue) -> (PyValue, Bool) {
    let t = obj.type
    if t.pointee.getattro == nil || unsafeBitCast(t.pointee.getattro!, to: UInt.self) == unsafeBitCast(objectType.pointee.getattro!, to: UInt.self) {
        let descr = typeLookup(t, name)
        if !descr.isNull {
            let dt = descr.type
            if dt == functionType || dt == methodDescriptorType {
                if let slot = instanceDictSlot(obj), !slot.pointee.isNull {
                    let r = dictGetItemStr(slot.pointee, name)
                    if !r.isNull { return (newRef(r), false) }
                }
                return (newRef(descr), true)
            }
        }
    }
    return (getAttr(obj, name), false)
}
