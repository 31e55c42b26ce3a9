import KaaSyntax

/// CPython: Python/ast_unparse.c — the source text of an annotation under `from __future__ import annotations`.
enum ASTUnparse {
    static func expr(_ e: Expr) -> String { "" }
}
