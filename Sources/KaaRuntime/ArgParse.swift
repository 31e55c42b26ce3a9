/// Binding of a built-in's positional and keyword arguments to its parameter names, with the messages of
/// CPython's Argument Clinic parsers (Python/getargs.c: _PyArg_UnpackKeywords).

extension Args {
    /// Returns one borrowed value per name (NULL when not given), or nil with TypeError set.
    /// `posOnly`: how many leading parameters are positional-only; `kwOnlyFrom`: index of the first keyword-only one.
    func bind(_ fname: String, _ names: [String], required: Int, posOnly: Int = 0,
              kwOnlyFrom: Int? = nil) -> [PyValue]? {
        let maxPos = kwOnlyFrom ?? names.count
        if n > maxPos {
            let what = kwOnlyFrom != nil ? " positional" : ""
            if maxPos == 0 {
                raise(typeErrorType, "\(fname)() takes no positional arguments")
            } else {
                let how = required == maxPos ? "exactly" : "at most"
                raise(typeErrorType, "\(fname)() takes \(how) \(maxPos)\(what) argument\(maxPos == 1 ? "" : "s") (\(n) given)")
            }
            return nil
        }
        var out = [PyValue](repeating: .null, count: names.count)
        for i in 0..<n { out[i] = self[i] }
        for k in 0..<kwCount {
            let key = strSwift(tupleItem(kw, k))
            guard let idx = names.firstIndex(of: key), idx >= posOnly else {
                raise(typeErrorType, "\(fname)() got an unexpected keyword argument '\(key)'")
                return nil
            }
            if !out[idx].isNull {
                raise(typeErrorType, "argument for \(fname)() given by name ('\(key)') and position (\(idx + 1))")
                return nil
            }
            out[idx] = self[n + k]
        }
        for i in 0..<required where out[i].isNull {
            if i < posOnly || kwCount == 0 && i >= n && required <= maxPos {
                let given = n
                if required == names.count && required == 1 {
                    raise(typeErrorType, "\(fname)() takes exactly one argument (\(given) given)")
                } else {
                    raise(typeErrorType, "\(fname)() missing required argument '\(names[i])' (pos \(i + 1))")
                }
            } else {
                raise(typeErrorType, "\(fname)() missing required argument '\(names[i])' (pos \(i + 1))")
            }
            return nil
        }
        return out
    }
}

/// Adds a read-only attribute computed by `fn` (called with the instance as its one argument) to a built-in type,
/// as CPython's getset descriptors (`int.real`, `float.imag`, `memoryview.nbytes`).
func addGetter(_ t: TypePtr, _ name: String, _ fn: BuiltinFn) {
    let g = newBuiltin(name, fn)
    let p = newWrapper(propertyType, g)
    decref(g)
    p.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr(name), p)
}

/// Adds a class method (`int.from_bytes`, `float.fromhex`, `bytes.fromhex`): `fn` receives the class as args[0].
func addClassMethod(_ t: TypePtr, _ name: String, _ fn: BuiltinFn) {
    let f = newBuiltin(name, fn)
    let cm = newWrapper(classMethodType, f)
    decref(f)
    cm.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr(name), cm)
}

/// Adds a static method (`str.maketrans`, `bytes.maketrans`).
func addStaticMethod(_ t: TypePtr, _ name: String, _ fn: BuiltinFn) {
    let f = newBuiltin(name, fn)
    let sm = newWrapper(staticMethodType, f)
    decref(f)
    sm.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr(name), sm)
}
