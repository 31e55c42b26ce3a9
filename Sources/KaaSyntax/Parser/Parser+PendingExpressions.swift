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
    func arguments() throws -> Expr? { nil }
    func strings() throws -> Expr? { nil }
    func list() throws -> Expr? { nil }
    func tuple() throws -> Expr? { nil }
    func numberToken() throws -> Expr? { nil }
}

