import XCTest
@testable import KaaSyntax

/// Bad input is normal input: errors, never traps or hangs.
final class LexerRobustnessTests: XCTestCase {
    /// Lexes to the end; returns the token count, or -1 after an error. Fails on a runaway token stream.
    @discardableResult
    func lexAll(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> Int {
        do {
            let lexer = try Lexer(source: bytes, filename: "f.py")
            var n = 0
            while try lexer.nextToken().kind != .endmarker {
                n += 1
                if n > 4 * bytes.count + 1000 {
                    XCTFail("runaway token stream", file: file, line: line)
                    return n
                }
            }
            return n
        } catch is SyntaxErrorInfo {
            return -1
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return -1
        }
    }

    func testEmptyAndTrivialFiles() {
        XCTAssertEqual(LexerTestSupport.dump(""), "ENDMARKER '' 0:-1-0:-1")
        XCTAssertEqual(LexerTestSupport.dump("\n\n"), "ENDMARKER '' 2:-1-2:-1")
        XCTAssertEqual(LexerTestSupport.dump("\u{FEFF}"), "ENDMARKER '' 0:-1-0:-1")
        XCTAssertEqual(lexAll([0x0D]), 0)
        XCTAssertEqual(lexAll([0x5C]), -1)  // a lone backslash: unexpected EOF
    }

    func testHugeSingleLine() {
        var src = Array("x = [".utf8)
        let item = Array("1, ".utf8)
        src.reserveCapacity(10_000_100)
        while src.count < 10_000_000 { src.append(contentsOf: item) }
        src.append(contentsOf: Array("]".utf8))
        XCTAssertGreaterThan(lexAll(src), 6_000_000)
        // One 10 MB string literal, and the same unterminated.
        var s = Array("x = '".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000)
        XCTAssertEqual(lexAll(s + Array("'\n".utf8)), 4)
        s.append(0x0A)
        XCTAssertEqual(LexerTestSupport.firstError(s)?.message, "unterminated string literal (detected at line 1)")
    }

    func testDeepNesting() {
        XCTAssertEqual(LexerTestSupport.firstError(Array(String(repeating: "(", count: 100_000).utf8))?.message,
                       "too many nested parentheses")
        var deep = ""
        for i in 0..<300 { deep += String(repeating: " ", count: i) + "if x:\n" }
        XCTAssertEqual(LexerTestSupport.firstError(Array(deep.utf8))?.message, "too many levels of indentation")
        XCTAssertEqual(LexerTestSupport.firstError(Array(String(repeating: ")", count: 10).utf8))?.message,
                       "unmatched ')'")
    }

    func testEndsInsideConstructs() {
        XCTAssertEqual(LexerTestSupport.firstError(Array("x = '''abc".utf8))?.message,
                       "unterminated triple-quoted string literal (detected at line 1)")
        XCTAssertEqual(LexerTestSupport.firstError(Array("x = (1,\n 2".utf8))?.message, "'(' was never closed")
        XCTAssertEqual(LexerTestSupport.firstError(Array("x = 1 + \\".utf8))?.message, "unexpected EOF while parsing")
        XCTAssertEqual(LexerTestSupport.firstError(Array("x = \"abc\\".utf8))?.message,
                       "unterminated string literal (detected at line 1)")
    }

    func testBadBytes() {
        XCTAssertEqual(LexerTestSupport.firstError([0x78, 0x00, 0x0A])?.message, "source code cannot contain null bytes")
        XCTAssertTrue(LexerTestSupport.firstError([0x78, 0xFF, 0x0A])?.message.hasPrefix("Non-UTF-8 code") ?? false)
        // Every single byte value on its own, at the start of a line, after a name and inside a string.
        for b in 0...255 {
            let byte = UInt8(b)
            lexAll([byte])
            lexAll([byte, 0x0A])
            lexAll(Array("x".utf8) + [byte] + Array(" = 1\n".utf8))
            lexAll(Array("x = '".utf8) + [byte] + Array("'\n".utf8))
            lexAll(Array("if x:\n  y\n".utf8) + [byte])
        }
        // Bytes mode and string mode too.
        for mode in [Lexer.InputMode.bytes, .string] {
            for src: [UInt8] in [[0x00], [0xFF], [0xC3], Array("x = 'é'\n".utf8), Array("# coding: bogus\n".utf8)] {
                if let lexer = try? Lexer(source: src, filename: "f.py", mode: mode) {
                    var n = 0
                    while let t = try? lexer.nextToken(), t.kind != .endmarker, n < 100 { n += 1 }
                    XCTAssertLessThan(n, 100)
                }
            }
        }
    }

    func testRandomInputsTerminate() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abcdefxyzjeEoObBL_0189 \t\u{0C}\n\r\\'\"#()[]{}:;,.=+-*/%&|^~<>!@`$?".utf8)
            + [0x00, 0x80, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<3000 {
            let len = Int.random(in: 0..<120, using: &rng)
            var src: [UInt8] = []
            for _ in 0..<len { src.append(alphabet.randomElement(using: &rng)!) }
            lexAll(src)
            // The error pass must terminate as well.
            if let lexer = try? Lexer(source: src, filename: "f.py") {
                _ = try? lexer.nextToken()
                _ = try? lexer.scanRestForErrors(currentErrorLine: 1)
            }
        }
    }
}
