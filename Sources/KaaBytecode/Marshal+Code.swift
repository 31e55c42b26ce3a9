import KaaCore

extension MarshalReader {
    static let badInternalCall = BytecodeError("SystemError", "Objects/codeobject.c:250: bad argument to internal function")

    /// A code object's fields, validated as CPython 3.11 does when it builds the object.
    /// CPython: r_object (TYPE_CODE), _PyCode_Validate, _PyCode_New (intern_strings)
    mutating func readCode() throws -> CodeObject {
        let argCount = Int32(truncatingIfNeeded: try readLong())
        let posOnlyArgCount = Int32(truncatingIfNeeded: try readLong())
        let kwOnlyArgCount = Int32(truncatingIfNeeded: try readLong())
        let stackSize = Int32(truncatingIfNeeded: try readLong())
        let flags = Int32(truncatingIfNeeded: try readLong())
        func field(_ r: inout MarshalReader) throws -> BytecodeConstant {
            guard let v = try r.readObject() else {
                throw BytecodeError("TypeError", "NULL object in marshal data for code object")
            }
            return v
        }
        let code = try field(&self)
        let consts = try field(&self)
        let names = try field(&self)
        let localsPlusNames = try field(&self)
        let localsPlusKinds = try field(&self)
        let filename = try field(&self)
        let name = try field(&self)
        let qualname = try field(&self)
        let firstLineNumber = Int32(truncatingIfNeeded: try readLong())
        let lineTable = try field(&self)
        let exceptionTable = try field(&self)

        // _PyCode_Validate: kinds of the fields.
        guard argCount >= posOnlyArgCount, posOnlyArgCount >= 0, kwOnlyArgCount >= 0, stackSize >= 0, flags >= 0,
              case .bytes(let codeBytes) = code, case .tuple(let constItems) = consts,
              case .tuple(let nameItems) = names, case .tuple(let localItems) = localsPlusNames,
              case .bytes(let kinds) = localsPlusKinds, localItems.count == kinds.count,
              case .str(let nameString) = name, case .str(let qualnameString) = qualname,
              case .str(let filenameString) = filename, case .bytes(let lines) = lineTable,
              case .bytes(let exceptions) = exceptionTable
        else { throw Self.badInternalCall }
        if codeBytes.count % 2 != 0 { throw BytecodeError("ValueError", "code: co_code is malformed") }
        let nlocals = kinds.reduce(0) { $0 + ($1 & CodeObject.LocalKind.local != 0 ? 1 : 0) }
        let plain = nlocals - Int(argCount) - Int(kwOnlyArgCount) - (flags & CodeObject.Flag.varArgs != 0 ? 1 : 0)
            - (flags & CodeObject.Flag.varKeywords != 0 ? 1 : 0)
        if plain < 0 { throw BytecodeError("ValueError", "code: co_varnames is too small") }
        // _PyCode_New: intern_strings(names), then intern_strings(localsplusnames).
        func strings(_ items: [BytecodeConstant]) throws -> [PyString] {
            try items.map {
                guard case .str(let s) = $0 else { throw BytecodeError("SystemError", "non-string found in code slot") }
                return s
            }
        }
        let nameStrings = try strings(nameItems)
        let localStrings = try strings(localItems)
        return CodeObject(argCount: argCount, posOnlyArgCount: posOnlyArgCount, kwOnlyArgCount: kwOnlyArgCount,
                          stackSize: stackSize, flags: flags, code: codeBytes, consts: constItems,
                          names: nameStrings, localsPlusNames: localStrings, localsPlusKinds: kinds,
                          filename: filenameString, name: nameString, qualname: qualnameString,
                          firstLineNumber: firstLineNumber, lineTable: lines, exceptionTable: exceptions)
    }
}
