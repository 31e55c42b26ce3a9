// Unit tests of the Lib/tokenize.py emulation: the pieces (patterns, decoding, arguments, reprs) against answers
// CPython 3.11 gives (each expected value below was printed by python3 for the same input).
import XCTest
import KaaCore
@testable import KaaSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private struct Collect: PyTokenSink {
    var tokens: [(PyTokenType, String, Int, Int, Int, Int)] = []
    mutating func token(_ type: PyTokenType, _ text: UnsafeBufferPointer<UInt8>,
                        _ sr: Int, _ sc: Int, _ er: Int, _ ec: Int) {
        tokens.append((type, String(decoding: text, as: UTF8.self), sr, sc, er, ec))
    }
}

final class TokenizeTests: XCTestCase {
    func tokens(_ source: String) throws -> [(PyTokenType, String, Int, Int, Int, Int)] {
        var sink = Collect()
        let bytes = Array(source.utf8)
        var pos = 0
        try PyTokenizer.run(encoding: nil, sink: &sink) {
            var end = pos
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }
            defer { pos = end }
            return Array(bytes[pos..<end])
        }
        return sink.tokens
    }

    func stdout(_ args: [String], stdin: String) -> String {
        let r = TokenizeModule.run(args, stdin: { Array(stdin.utf8) })
        return String(decoding: r.stdout, as: UTF8.self)
    }

    func number(_ s: String) -> String? {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { p in
            TokenizePatterns.number(p, 0).map { String(decoding: b[0..<$0], as: UTF8.self) }
        }
    }

    // re.match(tokenize.Number, s).group() in CPython 3.11
    func testNumberRegex() {
        XCTAssertEqual(number("1if"), "1")
        XCTAssertEqual(number("09"), "0")
        XCTAssertEqual(number("09j"), "09j")
        XCTAssertEqual(number("09.5"), "09.5")
        XCTAssertEqual(number("0_1"), "0")
        XCTAssertEqual(number("0x"), "0")
        XCTAssertEqual(number("0x_1f"), "0x_1f")
        XCTAssertEqual(number("1.5ej"), "1.5")
        XCTAssertEqual(number("1e5j"), "1e5j")
        XCTAssertEqual(number("1._5"), "1.")
        XCTAssertEqual(number("1__0"), "1")
        XCTAssertEqual(number("1_000.5e-1_0J"), "1_000.5e-1_0J")
        XCTAssertEqual(number(".5e+3"), ".5e+3")
        XCTAssertEqual(number("0b12"), "0b1")
        XCTAssertEqual(number("00_0"), "00_0")
    }

    func testErrorTokensIncludeTheWhitespaceBefore() throws {
        // python3: x = 'abc  →  NAME 'x', OP '=', ERRORTOKEN ' ', ERRORTOKEN "'", NAME 'abc', NEWLINE ...
        let t = try tokens("x = 'abc\n")
        XCTAssertEqual(t.map { $0.1 }, ["x", "=", " ", "'", "abc", "\n", ""])
        XCTAssertEqual(t[2].0, .errortoken)
        XCTAssertEqual(t[2].3, 3)
        XCTAssertEqual(t[3].3, 4)
    }

    func testColumnsCountCodePoints() throws {
        let t = try tokens("é = '😀' + x\n")
        // python3: (1,0)-(1,1) NAME, (1,2)-(1,3) OP, (1,4)-(1,7) STRING, (1,8)-(1,9) OP, (1,10)-(1,11) NAME
        XCTAssertEqual(t.map { [$0.3, $0.5] }, [[0, 1], [2, 3], [4, 7], [8, 9], [10, 11], [11, 12], [0, 0]])
    }

    func testNonIdentifierWordCharacterIsOP() throws {
        let t = try tokens("x = ²\n")
        XCTAssertEqual(t[2].0, .op)
        XCTAssertEqual(t[2].1, "²")
    }

    func testStaleNeedcontQuirk() throws {
        // tokenize.py leaves `needcont` set after the ERRORTOKEN of a broken continued string, so a later
        // triple-quoted string whose second line does not close it ends as an ERRORTOKEN there; its closing quotes
        // then open a string that never ends. python3 -m tokenize: "5:1: error: EOF in multi-line string".
        XCTAssertThrowsError(try tokens("s = 'a \\\nb\nt = '''x\nmid\ny'''\n")) { e in
            XCTAssertEqual(e as? PyTokenizeError, .tokenError("EOF in multi-line string", line: 5, column: 1))
        }
        // Without the broken string before it, the same text is one STRING token.
        let t = try tokens("t = '''x\nmid\ny'''\n")
        XCTAssertEqual(t[2].0, .string)
        XCTAssertEqual(t[2].1, "'''x\nmid\ny'''")
    }

    func testTokenErrors() {
        XCTAssertThrowsError(try tokens("x = (1,\n")) { e in
            XCTAssertEqual(e as? PyTokenizeError, .tokenError("EOF in multi-line statement", line: 2, column: 0))
        }
        XCTAssertThrowsError(try tokens("x = 1\ns = '''a\n")) { e in
            XCTAssertEqual(e as? PyTokenizeError, .tokenError("EOF in multi-line string", line: 2, column: 4))
        }
        XCTAssertThrowsError(try tokens("if x:\n    y\n  z\n")) { e in
            XCTAssertEqual(e as? PyTokenizeError,
                           .indentationError("unindent does not match any outer indentation level", line: 3, column: 2))
        }
    }

    func testUTF8DecodeErrorsMatchCPython() {
        func msg(_ b: [UInt8]) -> String? {
            var out: [UInt8] = []
            do {
                try b.withUnsafeBufferPointer { try TokenizeCodec.decodeUTF8($0, 0, into: &out) }
                return nil
            } catch let e as TokenizeDecodeFailure {
                return e.message
            } catch {
                return "?"
            }
        }
        // b'...'.decode('utf-8') in CPython 3.11
        XCTAssertEqual(msg([0x61, 0xFF]), "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte")
        XCTAssertEqual(msg([0xE2, 0x82]), "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")
        XCTAssertEqual(msg([0xE2, 0x82, 0x41]),
                       "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte")
        XCTAssertEqual(msg([0xED, 0xA0, 0x80]), "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")
        XCTAssertEqual(msg([0xF0, 0x9F, 0x98]), "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data")
        XCTAssertEqual(msg([0xF4, 0x90, 0x80, 0x80]),
                       "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte")
        XCTAssertEqual(msg([0xC3]), "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data")
        XCTAssertNil(msg(Array("é😀".utf8)))
    }

    func testCodecLookup() {
        XCTAssertEqual(TokenizeCodec.lookup("latin1")?.name, "iso8859-1")
        XCTAssertEqual(TokenizeCodec.lookup("UTF8")?.name, "utf-8")
        XCTAssertEqual(TokenizeCodec.lookup("Windows-1252")?.name, "cp1252")
        XCTAssertEqual(TokenizeCodec.lookup("koi8_r")?.name, "koi8-r")
        XCTAssertNil(TokenizeCodec.lookup("uft-8"))
        XCTAssertEqual(TokenizeEncodingDetector.normalName("Latin-1"), "iso-8859-1")
        XCTAssertEqual(TokenizeEncodingDetector.normalName("UTF_8_sig"), "utf-8")
        XCTAssertEqual(TokenizeEncodingDetector.normalName("UTF8"), "UTF8")
    }

    func testStdinModeHasNoEncodingTokenAndEscapesBadBytes() {
        let r = TokenizeModule.run([], stdin: { [0x78, 0x0A, 0xFF, 0x0A] })
        XCTAssertEqual(String(decoding: r.stdout, as: UTF8.self), """
            1,0-1,1:            NAME           'x'            
            1,1-1,2:            NEWLINE        '\\n'           
            2,0-2,1:            ERRORTOKEN     '\\udcff'       
            2,1-2,2:            NEWLINE        '\\n'           
            3,0-3,0:            ENDMARKER      ''             

            """)
        XCTAssertEqual(r.code, 0)
    }

    func testExactTypes() {
        let out = stdout(["-e"], stdin: "a **= (b)\n")
        XCTAssertTrue(out.contains("DOUBLESTAREQUAL"))
        XCTAssertTrue(out.contains("LPAR"))
        XCTAssertTrue(out.contains("RPAR"))
        XCTAssertFalse(out.contains(" OP "))
    }

    func testArguments() {
        setenv("COLUMNS", "80", 1)  // argparse's width (the usage line would wrap in a narrow terminal)
        defer { unsetenv("COLUMNS") }
        XCTAssertEqual(TokenizeArguments.parse(["-e", "f.py"]), .run(exact: true, filename: "f.py"))
        XCTAssertEqual(TokenizeArguments.parse(["--ex", "--", "-e"]), .run(exact: true, filename: "-e"))
        XCTAssertEqual(TokenizeArguments.parse(["-1"]), .run(exact: false, filename: "-1"))
        let usage = "usage: python -m tokenize [-h] [-e] [filename.py]\n"
        XCTAssertEqual(TokenizeArguments.parse(["a", "b"]),
                       .exit(code: 2, stdout: "", stderr: usage + "python -m tokenize: error: unrecognized arguments: b\n"))
        XCTAssertEqual(TokenizeArguments.parse(["x", "-e", "--", "y"]),
                       .exit(code: 2, stdout: "", stderr: usage + "python -m tokenize: error: unrecognized arguments: -- y\n"))
        XCTAssertEqual(TokenizeArguments.parse(["-ex"]),
                       .exit(code: 2, stdout: "", stderr: usage
                             + "python -m tokenize: error: argument -e/--exact: ignored explicit argument 'x'\n"))
        XCTAssertEqual(TokenizeArguments.parse(["--=x"]),
                       .exit(code: 2, stdout: "", stderr: usage
                             + "python -m tokenize: error: ambiguous option: --=x could match --help, --exact\n"))
        if case let .exit(code, out, _) = TokenizeArguments.parse(["-eh"]) {
            XCTAssertEqual(code, 0)
            XCTAssertTrue(out.hasPrefix(usage + "\npositional arguments:\n"))
        } else {
            XCTFail("-eh should print the help")
        }
    }

    func testNarrowHelpWraps() {
        // COLUMNS=30 python3 -m tokenize -h
        XCTAssertEqual(TokenizeArguments.help(width: 28), """
            usage: python -m tokenize
                   [-h] [-e]
                   [filename.py]

            positional arguments:
              filename.py
                    the file to
                    tokenize; defaults
                    to stdin

            options:
              -h, --help
                    show this help
                    message and exit
              -e, --exact
                    display token names
                    using the exact type

            """)
    }

    func testASCIIReprFastPathAgreesWithPyRepr() {
        var samples: [[UInt8]] = (0..<128).map { [UInt8($0)] }
        samples += [Array("it's".utf8), Array("say \"hi\"".utf8), Array("'\"".utf8), Array("a\\b\t\r\n\u{7f}".utf8), []]
        for s in samples {
            var out: [UInt8] = []
            let width = s.withUnsafeBufferPointer {
                TokenPrinter.appendASCIIRepr($0, hasSingle: s.contains(0x27), hasDouble: s.contains(0x22), to: &out)
            }
            let expected = PyRepr.string(String(decoding: s, as: UTF8.self))
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected)
            XCTAssertEqual(width, expected.unicodeScalars.count)
        }
    }
}
