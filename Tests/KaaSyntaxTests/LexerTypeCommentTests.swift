import XCTest
@testable import KaaSyntax

/// TYPE_COMMENT / TYPE_IGNORE tokens (ast.parse(..., type_comments=True)). The texts are what CPython's AST
/// carries: `type_comment` strings and `TypeIgnore.tag`s, checked with python3 (see comments).
final class LexerTypeCommentTests: XCTestCase {
    func dump(_ s: String) -> String { LexerTestSupport.dump(s, typeComments: true) }

    func testAssignmentTypeComment() {
        // ast: Assign(..., type_comment='int')
        XCTAssertEqual(dump("x = 1  # type: int\n"), """
            NAME 'x' 1:0-1:1
            EQUAL '=' 1:2-1:3
            NUMBER '1' 1:4-1:5
            TYPE_COMMENT 'int' 1:15-1:18
            NEWLINE '' 1:18-1:18
            ENDMARKER '' 1:-1-1:-1
            """)
    }

    func testPrefixSpacesAreOptional() {
        // ast: type_comment='List[int]' for '#type:List[int]' and '#  type:\tList[int]'
        XCTAssertTrue(dump("x = []  #type:List[int]\n").contains("TYPE_COMMENT 'List[int]' 1:14-1:23"))
        XCTAssertTrue(dump("x = []  #  type:\tList[int]\n").contains("TYPE_COMMENT 'List[int]' 1:17-1:26"))
        // Not a type comment: "type" must follow "#" (after optional blanks) exactly.
        XCTAssertFalse(dump("x = []  # Type: int\n").contains("TYPE"))
        XCTAssertFalse(dump("x = []  # typ: int\n").contains("TYPE"))
    }

    func testTypeIgnore() {
        // ast: type_ignores=[TypeIgnore(lineno=1, tag='')], [TypeIgnore(lineno=1, tag='[misc]')]
        XCTAssertTrue(dump("import x  # type: ignore\n").contains("TYPE_IGNORE '' 1:24-1:24"))
        XCTAssertTrue(dump("import x  # type: ignore[misc]\n").contains("TYPE_IGNORE '[misc]' 1:24-1:30"))
        XCTAssertTrue(dump("import x  # type: ignore # noqa\n").contains("TYPE_IGNORE ' # noqa' 1:24-1:31"))
        // "ignored" / "ignoreé" are type comments, not ignores (alnum or non-ASCII after "ignore").
        XCTAssertTrue(dump("x = 1  # type: ignored\n").contains("TYPE_COMMENT 'ignored'"))
        XCTAssertTrue(dump("x = 1  # type: ignore\u{E9}\n").contains("TYPE_COMMENT 'ignore\u{E9}'"))
    }

    func testTypeIgnoreOnItsOwnLineConsumesTheNewline() {
        // A blank-line TYPE_IGNORE takes its newline with it: no NEWLINE token follows.
        XCTAssertEqual(dump("# type: ignore\nx\n"), """
            TYPE_IGNORE '' 1:14-1:14
            NAME 'x' 2:0-2:1
            NEWLINE '' 2:1-2:1
            ENDMARKER '' 2:-1-2:-1
            """)
    }

    func testFunctionSignatureTypeComment() {
        // ast: FunctionDef(..., type_comment='(int) -> None')
        let d = dump("def f(a):\n    # type: (int) -> None\n    pass\n")
        // The comment-only line sets no indentation: NEWLINE TYPE_COMMENT NEWLINE INDENT, as func_type_comment expects.
        XCTAssertTrue(d.contains("NEWLINE '' 1:9-1:9\nTYPE_COMMENT '(int) -> None' 2:12-2:25\nNEWLINE '' 2:25-2:25\nINDENT '' 3:-1-3:-1"), d)
    }

    func testOffByDefault() {
        XCTAssertFalse(LexerTestSupport.dump("x = 1  # type: int\n").contains("TYPE"))
    }
}
