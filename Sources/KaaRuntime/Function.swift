/// Callables: Python functions, cells, bound methods, built-in functions and method descriptors, and the
/// property/classmethod/staticmethod descriptors.

struct FunctionObject {
    var header: PyObject
    var dict: PyValue
    var code: PyValue
    var globals: PyValue
    var builtins: PyValue
    var name: PyValue
    var qualname: PyValue
    var defaults: PyValue
    var kwdefaults: PyValue
    var closure: PyValue
    var annotations: PyValue
    var module: PyValue
    var doc: PyValue
}

struct CellObject {
    var header: PyObject
    var ref: PyValue
}

struct MethodObject {
    var header: PyObject
    var function: PyValue
    var selfObj: PyValue
}

/// The Swift implementation of a built-in: (self or NULL, args, nargs, kwnames) → result.
package typealias BuiltinFn = @convention(c) (Word, UnsafePointer<UInt>?, Int, Word) -> Word

struct BuiltinFunctionObject {
    var header: PyObject
    var name: PyValue
    /// Bound `self` (a built-in method), or NULL for a plain built-in function.
    var selfObj: PyValue
    var fn: BuiltinFn
    /// The type that defines a method descriptor (for messages), or nil.
    var owner: TypePtr?
}

/// A descriptor wrapping another callable (property: fget/fset/fdel; classmethod/staticmethod: the function).
struct WrapperObject {
    var header: PyObject
    var dict: PyValue
    var a: PyValue
    var b: PyValue
    var c: PyValue
    var doc: PyValue
}

func functionDealloc(_ w: Word) {
    let f = PyValue(raw: w).payload(FunctionObject.self)
    xdecref(f.pointee.dict); decref(f.pointee.code); decref(f.pointee.globals); decref(f.pointee.builtins)
    decref(f.pointee.name); decref(f.pointee.qualname); xdecref(f.pointee.defaults); xdecref(f.pointee.kwdefaults)
    xdecref(f.pointee.closure); xdecref(f.pointee.annotations); xdecref(f.pointee.module); xdecref(f.pointee.doc)
    freeObject(w)
}

func newFunction(code: PyValue, globals: PyValue, builtins: PyValue, qualname: PyValue) -> PyValue {
    let p = allocObject(FunctionObject.self, functionType)
    let c = code.payload(CodeObj.self)
    p.pointee.dict = .null
    p.pointee.code = newRef(code)
    p.pointee.globals = newRef(globals)
    p.pointee.builtins = newRef(builtins)
    p.pointee.name = newRef(c.pointee.name)
    p.pointee.qualname = newRef(qualname)
    p.pointee.defaults = .null
    p.pointee.kwdefaults = .null
    p.pointee.closure = .null
    p.pointee.annotations = .null
    let mod = dictGetItemStr(globals, internStr("__name__"))
    p.pointee.module = mod.isNull ? .null : newRef(mod)
    // The docstring is co_consts[0] when it is a str (3.11 compilers put it there).
    if c.pointee.nconsts > 0 && c.pointee.consts[0].type == strType && c.pointee.flags & 0x1 != 0 {
        p.pointee.doc = newRef(c.pointee.consts[0])
    } else {
        p.pointee.doc = newRef(pyNone)
    }
    return PyValue(raw: UInt(bitPattern: p))
}

func cellDealloc(_ w: Word) {
    xdecref(PyValue(raw: w).payload(CellObject.self).pointee.ref)
    freeObject(w)
}

func newCell(_ v: PyValue) -> PyValue {
    let p = allocObject(CellObject.self, cellType)
    p.pointee.ref = v
    return PyValue(raw: UInt(bitPattern: p))
}

func methodDealloc(_ w: Word) {
    let m = PyValue(raw: w).payload(MethodObject.self)
    decref(m.pointee.function); decref(m.pointee.selfObj)
    freeObject(w)
}

func newMethod(_ f: PyValue, _ s: PyValue) -> PyValue {
    let p = allocObject(MethodObject.self, methodType)
    p.pointee.function = newRef(f)
    p.pointee.selfObj = newRef(s)
    return PyValue(raw: UInt(bitPattern: p))
}

func builtinDealloc(_ w: Word) {
    let b = PyValue(raw: w).payload(BuiltinFunctionObject.self)
    xdecref(b.pointee.selfObj)
    freeObject(w)
}

package func newBuiltin(_ name: String, _ fn: BuiltinFn, selfObj: PyValue = .null, owner: TypePtr? = nil,
                type: TypePtr? = nil) -> PyValue {
    let p = allocObject(BuiltinFunctionObject.self, type ?? builtinFunctionType)
    p.pointee.name = internStr(name)
    xincref(selfObj)
    p.pointee.selfObj = selfObj
    p.pointee.fn = fn
    p.pointee.owner = owner
    return PyValue(raw: UInt(bitPattern: p))
}

/// Adds a method (a method descriptor) to a built-in type's dict.
func addMethod(_ t: TypePtr, _ name: String, _ fn: BuiltinFn) {
    let d = newBuiltin(name, fn, owner: t, type: methodDescriptorType)
    d.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr(name), d)
    decref(d)
}

func wrapperDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(WrapperObject.self)
    xdecref(p.pointee.dict); xdecref(p.pointee.a); xdecref(p.pointee.b); xdecref(p.pointee.c); xdecref(p.pointee.doc)
    freeObject(w)
}

func newWrapper(_ type: TypePtr, _ a: PyValue, _ b: PyValue = .null, _ c: PyValue = .null) -> PyValue {
    let p = allocObject(WrapperObject.self, type)
    xincref(a); xincref(b); xincref(c)
    p.pointee.dict = .null
    p.pointee.a = a; p.pointee.b = b; p.pointee.c = c
    p.pointee.doc = .null
    return PyValue(raw: UInt(bitPattern: p))
}

/// Binds positional/keyword arguments into a new frame's locals (CPython: initialize_locals). Arguments are
/// borrowed; locals get new references. Returns false with TypeError.
func bindArguments(_ fn: UnsafeMutablePointer<FunctionObject>, _ code: UnsafeMutablePointer<CodeObj>,
                   _ locals: UnsafeMutablePointer<PyValue>, _ args: UnsafePointer<UInt>?, _ nargs: Int,
                   _ kwnames: PyValue) -> Bool {
    let co = code.pointee
    let argCount = co.argCount
    let total = argCount + co.kwOnlyArgCount
    let hasVarargs = co.flags & 0x4 != 0
    let hasVarkw = co.flags & 0x8 != 0
    var kwdict = PyValue.null
    if hasVarkw {
        kwdict = newDict()
        locals[total + (hasVarargs ? 1 : 0)] = kwdict
    }
    let n = min(nargs, argCount)
    for i in 0..<n { let v = PyValue(raw: args.unsafelyUnwrapped[i]); incref(v); locals[i] = v }
    if hasVarargs {
        let extra = max(0, nargs - argCount)
        let t = allocTuple(extra)
        for i in 0..<extra { let v = PyValue(raw: args.unsafelyUnwrapped[argCount + i]); incref(v); tupleItems(t)[i] = v }
        locals[total] = t
    } else if nargs > argCount {
        return tooManyPositional(fn, code, locals, nargs, kwnames)
    }
    var funcName: String { strSwift(fn.pointee.qualname) }
    if !kwnames.isNull {
        let nk = tupleCount(kwnames)
        for k in 0..<nk {
            let name = tupleItem(kwnames, k)
            let value = PyValue(raw: args.unsafelyUnwrapped[nargs + k])
            var found = -1
            for j in co.posOnlyArgCount..<total where strEquals(co.localsNames[j], name) { found = j; break }
            if found < 0 {
                if !kwdict.isNull {
                    if dictSetItem(kwdict, name, value) < 0 { return false }
                    continue
                }
                var posOnly = false
                for j in 0..<co.posOnlyArgCount where strEquals(co.localsNames[j], name) { posOnly = true }
                if posOnly {
                    raise(typeErrorType, "\(funcName)() got some positional-only arguments passed as keyword arguments: '\(strSwift(name))'")
                    return false
                }
                raise(typeErrorType, "\(funcName)() got an unexpected keyword argument '\(strSwift(name))'")
                return false
            }
            if !locals[found].isNull {
                raise(typeErrorType, "\(funcName)() got multiple values for argument '\(strSwift(name))'")
                return false
            }
            incref(value)
            locals[found] = value
        }
    }
    // Defaults for missing positional parameters.
    if nargs < argCount {
        let defaults = fn.pointee.defaults
        let nd = defaults.isNull ? 0 : tupleCount(defaults)
        let firstDefault = argCount - nd
        var missing: [String] = []
        for i in nargs..<argCount where locals[i].isNull {
            if i >= firstDefault { locals[i] = newRef(tupleItem(defaults, i - firstDefault)) }
            else { missing.append(strSwift(co.localsNames[i])) }
        }
        if !missing.isEmpty {
            raise(typeErrorType, "\(funcName)() missing \(missing.count) required positional argument\(missing.count > 1 ? "s" : ""): \(nameList(missing))")
            return false
        }
    }
    if co.kwOnlyArgCount > 0 {
        var missing: [String] = []
        for i in argCount..<total where locals[i].isNull {
            let kwd = fn.pointee.kwdefaults
            let d = kwd.isNull ? PyValue.null : dictGetItemStr(kwd, co.localsNames[i])
            if !d.isNull { locals[i] = newRef(d) } else { missing.append(strSwift(co.localsNames[i])) }
        }
        if !missing.isEmpty {
            raise(typeErrorType, "\(funcName)() missing \(missing.count) required keyword-only argument\(missing.count > 1 ? "s" : ""): \(nameList(missing))")
            return false
        }
    }
    return true
}

func nameList(_ names: [String]) -> String {
    let q = names.map { "'\($0)'" }
    if q.count == 1 { return q[0] }
    if q.count == 2 { return q[0] + " and " + q[1] }
    return q.dropLast().joined(separator: ", ") + ", and " + q.last!
}

func tooManyPositional(_ fn: UnsafeMutablePointer<FunctionObject>, _ code: UnsafeMutablePointer<CodeObj>,
                       _ locals: UnsafeMutablePointer<PyValue>, _ nargs: Int, _ kwnames: PyValue) -> Bool {
    let co = code.pointee
    let defaults = fn.pointee.defaults
    let nd = defaults.isNull ? 0 : tupleCount(defaults)
    let funcName = strSwift(fn.pointee.qualname)
    var kwonlyGiven = 0
    if !kwnames.isNull {
        for k in 0..<tupleCount(kwnames) {
            for j in co.argCount..<(co.argCount + co.kwOnlyArgCount) where strEquals(co.localsNames[j], tupleItem(kwnames, k)) { kwonlyGiven += 1 }
        }
    }
    let takes: String
    if nd > 0 { takes = "from \(co.argCount - nd) to \(co.argCount) positional arguments" }
    else { takes = "\(co.argCount) positional argument\(co.argCount == 1 ? "" : "s")" }
    var given = "\(nargs)"
    if kwonlyGiven > 0 {
        given = "\(nargs) positional argument\(nargs == 1 ? "" : "s") (and \(kwonlyGiven) keyword-only argument\(kwonlyGiven == 1 ? "" : "s"))"
    }
    raise(typeErrorType, "\(funcName)() takes \(takes) but \(given) \(nargs == 1 && kwonlyGiven == 0 ? "was" : "were") given")
    return false
}
