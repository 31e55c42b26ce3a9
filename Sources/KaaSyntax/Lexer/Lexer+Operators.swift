/// Operator and keyword recognition without allocation (CPython: Parser/token.c PyToken_OneChar/TwoChars/
/// ThreeChars, and pegen's _get_keyword_or_name_type).
extension Lexer {
    static func oneChar(_ c: Int) -> TokenKind {
        switch c {
        case 0x25: return .percent
        case 0x26: return .amper
        case 0x28: return .lpar
        case 0x29: return .rpar
        case 0x2A: return .star
        case 0x2B: return .plus
        case 0x2C: return .comma
        case 0x2D: return .minus
        case 0x2E: return .dot
        case 0x2F: return .slash
        case 0x3A: return .colon
        case 0x3B: return .semi
        case 0x3C: return .less
        case 0x3D: return .equal
        case 0x3E: return .greater
        case 0x40: return .at
        case 0x5B: return .lsqb
        case 0x5D: return .rsqb
        case 0x5E: return .circumflex
        case 0x7B: return .lbrace
        case 0x7C: return .vbar
        case 0x7D: return .rbrace
        case 0x7E: return .tilde
        default: return .op
        }
    }

    static func twoChars(_ c1: Int, _ c2: Int) -> TokenKind {
        switch (c1, c2) {
        case (0x21, 0x3D): return .notequal          // !=
        case (0x25, 0x3D): return .percentequal      // %=
        case (0x26, 0x3D): return .amperequal        // &=
        case (0x2A, 0x2A): return .doublestar        // **
        case (0x2A, 0x3D): return .starequal         // *=
        case (0x2B, 0x3D): return .plusequal         // +=
        case (0x2D, 0x3D): return .minequal          // -=
        case (0x2D, 0x3E): return .rarrow            // ->
        case (0x2F, 0x2F): return .doubleslash       // //
        case (0x2F, 0x3D): return .slashequal        // /=
        case (0x3A, 0x3D): return .colonequal        // :=
        case (0x3C, 0x3C): return .leftshift         // <<
        case (0x3C, 0x3D): return .lessequal         // <=
        case (0x3C, 0x3E): return .notequal          // <> (accepted by the tokenizer; the parser checks the text)
        case (0x3D, 0x3D): return .eqequal           // ==
        case (0x3E, 0x3D): return .greaterequal      // >=
        case (0x3E, 0x3E): return .rightshift        // >>
        case (0x40, 0x3D): return .atequal           // @=
        case (0x5E, 0x3D): return .circumflexequal   // ^=
        case (0x7C, 0x3D): return .vbarequal         // |=
        default: return .op
        }
    }

    static func threeChars(_ c1: Int, _ c2: Int, _ c3: Int) -> TokenKind {
        switch (c1, c2, c3) {
        case (0x2A, 0x2A, 0x3D): return .doublestarequal   // **=
        case (0x2E, 0x2E, 0x2E): return .ellipsis          // ...
        case (0x2F, 0x2F, 0x3D): return .doubleslashequal  // //=
        case (0x3C, 0x3C, 0x3D): return .leftshiftequal    // <<=
        case (0x3E, 0x3E, 0x3D): return .rightshiftequal   // >>=
        default: return .op
        }
    }

    /// NAME or the keyword's own kind for `buf[start..<end]`, comparing bytes in place.
    static func keywordKind(_ buf: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind {
        let n = end - start
        guard n >= 2 && n <= 8 else { return .name }
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == n else { return false }
            return s.withUTF8Buffer { t in
                var i = 0
                while i < n {
                    if t[i] != buf[start + i] { return false }
                    i += 1
                }
                return true
            }
        }
        switch buf[start] {
        case 0x46: return eq("False") ? .kwFalse : .name
        case 0x4E: return eq("None") ? .kwNone : .name
        case 0x54: return eq("True") ? .kwTrue : .name
        case 0x61:  // a
            if eq("and") { return .kwAnd }
            if eq("as") { return .kwAs }
            if eq("assert") { return .kwAssert }
            if eq("async") { return .async }
            if eq("await") { return .await }
        case 0x62: return eq("break") ? .kwBreak : .name
        case 0x63:  // c
            if eq("class") { return .kwClass }
            if eq("continue") { return .kwContinue }
        case 0x64:  // d
            if eq("def") { return .kwDef }
            if eq("del") { return .kwDel }
        case 0x65:  // e
            if eq("elif") { return .kwElif }
            if eq("else") { return .kwElse }
            if eq("except") { return .kwExcept }
        case 0x66:  // f
            if eq("finally") { return .kwFinally }
            if eq("for") { return .kwFor }
            if eq("from") { return .kwFrom }
        case 0x67: return eq("global") ? .kwGlobal : .name
        case 0x69:  // i
            if eq("if") { return .kwIf }
            if eq("import") { return .kwImport }
            if eq("in") { return .kwIn }
            if eq("is") { return .kwIs }
        case 0x6C: return eq("lambda") ? .kwLambda : .name
        case 0x6E:  // n
            if eq("nonlocal") { return .kwNonlocal }
            if eq("not") { return .kwNot }
        case 0x6F: return eq("or") ? .kwOr : .name
        case 0x70: return eq("pass") ? .kwPass : .name
        case 0x72:  // r
            if eq("raise") { return .kwRaise }
            if eq("return") { return .kwReturn }
        case 0x74: return eq("try") ? .kwTry : .name
        case 0x77:  // w
            if eq("while") { return .kwWhile }
            if eq("with") { return .kwWith }
        case 0x79: return eq("yield") ? .kwYield : .name
        default: break
        }
        return .name
    }
}
