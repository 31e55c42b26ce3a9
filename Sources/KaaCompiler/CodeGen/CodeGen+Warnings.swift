import KaaSyntax

/// A SyntaxWarning of the code generator, at the line being compiled. (CPython: compiler_warn)
public struct CompilerWarning: Sendable {
    public var message: String
    public var filename: String
    public var lineno: Int

    /// Hears a warning and says what the warnings filters made of it: true when it was shown or ignored, false
    /// when it is an error (`-W error`): the compiler then raises it as a SyntaxError at the current location, as
    /// compiler_warn replaces the SyntaxWarning exception.
    public typealias Sink = (CompilerWarning) -> Bool
}

/// The compiler's own SyntaxWarnings: checks of literal operands that cannot work at run time.
/// (CPython 3.11: compile.c compiler_warn, check_compare, check_caller, check_subscripter, check_index, infer_type)
extension CodeGen {
    func warn(_ message: String) throws {
        guard let sink = warningSink else { return }
        let line = u?.loc.line ?? 1
        if !sink(CompilerWarning(message: message, filename: filename, lineno: line)) {
            throw error(message)
        }
    }

    /// CPython: compiler_assert — a non-empty tuple (also after constant folding) is always true.
    func checkAssert(_ test: Expr) throws {
        switch test.kind {
        case .tuple(let elts, _) where !elts.isEmpty: break
        case .constant(.tuple(let items), _) where !items.isEmpty: break
        default: return
        }
        try warn("assertion is always true, perhaps remove parentheses?")
    }

    /// CPython: check_is_arg — None, True, False and Ellipsis are the constants `is` may compare with.
    static func isArgumentOfIs(_ e: Expr) -> Bool {
        guard case .constant(let c, _) = e.kind else { return true }
        switch c {
        case .none, .bool, .ellipsis: return true
        default: return false
        }
    }

    /// CPython: check_compare
    func checkCompare(_ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr]) throws {
        var l = CodeGen.isArgumentOfIs(left)
        for (op, right) in zip(ops, comparators) {
            let r = CodeGen.isArgumentOfIs(right)
            if (op == .is || op == .isNot) && (!l || !r) {
                try warn(op == .is ? "\"is\" with a literal. Did you mean \"==\"?"
                                   : "\"is not\" with a literal. Did you mean \"!=\"?")
                return
            }
            l = r
        }
    }

    /// CPython: infer_type — the type name of what an expression surely evaluates to, when the node says.
    static func inferType(_ e: Expr) -> String? {
        switch e.kind {
        case .tuple: return "tuple"
        case .list, .listComp: return "list"
        case .dict, .dictComp: return "dict"
        case .set, .setComp: return "set"
        case .generatorExp: return "generator"
        case .lambda: return "function"
        case .joinedStr, .formattedValue: return "str"
        case .constant(let c, _): return constantTypeName(c)
        default: return nil
        }
    }

    static func constantTypeName(_ c: ConstantValue) -> String {
        switch c {
        case .none: return "NoneType"
        case .ellipsis: return "ellipsis"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .complex: return "complex"
        case .str: return "str"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        case .frozenset: return "frozenset"
        }
    }

    /// CPython: check_caller
    func checkCaller(_ fn: Expr) throws {
        switch fn.kind {
        case .constant, .tuple, .list, .listComp, .dict, .dictComp, .set, .setComp, .generatorExp, .joinedStr,
             .formattedValue:
            try warn("'\(CodeGen.inferType(fn) ?? "object")' object is not callable; perhaps you missed a comma?")
        default:
            return
        }
    }

    /// CPython: check_subscripter
    func checkSubscripter(_ e: Expr) throws {
        switch e.kind {
        case .constant(let c, _):
            switch c {
            case .none, .ellipsis, .int, .bool, .float, .complex, .frozenset: break
            default: return
            }
        case .set, .setComp, .generatorExp, .lambda: break
        default: return
        }
        try warn("'\(CodeGen.inferType(e) ?? "object")' object is not subscriptable; perhaps you missed a comma?")
    }

    /// CPython: check_index — a str, bytes, tuple or list indexed by something that is surely not an int or a slice.
    func checkIndex(_ e: Expr, _ s: Expr) throws {
        guard let indexType = CodeGen.inferType(s), indexType != "int", indexType != "bool" else { return }
        if case .slice = s.kind { return }
        switch e.kind {
        case .constant(let c, _):
            switch c {
            case .str, .bytes, .tuple: break
            default: return
            }
        case .tuple, .list, .listComp, .joinedStr, .formattedValue: break
        default: return
        }
        try warn("\(CodeGen.inferType(e) ?? "object") indices must be integers or slices, not \(indexType); "
                 + "perhaps you missed a comma?")
    }
}
