/// Indentation at the beginning of a logical line: INDENT/DEDENT bookkeeping and the errors of inconsistent
/// indentation (CPython: the `if (tok->atbol)` block of tok_get, indenterror).
extension Lexer {
    enum IndentResult { case normal, blank, error }

    /// Measures the indentation of the line about to be read and queues INDENT/DEDENT tokens in `pendin`.
    /// Tabs count to the next multiple of 8 for `col` and as 1 for `altcol` (ALTTABSIZE); the two must order the
    /// same way against the stack, or the indentation depends on the tab size (TabError).
    func measureIndentation() -> IndentResult {
        var col = 0, altcol = 0
        atbol = false
        var contLineCol = 0
        var c = 0
        var blankline = false
        while true {
            c = nextc()
            if c == 0x20 {
                col += 1; altcol += 1
            } else if c == 0x09 {
                col = (col / Lexer.tabSize + 1) * Lexer.tabSize
                altcol = altcol + 1
            } else if c == 0x0C {  // Control-L (formfeed): for Emacs users
                col = 0; altcol = 0
            } else if c == 0x5C {
                // Indentation cannot be split over multiple physical lines using backslashes: the first backslash
                // preceded by whitespace determines the indentation of what comes next.
                contLineCol = contLineCol != 0 ? contLineCol : col
                if continuationLine() == nil { return .error }
            } else {
                break
            }
        }
        backup(c)
        if c == 0x23 || c == 0x0A {
            // Lines with only whitespace and/or comments don't affect the indentation and produce no NEWLINE.
            blankline = true
        }
        if !blankline && parenLevel == 0 {
            col = contLineCol != 0 ? contLineCol : col
            altcol = contLineCol != 0 ? contLineCol : altcol
            let top = indstack[indstack.count - 1]
            let alttop = altindstack[altindstack.count - 1]
            if col == top {
                // No change
                if altcol != alttop { return indentError() }
            } else if col > top {
                // Indent -- always one
                if indstack.count >= Lexer.maxIndent {
                    done = .toodeep
                    cur = inp
                    return .error
                }
                if altcol <= alttop { return indentError() }
                pendin += 1
                indstack.append(col)
                altindstack.append(altcol)
            } else {
                // Dedent -- any number, must be consistent
                while indstack.count > 1 && col < indstack[indstack.count - 1] {
                    pendin -= 1
                    indstack.removeLast()
                    altindstack.removeLast()
                }
                if col != indstack[indstack.count - 1] {
                    done = .dedent
                    cur = inp
                    return .error
                }
                if altcol != altindstack[altindstack.count - 1] { return indentError() }
            }
        }
        return blankline ? .blank : .normal
    }

    /// CPython: indenterror — TabError, reported by pegen at the start of the current line.
    func indentError() -> IndentResult {
        done = .tabspace
        cur = inp
        return .error
    }
}
