/// TEMPORARY stubs of the expression rules the statement half calls, until `pexpr` lands. Deleted on merge.
extension Parser {
    func expressions() throws -> Expr? { nil }
    func expression() throws -> Expr? { nil }
    func namedExpression() throws -> Expr? { nil }
    func starExpressions() throws -> Expr? { nil }
    func starExpression() throws -> Expr? { nil }
    func yieldExpr() throws -> Expr? { nil }
    func starTargets() throws -> Expr? { nil }
    func starTarget() throws -> Expr? { nil }
    func singleTarget() throws -> Expr? { nil }
    func singleSubscriptAttributeTarget() throws -> Expr? { nil }
    func delTargets() throws -> [Expr]? { nil }
    func starNamedExpression() throws -> Expr? { nil }
    func starNamedExpressions() throws -> [Expr]? { nil }
    func arguments() throws -> CallArguments? { nil }
    func strings() throws -> Expr? { nil }
    func list() throws -> Expr? { nil }
    func tuple() throws -> Expr? { nil }
    func numberExpression() throws -> Expr? { nil }

    /// invalid_for_target: ASYNC? 'for' star_expressions
    func invalidForTarget() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        _ = try expect(.async)
        if try expect(.kwFor) != nil, let a = try starExpressions() {
            try raiseInvalidTarget(.forTargets, a)
        }
        reset(m)
    }

    // MARK: - Targets (CPython: RAISE_SYNTAX_ERROR_INVALID_TARGET, _PyPegen_get_invalid_target)


    /// Throws "cannot assign to X" / "cannot delete X" at the first invalid target inside `e`; returns when there
    /// is none (the invalid rule then fails).
    func raiseInvalidTarget(_ type: TargetsType, _ e: Expr) throws {
        guard let target = invalidTarget(e, type) else { return }
        let verb = type == .delTargets ? "cannot delete" : "cannot assign to"
        throw error("\(verb) \(exprName(target))", at: target.range)
    }

    /// CPython: _PyPegen_get_invalid_target
    func invalidTarget(_ e: Expr, _ type: TargetsType) -> Expr? {
        switch e.kind {
        case .list(let elts, _), .tuple(let elts, _):
            for elt in elts { if let bad = invalidTarget(elt, type) { return bad } }
            return nil
        case .starred(let value, _):
            return type == .delTargets ? e : invalidTarget(value, type)
        case .compare(let left, let ops, _):
            // `for a in b` parses `a in b` as a comparison: search its left side.
            if type == .forTargets {
                return ops.first == .in ? invalidTarget(left, type) : nil
            }
            return e
        case .name, .subscript, .attribute:
            return nil
        default:
            return e
        }
    }

    /// CPython: _PyPegen_get_expr_name
    func exprName(_ e: Expr) -> String {
        switch e.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant(let value, _):
            switch value {
            case .none: return "None"
            case .bool(false): return "False"
            case .bool(true): return "True"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }
}

enum TargetsType { case starTargets, delTargets, forTargets }

struct CallArguments {
    var args: [Expr]
    var keywords: [Keyword]
    var range: SourceRange
}
