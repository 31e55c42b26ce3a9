// TEMPORARY (branch dump): stands in for `parseSource`, which the pstmt helper writes in Parser/Parser+Entry.swift.
// Delete this file when merging pstmt. It fails every parse rather than reaching the placeholder lexer's fatalError.
public func parseSource(_ source: [UInt8], filename: String, mode: Parser.Mode, typeComments: Bool) throws -> Mod {
    throw SyntaxErrorInfo(message: "parser not merged yet (ParseSourceShim.swift)", filename: filename)
}
