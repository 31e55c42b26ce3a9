import XCTest
@testable import KaaSyntax

/// Token streams against CPython 3.11 (generated cases: scripts/gen_lexer_token_tests.py), and the lexer's
/// interface details the parser relies on.
final class LexerTokenTests: XCTestCase {
    func testTokenStreamsMatchCPython() {
        for c in LexerTokenCases.all {
            let got = LexerTestSupport.dump(bytes: c.source)
            if got != c.expected {
                let g = got.split(separator: "\n", omittingEmptySubsequences: false)
                let e = c.expected.split(separator: "\n", omittingEmptySubsequences: false)
                var k = 0
                while k < min(g.count, e.count) && g[k] == e[k] { k += 1 }
                XCTFail("source \(LexerTestSupport.pyRepr(String(decoding: c.source, as: UTF8.self)))\n token \(k)\n  got:      \(k < g.count ? String(g[k]) : "<end>")\n  expected: \(k < e.count ? String(e[k]) : "<end>")")
            }
        }
    }

    func testKeywordKinds() throws {
        for (spelling, kind) in TokenKind.keywords {
            let lexer = try Lexer(source: Array(spelling.utf8), filename: "f.py")
            let t = try lexer.nextToken()
            XCTAssertEqual(t.kind, kind, spelling)
            XCTAssertEqual(t.text, spelling)
        }
        for notKeyword in ["match", "case", "_", "type", "print", "Async", "iff", "non", "nonlocals", "Tru"] {
            let lexer = try Lexer(source: Array(notKeyword.utf8), filename: "f.py")
            XCTAssertEqual(try lexer.nextToken().kind, .name, notKeyword)
        }
    }

    func testEndmarkerRepeats() throws {
        let lexer = try Lexer(source: Array("x\n".utf8), filename: "f.py")
        var kinds: [TokenKind] = []
        for _ in 0..<5 { kinds.append(try lexer.nextToken().kind) }
        XCTAssertEqual(kinds, [.name, .newline, .endmarker, .endmarker, .endmarker])
        XCTAssertTrue(lexer.reachedEOF)
    }

    func testLinesAndParenLevel() throws {
        let lexer = try Lexer(source: Array("a = (\r\n  [1,\n".utf8), filename: "f.py")
        XCTAssertEqual(lexer.lines, [Array("a = (\n".utf8), Array("  [1,\n".utf8)])
        var levels: [Int] = []
        while true {
            guard let t = try? lexer.nextToken() else { break }
            levels.append(lexer.parenLevel)
            if t.kind == .endmarker { break }
        }
        XCTAssertEqual(levels, [0, 0, 1, 2, 2, 2])
        XCTAssertEqual(lexer.bracketStack, [Lexer.OpenBracket(char: UInt8(ascii: "("), line: 1, column: 4),
                                            Lexer.OpenBracket(char: UInt8(ascii: "["), line: 2, column: 2)])
        XCTAssertEqual(lexer.unclosedBracketError().message, "'[' was never closed")
    }

    func testWarnings() throws {
        let lexer = try Lexer(source: Array("x = 1if y else 0x1for\n".utf8), filename: "f.py")
        while try lexer.nextToken().kind != .endmarker {}
        XCTAssertEqual(lexer.warnings, [LexerWarning(category: "SyntaxWarning", message: "invalid decimal literal", line: 1),
                                        LexerWarning(category: "SyntaxWarning", message: "invalid hexadecimal literal", line: 1)])
        // Under -W error the warning is CPython's SyntaxError at the number.
        let strict = try Lexer(source: Array("x = 1if y else 2\n".utf8), filename: "f.py")
        strict.warningsAreErrors = true
        var err: SyntaxErrorInfo?
        do { while try strict.nextToken().kind != .endmarker {} } catch let e as SyntaxErrorInfo { err = e }
        XCTAssertEqual(err.map(LexerTestSupport.describe), "SyntaxError 'invalid decimal literal' 1 5 1 5 'x = 1if y else 2'")
    }

    func testNormalizeIdentifier() {
        XCTAssertEqual(normalizeIdentifier("\u{FB01}"), "fi")
        XCTAssertEqual(normalizeIdentifier("e\u{0301}"), "\u{00E9}")
        XCTAssertEqual(normalizeIdentifier("\u{1D49C}"), "A")
        XCTAssertEqual(normalizeIdentifier("abc"), "abc")
    }
}

/// Cases the pure-Python tokenize cannot serve as oracle for (it rejects them), checked by hand against `ast`.
final class LexerIdentifierTests: XCTestCase {
    func testCombiningMarkIdentifier() {
        // ast.parse('x\u0301 = 1').body[0].targets[0]: id 'x\u0301', col_offset 0, end_col_offset 3 (bytes)
        XCTAssertEqual(LexerTestSupport.dump("x\u{0301} = 1\n"),
                       "NAME 'x\u{0301}' 1:0-1:3\nEQUAL '=' 1:4-1:5\nNUMBER '1' 1:6-1:7\nNEWLINE '' 1:7-1:7\nENDMARKER '' 1:-1-1:-1")
    }

    func testIdentifierTables() {
        XCTAssertTrue(IdentifierTables.isXidStart(0x00E9))     // é
        XCTAssertFalse(IdentifierTables.isXidStart(0x0301))    // combining acute: continue only
        XCTAssertTrue(IdentifierTables.isXidContinue(0x0301))
        XCTAssertFalse(IdentifierTables.isXidStart(0x20AC))    // €
        XCTAssertFalse(IdentifierTables.isXidContinue(0x00A0)) // NBSP
        XCTAssertTrue(IdentifierTables.isXidStart(0x1D49C))    // MATHEMATICAL SCRIPT CAPITAL A
        XCTAssertFalse(IdentifierTables.isPrintable(0x00A0))
        XCTAssertTrue(IdentifierTables.isPrintable(0x20AC))
        XCTAssertFalse(IdentifierTables.isXidStart(0x10FFFF))
    }
}
