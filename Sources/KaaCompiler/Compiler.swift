import KaaSyntax
import KaaBytecode

/// The compiler stage: an AST (KaaSyntax) in, code objects (KaaBytecode) out, identical to CPython 3.11's.
/// (CPython: Python/compile.c `_PyAST_Compile`, Python/symtable.c, Python/ast_opt.c, Python/future.c)
public enum Compiler {}
