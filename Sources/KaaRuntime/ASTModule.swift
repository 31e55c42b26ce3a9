import BigInt
import KaaCompiler
import KaaCore
import KaaSyntax

/// The `_ast` module: the AST classes (CPython: Python/Python-ast.c). It lives in the runtime, not in KaaStdlib,
/// for the reason CPython keeps Python-ast.c in Python/ and not in Modules/: compile() itself converts between the
/// front end's tree and these objects (PyCF_ONLY_AST; compile(tree)), so the builtins need the classes directly.
/// The class table and both conversions are generated (ASTModule+Nodes.swift); this file creates the classes and
/// holds the conversions' leaf helpers. The classes are made on first use (`import _ast` or compile()).

/// One `_ast` class as `make_type` and `add_attributes` create it.
struct ASTClassSpec {
    let name: String
    let base: ASTNodeClass?
    let fields: [String]
    /// `_attributes`, when the class sets its own (the abstract sums and the products).
    let attributes: [String]?
    /// Class attributes set to None: the optional (`?`) fields and attributes.
    let defaults: [String]
    let doc: String?
}

/// The class objects, indexed by `ASTNodeClass.rawValue` (empty until `installASTClasses`).
nonisolated(unsafe) var astClasses: [PyValue] = []
/// The one instance of each operator/context class that ast2obj hands out (CPython: Load_singleton…).
nonisolated(unsafe) var astSingletons: [PyValue] = []
/// Interned `_fields` and `_attributes` names per class (attributes inherited from the sum).
nonisolated(unsafe) var astFieldNames: [[PyValue]] = []
nonisolated(unsafe) var astAttributeNames: [[PyValue]] = []

/// The interned names of `ASTField`, by raw value.
nonisolated(unsafe) var astLookupNames: [PyValue] = []

/// The classes as type pointers, to recognise an exact `_ast` instance quickly.
nonisolated(unsafe) var astExactTypes: Set<UInt> = []

/// The `AST` base class, or nil before the classes exist.
func astBaseType() -> TypePtr? { astClasses.isEmpty ? nil : asType(astClasses[0]) }

/// Creates the classes once; false with an exception set if that failed. (CPython: init_types)
@discardableResult
func installASTClasses() -> Bool {
    if !astClasses.isEmpty { return true }
    var made: [PyValue] = []
    for spec in astClassSpecs {
        let ns = newDict()
        func put(_ k: String, _ v: PyValue) { _ = dictSetItem(ns, internStr(k), v); decref(v) }
        let fields = newTuple(spec.fields.map { newStr($0) })
        put("_fields", newRef(fields))
        put("__match_args__", fields)
        put("__module__", newStr("ast"))
        if let doc = spec.doc { put("__doc__", newStr(doc)) }
        if spec.base == nil {
            put("_attributes", newTuple([]))
            // AST instances have a __dict__ but no weak references (its subclasses add __weakref__).
            put("__slots__", newTuple([newStr("__dict__")]))
        }
        let base = spec.base.map { made[$0.rawValue] } ?? objectType.asValue
        let bases = newTuple([newRef(base)])
        let name = newStr(spec.name)
        let cls = makeClass(name, bases, ns)
        decref(name); decref(bases); decref(ns)
        if cls.isNull { return false }
        cls.obj.pointee.refcount = immortalRefcount
        if let attrs = spec.attributes {
            let t = newTuple(attrs.map { newStr($0) })
            let r = setAttr(cls, internStr("_attributes"), t)
            decref(t)
            if r < 0 { return false }
        }
        for d in spec.defaults where setAttr(cls, internStr(d), pyNone) < 0 { return false }
        if spec.base == nil {
            if setAttr(cls, internStr("__slots__"), .null) < 0 { return false }
            let t = asType(cls)
            for (n, fn) in [("__init__", astInit as BuiltinFn), ("__reduce__", astReduce as BuiltinFn)] {
                let d = newBuiltin(n, fn, owner: t, type: methodDescriptorType)
                let r = setAttr(cls, internStr(n), d)
                decref(d)
                if r < 0 { return false }
            }
        }
        made.append(cls)
    }
    astClasses = made
    astLookupNames = ASTField.allCases.map { internStr(String(describing: $0)) }
    astExactTypes = Set(made.map { UInt(bitPattern: asType($0)) })
    astFieldNames = astClassSpecs.map { $0.fields.map { internStr($0) } }
    astAttributeNames = astClassSpecs.map { spec in
        var s: ASTClassSpec? = spec
        while let c = s {
            if let a = c.attributes { return a.map { internStr($0) } }
            s = c.base.map { astClassSpecs[$0.rawValue] }
        }
        return []
    }
    astSingletons = ASTNodeClass.allCases.map { c in
        let spec = astClassSpecs[c.rawValue]
        guard let base = spec.base, ["expr_context", "boolop", "operator", "unaryop", "cmpop"]
            .contains(astClassSpecs[base.rawValue].name) else { return .null }
        let v = callObject(astClasses[c.rawValue], [])
        if !v.isNull { v.obj.pointee.refcount = immortalRefcount }
        return v
    }
    return true
}

/// `import _ast`: the classes and the PyCF_* flags. (CPython: astmodule_exec)
func makeASTModule() -> PyValue {
    guard installASTClasses() else { return .null }
    let m = newModule("_ast")
    for (i, spec) in astClassSpecs.enumerated() { moduleAdd(m, spec.name, newRef(astClasses[i])) }
    moduleAdd(m, "PyCF_ONLY_AST", makeInt(CompileFlag.onlyAST))
    moduleAdd(m, "PyCF_TYPE_COMMENTS", makeInt(CompileFlag.typeComments))
    moduleAdd(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", makeInt(CompileFlag.allowTopLevelAwait))
    return m
}

/// AST.__init__(*args, **kwargs): positional arguments fill `_fields` in order, keywords set any attribute; a
/// missing field stays unset (3.11 has no defaults). (CPython 3.11: ast_type_init)
private func astInit(_ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    let me = PyValue(raw: s)
    let t = me.type
    var fields: [PyValue] = []
    let f = lookupAttrOptional(t.asValue, internStr("_fields"))
    if f.isNull && !curExc.isNull { return 0 }
    if !f.isNull {
        defer { decref(f) }
        if objectLength(f) < 0 { return 0 }  // PySequence_Size: "object of type 'int' has no len()"
        guard let items = collectIterable(f) else { return 0 }
        fields = items
    }
    defer { for v in fields { decref(v) } }
    if n > fields.count {
        return raise(typeErrorType, "\(t.pointee.name) constructor takes at most \(fields.count) positional "
                     + "argument\(fields.count == 1 ? "" : "s")").raw
    }
    for i in 0..<n where setAttr(me, fields[i], a[i]) < 0 { return 0 }
    for k in 0..<a.kwCount {
        let key = tupleItem(a.kw, k)
        for (i, name) in fields.enumerated() {
            let eq = richCompareBool(name, key, 2)
            if eq < 0 { return 0 }
            if eq == 1 {
                if i < n {
                    return raise(typeErrorType, "\(t.pointee.name) got multiple values for argument '\(strSwift(key))'").raw
                }
                break
            }
        }
        if setAttr(me, key, a[n + k]) < 0 { return 0 }
    }
    return newRef(pyNone).raw
}

/// AST.__reduce__(): `(type(self), (), self.__dict__)`. (CPython: ast_type_reduce)
private func astReduce(_ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let me = PyValue(raw: s)
    let d = lookupAttrOptional(me, internStr("__dict__"))
    if d.isNull {
        if !curExc.isNull { return 0 }
        return newTuple([newRef(me.type.asValue), newTuple([])]).raw
    }
    return newTuple([newRef(me.type.asValue), newTuple([]), d]).raw
}

// MARK: - ast2obj: the front end's tree as `_ast` objects

/// CPython: ast2obj_mod and the ast2obj_* functions it calls. Every function returns a new reference.
enum ASTToObject {
    /// A new node of class `c` with its fields (stolen references) and, when given, its position attributes.
    /// As CPython's ast2obj: PyType_GenericNew, then the fields and attributes stored in order (here straight into
    /// the instance dict: no class of the module defines a descriptor for them).
    static func node(_ c: ASTNodeClass, _ values: [PyValue], _ range: SourceRange?) -> PyValue {
        let o = PyValue(raw: objectNew(astClasses[c.rawValue].raw, nil, 0, 0))
        guard !o.isNull, let slot = instanceDictSlot(o) else {
            for v in values { decref(v) }
            return o
        }
        let d = newDict()
        slot.pointee = d
        let names = astFieldNames[c.rawValue]
        for (i, v) in values.enumerated() {
            _ = dictSetItem(d, names[i], v)
            decref(v)
        }
        if let r = range {
            let attrs = astAttributeNames[c.rawValue]
            if attrs.count == 4 {
                _ = dictSetItem(d, attrs[0], makeInt(r.lineno))
                _ = dictSetItem(d, attrs[1], makeInt(r.colOffset))
                _ = dictSetItem(d, attrs[2], makeInt(r.endLineno))
                _ = dictSetItem(d, attrs[3], makeInt(r.endColOffset))
            }
        }
        return o
    }
    static func singleton(_ c: ASTNodeClass) -> PyValue { newRef(astSingletons[c.rawValue]) }
    static func str(_ s: String) -> PyValue { newStr(s) }
    static func int(_ i: Int) -> PyValue { makeInt(i) }
    static func optional<T>(_ v: T?, _ f: (T) -> PyValue) -> PyValue { v.map(f) ?? newRef(pyNone) }
    static func list<T>(_ items: [T], _ f: (T) -> PyValue) -> PyValue { newList(items.map(f)) }
    static func constant(_ c: ConstantValue) -> PyValue {
        switch c {
        case .none: return newRef(pyNone)
        case .ellipsis: return newRef(pyEllipsis)
        case .bool(let b): return newRef(makeBool(b))
        case .int(let i): return intFromBig(i)
        case .float(let d): return newFloat(d)
        case .complex(let re, let im): return newComplex(re, im)
        case .str(let s): return newStr(s)
        case .bytes(let b): return newBytes(b)
        case .tuple(let items): return newTuple(items.map(constant))
        case .frozenset(let items): return newFrozenSet(items.map(constant))
        }
    }
}

/// The tree of a parsed module as `_ast` objects (new reference), or NULL with the exception set.
func astObject(_ mod: Mod) -> PyValue {
    guard installASTClasses() else { return .null }
    return ASTToObject.object(mod)
}

// MARK: - obj2ast: `_ast` objects to the front end's tree

/// A conversion stopped: the Python exception is set.
struct ASTObjectError: Error {}

/// CPython: obj2ast_mod and the obj2ast_* functions it calls. Values the Swift tree cannot hold but CPython's
/// validator reports later (None in a statement or expression list, a Constant of another type) become markers
/// that `validateAST` turns into CPython's errors.
enum ASTFromObject {
    nonisolated(unsafe) static var depth = 0
    /// Type names of invalid Constant values met so far; a marker constant holds an index into it.
    nonisolated(unsafe) static var invalidConstants: [String] = []

    static func fail(_ t: TypePtr, _ message: String) -> ASTObjectError {
        raise(t, message)
        return ASTObjectError()
    }
    static func reprString(_ o: PyValue) -> String {
        let r = objectRepr(o)
        if r.isNull { decref(fetchException()); return "<object>" }
        defer { decref(r) }
        return strSwift(r)
    }
    static func expected(_ what: String, _ o: PyValue) -> ASTObjectError {
        fail(typeErrorType, "expected some sort of \(what), but got \(reprString(o))")
    }
    /// CPython: the `_PyAST_X` constructors' check of a required field that was None.
    static func missing(_ field: String, _ owner: String) -> ASTObjectError {
        fail(valueErrorType, "field '\(field)' is required for \(owner)")
    }

    /// Converts one field under CPython's recursion guard: each conversion of a field, a list element or an
    /// attribute counts one level on top of the Python frames (CPython: _Py_EnterRecursiveCall(" while
    /// traversing 'X' node") around every obj2ast call of a field).
    static func nested<T>(_ what: String, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if recursionDepth + depth > recursionLimit {
            throw fail(recursionErrorType, "maximum recursion depth exceeded while traversing '\(what)' node")
        }
        return try body()
    }

    static func isInstance(_ o: PyValue, _ c: ASTNodeClass) throws -> Bool {
        // An instance of one of the module's own classes: its MRO answers (no __instancecheck__, no __class__).
        if astExactTypes.contains(UInt(bitPattern: o.type)) { return isSubtype(o.type, asType(astClasses[c.rawValue])) }
        let r = objectIsInstance(o, astClasses[c.rawValue])
        if r < 0 { throw ASTObjectError() }
        return r == 1
    }

    /// The attribute `name` of `o` (new reference), or nil when it has none.
    static func lookup(_ o: PyValue, _ field: ASTField) throws -> PyValue? {
        let name = astLookupNames[field.rawValue]
        let v = astExactTypes.contains(UInt(bitPattern: o.type)) ? genericGetAttrQuiet(o, name)
                                                                    : lookupAttrOptional(o, name)
        if v.isNull {
            if !curExc.isNull { throw ASTObjectError() }
            return nil
        }
        return v
    }
    static func required<T>(_ o: PyValue, _ name: ASTField, _ owner: String,
                            _ conv: (PyValue) throws -> T) throws -> T {
        guard let v = try lookup(o, name) else {
            throw fail(typeErrorType, "required field \"\(name)\" missing from \(owner)")
        }
        defer { decref(v) }
        return try nested(owner) { try conv(v) }
    }
    static func optional<T>(_ o: PyValue, _ name: ASTField, _ owner: String,
                            _ conv: (PyValue) throws -> T) throws -> T? {
        guard let v = try lookup(o, name) else { return nil }
        defer { decref(v) }
        if v == pyNone { return nil }
        return try nested(owner) { try conv(v) }
    }
    static func list<T>(_ o: PyValue, _ name: ASTField, _ owner: String,
                        _ conv: (PyValue) throws -> T) throws -> [T] {
        guard let v = try lookup(o, name) else {
            throw fail(typeErrorType, "required field \"\(name)\" missing from \(owner)")
        }
        defer { decref(v) }
        guard KaaRuntime.isInstance(v, listType) else {
            throw fail(typeErrorType, "\(owner) field \"\(name)\" must be a list, not a \(typeName(v))")
        }
        let n = listCount(v)
        var out: [T] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let item = newRef(listItems(v)[i])
            defer { decref(item) }
            out.append(try nested(owner) { try conv(item) })
            if listCount(v) != n {
                throw fail(runtimeErrorType, "\(owner) field \"\(name)\" changed size during iteration")
            }
        }
        return out
    }

    /// lineno, col_offset (required), end_lineno, end_col_offset (None or missing: the start, unless the ASDL
    /// declares them `int`, as for patterns).
    static func attributes(_ o: PyValue, _ owner: String, endRequired: Bool = false) throws -> SourceRange {
        let lineno = try required(o, .lineno, owner) { try int($0) }
        let col = try required(o, .col_offset, owner) { try int($0) }
        if endRequired {
            let endLineno = try required(o, .end_lineno, owner) { try int($0) }
            let endCol = try required(o, .end_col_offset, owner) { try int($0) }
            return SourceRange(lineno: lineno, colOffset: col, endLineno: endLineno, endColOffset: endCol)
        }
        let endLineno = try optional(o, .end_lineno, owner) { try int($0) } ?? lineno
        let endCol = try optional(o, .end_col_offset, owner) { try int($0) } ?? col
        return SourceRange(lineno: lineno, colOffset: col, endLineno: endLineno, endColOffset: endCol)
    }

    /// CPython: obj2ast_identifier — an exact str, or None (nil).
    static func identifier(_ o: PyValue) throws -> String? {
        if o == pyNone { return nil }
        guard o.type == strType else { throw fail(typeErrorType, "AST identifier must be of type str") }
        return strSwift(o)
    }
    /// CPython: obj2ast_string — an exact str or bytes.
    static func string(_ o: PyValue) throws -> String {
        if o.type == strType { return strSwift(o) }
        if o.type == bytesType { return String(decoding: o.payload(BytesObject.self).pointee.bytes, as: UTF8.self) }
        throw fail(typeErrorType, "AST string must be of type str")
    }
    /// CPython: obj2ast_int — any int that fits a C int.
    static func int(_ o: PyValue) throws -> Int {
        guard KaaRuntime.isInstance(o, intType) else {
            throw fail(valueErrorType, "invalid integer value: \(reprString(o))")
        }
        if o == pyTrue { return 1 }
        if o == pyFalse { return 0 }
        if let i = smallOperand(o) {
            if i >= Int(Int32.min) && i <= Int(Int32.max) { return i }
        } else if let i = bigOperand(o), i >= BigInt(Int32.min), i <= BigInt(Int32.max) { return Int(i) }
        throw fail(overflowErrorType, "Python int too large to convert to C int")
    }
    /// CPython: obj2ast_constant accepts any object; the validator rejects the types a code object cannot hold.
    static func constant(_ o: PyValue) throws -> ConstantValue {
        switch convertConstant(o) {
        case .success(let c): return c
        case .failure(let bad):
            invalidConstants.append(bad.name)
            return .str(PyString(codePoints: [invalidConstantMark, UInt32(invalidConstants.count - 1)]))
        }
    }
    struct InvalidConstant: Error { let name: String }
    /// CPython: validate_constant's accepted types, converted; the first offending type's name otherwise.
    static func convertConstant(_ o: PyValue) -> Result<ConstantValue, InvalidConstant> {
        if o == pyNone { return .success(.none) }
        if o == pyEllipsis { return .success(.ellipsis) }
        if o == pyTrue { return .success(.bool(true)) }
        if o == pyFalse { return .success(.bool(false)) }
        let t = o.type
        if t == intType, let i = bigOperand(o) { return .success(.int(i)) }
        if t == floatType { return .success(.float(floatValue(o))) }
        if t == complexType {
            let c = o.payload(ComplexObject.self).pointee
            return .success(.complex(real: c.real, imag: c.imag))
        }
        if t == strType { return .success(.str(PyString(codePoints: Array(strBuffer(o))))) }
        if t == bytesType { return .success(.bytes(o.payload(BytesObject.self).pointee.bytes)) }
        if t == tupleType || t == frozenSetType {
            let items = t == tupleType ? (0..<tupleCount(o)).map { tupleItem(o, $0) } : setKeys(o)
            var out: [ConstantValue] = []
            for item in items {
                switch convertConstant(item) {
                case .success(let c): out.append(c)
                case .failure(let e): return .failure(e)
                }
            }
            return .success(t == tupleType ? .tuple(out) : .frozenset(out))
        }
        return .failure(InvalidConstant(name: t.pointee.name))
    }

    // Markers for None in a list whose elements CPython's tree would hold as NULL.
    static let zero = SourceRange(lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0)
    static func exprNone() -> Expr { Expr(.constant(value: .str(PyString(codePoints: [noneMark])), kind: nil), range: zero) }
    static func stmtNone() -> Stmt { Stmt(.expr(value: exprNone()), range: zero) }
    static func patternNone() -> Pattern { Pattern(.matchSingleton(value: .str(PyString(codePoints: [noneMark]))), range: zero) }
    static func excepthandlerNone() -> ExceptHandler { ExceptHandler(type: exprNone(), name: nil, body: [], range: zero) }
    static func type_ignoreNone() -> TypeIgnore { TypeIgnore(lineno: 0, tag: "") }
    static func identifierNone() -> String { "\u{10FFFF}None" }
}

/// Code points no str can hold, marking what ASTFromObject could not represent.
let invalidConstantMark: UInt32 = 0x110000
let noneMark: UInt32 = 0x110001

/// compile(tree, filename, mode): the module node of `mode` converted to the front end's tree and validated, or nil
/// with the exception set. (CPython: PyAST_obj2mod, then _PyAST_Validate)
func astObjectToMod(_ o: PyValue, mode: Compiler.Mode) -> Mod? {
    guard installASTClasses() else { return nil }
    let (cls, name): (ASTNodeClass, String)
    switch mode {
    case .exec: (cls, name) = (.Module, "Module")
    case .eval: (cls, name) = (.Expression, "Expression")
    case .single: (cls, name) = (.Interactive, "Interactive")
    }
    let r = objectIsInstance(o, astClasses[cls.rawValue])
    if r < 0 { return nil }
    if r == 0 {
        raise(typeErrorType, "expected \(name) node, got \(typeName(o))")
        return nil
    }
    ASTFromObject.invalidConstants = []
    ASTFromObject.depth = 0
    let mod: Mod
    do {
        guard let m = try ASTFromObject.mod(o) else { return nil }
        mod = m
    } catch {
        return nil
    }
    if !validateAST(mod) { return nil }
    return mod
}
