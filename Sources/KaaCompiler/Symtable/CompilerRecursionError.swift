/// CPython raises `RecursionError("maximum recursion depth exceeded during compilation")` when the symbol table
/// builder or the AST optimizer nests deeper than the recursion limit times COMPILER_STACK_FRAME_SCALE (3), e.g. for
/// `compile('+'.join(['a'] * 5000), 'f', 'exec')`. It is not a SyntaxError: it has no location.
/// (CPython 3.11: Python/symtable.c and Python/ast_opt.c, `recursion_depth > recursion_limit`)
public struct CompilerRecursionError: Error, Sendable, Equatable {
    public var message: String { "maximum recursion depth exceeded during compilation" }
    public init() {}

    /// Python's default recursion limit (1000) × COMPILER_STACK_FRAME_SCALE (3), the depth allowed when the
    /// compilation starts from a shallow Python stack (running a script, `compile()` at top level).
    public static let defaultLimit = 3000
}
