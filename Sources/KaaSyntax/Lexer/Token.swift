/// Token types of CPython 3.11's C tokenizer (`Include/token.h`, numbered as `Lib/token.py`), plus one case per hard
/// keyword: the PEG parser sees `if` as its own token type, never as NAME (CPython: `_get_keyword_or_name_type`).
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case endmarker = 0, name, number, string, newline, indent, dedent
    case lpar, rpar, lsqb, rsqb, colon, comma, semi, plus, minus, star, slash, vbar, amper, less, greater, equal, dot
    case percent, lbrace, rbrace, eqequal, notequal, lessequal, greaterequal, tilde, circumflex, leftshift, rightshift
    case doublestar, plusequal, minequal, starequal, slashequal, percentequal, amperequal, vbarequal, circumflexequal
    case leftshiftequal, rightshiftequal, doublestarequal, doubleslash, doubleslashequal, at, atequal, rarrow, ellipsis
    case colonequal, op, await, async, typeIgnore, typeComment, softKeyword, errortoken, comment, nl, encoding
    // Hard keywords (Grammar/python.gram's 'keyword' tokens), numbered after N_TOKENS = 64.
    case kwFalse = 100, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwBreak, kwClass, kwContinue, kwDef
    case kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn, kwIs, kwLambda
    case kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// The name `Lib/token.py` gives the type (`tok_name`); keywords report as NAME, as CPython's tokenizer does.
    public var pythonName: String {
        if rawValue >= 100 { return "NAME" }
        return TokenKind.names[Int(rawValue)]
    }

    public var isKeyword: Bool { rawValue >= 100 }

    static let names = [
        "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR", "LSQB", "RSQB", "COLON",
        "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT",
        "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT",
        "RIGHTSHIFT", "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL",
        "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
        "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL", "OP", "AWAIT", "ASYNC", "TYPE_IGNORE",
        "TYPE_COMMENT", "SOFT_KEYWORD", "ERRORTOKEN", "COMMENT", "NL", "ENCODING",
    ]

    /// Keyword spelling → token kind. `async` and `await` keep the ASYNC and AWAIT token types of the C tokenizer.
    public static let keywords: [String: TokenKind] = [
        "False": .kwFalse, "None": .kwNone, "True": .kwTrue, "and": .kwAnd, "as": .kwAs, "assert": .kwAssert,
        "async": .async, "await": .await, "break": .kwBreak, "class": .kwClass, "continue": .kwContinue,
        "def": .kwDef, "del": .kwDel, "elif": .kwElif, "else": .kwElse, "except": .kwExcept, "finally": .kwFinally,
        "for": .kwFor, "from": .kwFrom, "global": .kwGlobal, "if": .kwIf, "import": .kwImport, "in": .kwIn,
        "is": .kwIs, "lambda": .kwLambda, "nonlocal": .kwNonlocal, "not": .kwNot, "or": .kwOr, "pass": .kwPass,
        "raise": .kwRaise, "return": .kwReturn, "try": .kwTry, "while": .kwWhile, "with": .kwWith, "yield": .kwYield,
    ]
}

/// A position in source: 1-based line, 0-based column counted in UTF-8 bytes (CPython's col_offset convention).
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// One token of the C tokenizer, as the parser consumes it.
public struct Token: Sendable {
    public var kind: TokenKind
    /// The token's text exactly as in the (UTF-8) source; for INDENT/DEDENT/ENDMARKER it is empty.
    public var text: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(kind: TokenKind, text: String, start: SourcePosition, end: SourcePosition) {
        self.kind = kind; self.text = text; self.start = start; self.end = end
    }
}
