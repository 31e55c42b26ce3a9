import KaaCore

/// The expression rules' own parser state: memo tables for the rules CPython marks `(memo)` (and the left-recursive
/// ones, which pegen memoizes implicitly), and the position shift of an f-string expression's sub-parser.
struct ExprParserState {
    /// Expression-valued memo (CPython: _PyPegen_is_memoized / _PyPegen_insert_memo): as in CPython, a short list
    /// per token position, found through `memoHeads[pos]`, chained through `memoEntries[i].next`. Emptied before
    /// the second pass; entries made while `expression_without_invalid` has the invalid rules off are reused with
    /// them on, as in CPython.
    var memoHeads: [Int32] = []
    var memoEntries: [ExprMemoEntry] = []

    /// The nodes the memo entries hold (`ExprMemoEntry.value` indexes it). Kept apart so that the entries are plain
    /// data: copying an `Expr?` goes through Optional's generic value witness (swift 6.3 outlines it so), several
    /// percent of the parse when entries carried one.
    var memoValues: [Expr] = []

    @inline(__always) func lookup(_ pos: Int, _ rule: UInt8) -> ExprMemoEntry? {
        guard pos < memoHeads.count else { return nil }
        var i = Int(memoHeads[pos])
        while i >= 0 {
            let e = memoEntries[i]
            if e.rule == rule { return e }
            i = Int(e.next)
        }
        return nil
    }

    /// Records that `rule` matched nothing at `pos`.
    @inline(__always) mutating func insertNone(_ pos: Int, _ rule: UInt8, end: Int) {
        insertEntry(pos, rule, end: end, value: -1)
    }

    /// Records that `rule` matched `value` at `pos`, ending at `end`. (Takes the node unwrapped: an `Expr?`
    /// temporary is copied and destroyed through Optional's generic value witnesses, ~100 instructions each.)
    @inline(__always) mutating func insert(_ pos: Int, _ rule: UInt8, end: Int, value: Expr) {
        memoValues.append(value)
        insertEntry(pos, rule, end: end, value: Int32(truncatingIfNeeded: memoValues.count - 1))
    }

    @inline(__always) private mutating func insertEntry(_ pos: Int, _ rule: UInt8, end: Int, value: Int32) {
        while memoHeads.count <= pos { memoHeads.append(-1) }
        memoEntries.append(ExprMemoEntry(rule: rule, next: memoHeads[pos], end: Int32(truncatingIfNeeded: end),
                                         value: value))
        memoHeads[pos] = Int32(truncatingIfNeeded: memoEntries.count - 1)
    }

    /// CPython: reset_parser_state_for_error_pass clears every token's memo.
    mutating func resetMemo() {
        memoHeads.removeAll(keepingCapacity: true)
        memoEntries.removeAll(keepingCapacity: true)
        memoValues.removeAll(keepingCapacity: true)
    }

    /// Room for a source of `bytes` bytes (CPython's Lib/ averages a token per 6.4 bytes; every memoized rule adds
    /// an entry at the positions it runs at), so the buffers do not regrow and copy themselves while parsing.
    mutating func reserve(sourceBytes bytes: Int) {
        let tokens = bytes / 5 + 16
        memoHeads.reserveCapacity(tokens)
        memoEntries.reserveCapacity(tokens)
        memoValues.reserveCapacity(tokens)
    }

    /// True for the parser CPython's `fstring_compile_expr` creates for the text of one f-string replacement field.
    var isFStringParser = false
    /// CPython: p->starting_lineno / p->starting_col_offset.
    var startingLineno = 0
    var startingColOffset = 0

    /// CPython: initialize_token — tokens of an f-string expression's parser are moved to where the expression sits in
    /// the file: every line by `starting_lineno`, and both columns by `starting_col_offset` when the tokenizer is
    /// still on the text's first line once the token is read (so a multi-line token keeps its unshifted start column).
    @inline(__always) func shift(_ t: inout ParserToken) {
        let onFirstLine = t.end.line == 1
        t.start.line += startingLineno
        t.end.line += startingLineno
        if onFirstLine {
            t.start.column += startingColOffset
            t.end.column += startingColOffset
        }
    }
}

struct ExprMemoEntry {
    var rule: UInt8
    var next: Int32
    var end: Int32
    /// Index in `ExprParserState.memoValues`, -1 for no match.
    var value: Int32
}

/// The memoized expression rules: those CPython marks `(memo)` that Kaa re-enters at one position (expression,
/// disjunction, strings, arguments, the target rules), and the left-recursive ones pegen memoizes (bitwise_or,
/// t_primary). Rules only ever entered through one of these (conjunction ... primary) need no memo of their own.
enum ExprMemoRule: UInt8 {
    case expression, disjunction, bitwiseOr, strings, arguments, starTarget, targetWithStarAtom, delTarget, tPrimary
    case invalidNamedExpression
}

/// What `args` builds: CPython returns a Call with a dummy function name and takes its args and keywords apart.
struct CallArguments {
    var args: [Expr]
    var keywords: [Keyword]
    var range: SourceRange
}

/// CPython: KeyValuePair (dict displays); `key` is nil for `**mapping`.
struct KeyValuePair {
    var key: Expr?
    var value: Expr
}

/// CPython: KeywordOrStarred — one element of `kwargs`.
enum KeywordOrStarred {
    case keyword(Keyword)
    case starred(Expr)
}

/// CPython: TARGETS_TYPE of RAISE_SYNTAX_ERROR_INVALID_TARGET.
enum TargetsType {
    case starTargets, delTargets, forTargets
}

extension Parser {
    // MARK: - Memo

    /// Runs `body` once per position for `rule`, then replays its result (and end position).
    @inline(__always) func memoized(_ rule: ExprMemoRule, _ body: () throws -> Expr?) throws -> Expr? {
        let start = pos
        let rule = rule.rawValue
        if let e = exprState.lookup(start, rule) {
            pos = Int(e.end)
            if e.value < 0 { return nil }
            return exprState.memoValues[Int(e.value)]
        }
        if let value = try body() {
            exprState.insert(start, rule, end: pos, value: value)
            return value
        }
        exprState.insertNone(start, rule, end: pos)
        return nil
    }

    // MARK: - Tokens to nodes

    /// CPython: p->tokens[i]->level.
    @inline(__always) func tokenLevel(_ i: Int) -> Int {
        i >= 0 && i < tokens.count ? Int(tokens[i].level) : 0
    }

    /// The token at `pos` without consuming it; the start of every rule's EXTRA range (CPython fills it on entry).
    @inline(__always) func startToken() throws -> ParserToken { try peek() }

    /// CPython: _PyPegen_new_identifier — identifiers are NFKC-normalized when not ASCII.
    func identifier(_ t: ParserToken) -> String {
        // Almost every name is ASCII: OR the bytes in the lexer's buffer.
        let bytes = lexer.textBytes(of: t)
        var all: UInt8 = 0
        for b in bytes { all |= b }
        if all < 0x80 {
            // ASCII needs no validation.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(from: bytes)
                return bytes.count
            }
        }
        return nfkc(text(t))
    }

    /// CPython: _PyPegen_name_token — a NAME as a `Name(id, Load)` node.
    func nameExpression() throws -> Expr? {
        guard let t = try expect(.name) else { return nil }
        return Expr(.name(id: identifier(t), ctx: .load), range: SourceRange(start: t.start, end: t.end))
    }

    /// CPython: _PyPegen_soft_keyword_token — a NAME matching `match`, `case` or `_`. CPython compares with
    /// `strncmp(keyword, name, len(name))`, so any prefix of a soft keyword (`c`, `ma`, ...) counts too.
    func softKeywordToken() throws -> ParserToken? {
        let t = try peek()
        guard t.kind == .name else { return nil }
        let bytes = lexer.textBytes(of: t)
        let n = bytes.count
        for keyword: StaticString in ["match", "case", "_"] where n <= keyword.utf8CodeUnitCount {
            let spelling = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            if spelling.starts(with: bytes) {
                pos += 1
                return t
            }
        }
        return nil
    }

    /// Positive/negative lookahead of any rule: runs it and restores `pos`.
    @inline(__always) func lookahead<T>(_ body: () throws -> T?) throws -> Bool {
        let m = pos
        let r = try body()
        pos = m
        return r != nil
    }

    // MARK: - set_expr_context (CPython: _PyPegen_set_expr_context)

    func setExprContext(_ e: Expr, _ ctx: ExprContext) -> Expr {
        switch e.kind {
        case .name(let id, _):
            return Expr(.name(id: id, ctx: ctx), range: e.range)
        case .tuple(let elts, _):
            return Expr(.tuple(elts: elts.map { setExprContext($0, ctx) }, ctx: ctx), range: e.range)
        case .list(let elts, _):
            return Expr(.list(elts: elts.map { setExprContext($0, ctx) }, ctx: ctx), range: e.range)
        case .subscript(let value, let slice, _):
            return Expr(.subscript(value: value, slice: slice, ctx: ctx), range: e.range)
        case .attribute(let value, let attr, _):
            return Expr(.attribute(value: value, attr: attr, ctx: ctx), range: e.range)
        case .starred(let value, _):
            return Expr(.starred(value: setExprContext(value, ctx), ctx: ctx), range: e.range)
        default:
            return e
        }
    }

    // MARK: - Error helpers

    /// CPython: _PyPegen_get_expr_name — how error messages name an expression.
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
            case .bool(let b): return b ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }

    /// CPython: _PyPegen_get_invalid_target.
    func invalidTarget(_ e: Expr, _ type: TargetsType) -> Expr? {
        switch e.kind {
        case .list(let elts, _), .tuple(let elts, _):
            for child in elts {
                if let bad = invalidTarget(child, type) { return bad }
            }
            return nil
        case .starred(let value, _):
            if type == .delTargets { return e }
            return invalidTarget(value, type)
        case .compare(let left, let ops, _):
            // `a in b` of `for a in b` parses as a comparison: look at its left side.
            if type == .forTargets {
                if ops.first == .in { return invalidTarget(left, type) }
                return nil
            }
            return e
        case .name, .subscript, .attribute:
            return nil
        default:
            return e
        }
    }

    /// CPython: RAISE_SYNTAX_ERROR_INVALID_TARGET — returns normally (no match) when `e` holds no invalid target.
    func raiseInvalidTarget(_ type: TargetsType, _ e: Expr) throws {
        guard let bad = invalidTarget(e, type) else { return }
        let verb = type == .delTargets ? "cannot delete " : "cannot assign to "
        throw error(verb + exprName(bad), at: bad.range)
    }

    /// CPython: RAISE_SYNTAX_ERROR (no location) — at the last token read from the tokenizer.
    func syntaxErrorAtLastToken(_ message: String) -> SyntaxErrorInfo {
        if exprState.isFStringParser, let t = tokens.last {
            return fstringError(.syntaxError, message, start: t.start, end: t.end)
        }
        return raiseError(message)
    }

    /// CPython: RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg) — from `a` to where the tokenizer stands (CURRENT_POS).
    func syntaxErrorStartingFrom(_ message: String, _ start: SourcePosition) -> SyntaxErrorInfo {
        if exprState.isFStringParser, let t = tokens.last {
            // CURRENT_POS is the tokenizer's (unshifted) cursor; only the start gets the f-string treatment.
            var e = fstringError(.syntaxError, message, start: start, end: start)
            e.endLineno = t.end.line - exprState.startingLineno
            let rawColumn = t.end.column - (t.end.line - exprState.startingLineno == 1 ? exprState.startingColOffset : 0)
            e.endOffset = rawColumn - exprState.startingColOffset
            return e
        }
        return errorStartingFrom(SourceRange(start: start, end: start), message)
    }

    /// CPython: _PyPegen_check_legacy_stmt.
    func isLegacyStatementName(_ e: Expr) -> Bool {
        if case .name(let id, _) = e.kind { return id == "print" || id == "exec" }
        return false
    }

    /// CPython: _PyPegen_get_last_comprehension_item.
    func lastComprehensionItem(_ c: Comprehension) -> Expr {
        c.ifs.last ?? c.iter
    }
}
