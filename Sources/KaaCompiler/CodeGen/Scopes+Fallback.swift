import KaaSyntax

/// The scopes code generation runs with, and the module after the AST optimizer.
struct CompileScopes {
    var module: Mod
    var provider: ScopeProvider
    var futureAnnotations = false
    var futureLineno = 0
    var futureFlags: Int32 = 0
}

/// Code generation's view of the symbol table stage (`SymbolTable`): a `ScopeInfo` reads its block in place.
final class SymbolTableScopes: ScopeProvider {
    let table: SymbolTable
    let top: ScopeInfo

    init(_ table: SymbolTable) {
        self.table = table
        self.top = ScopeInfo(table.top)
    }

    func lookup(_ key: ScopeInfo.Key) -> ScopeInfo? {
        let kind: BlockKey.Kind
        switch key.kind {
        case .module: return top
        case .functionDef: kind = .functionDef
        case .asyncFunctionDef: kind = .asyncFunctionDef
        case .classDef: kind = .classDef
        case .lambda: kind = .lambda
        case .listComp: kind = .listComp
        case .setComp: kind = .setComp
        case .dictComp: kind = .dictComp
        case .generatorExp: kind = .generatorExp
        }
        guard let entry = table.entry(for: BlockKey(kind: kind, range: key.range)) else { return nil }
        return ScopeInfo(entry)
    }

}

extension Compiler {
    /// The source split in lines, each with its line ending (SyntaxError.text).
    static func sourceLines(_ source: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        for (i, b) in source.enumerated() where b == 10 {
            lines.append(String(decoding: source[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < source.count { lines.append(String(decoding: source[start...], as: UTF8.self)) }
        return lines
    }

    /// Future features, the AST optimizer and the symbol table.
    /// CPython: _PyAST_Compile before compiler_mod
    /// `futureFlags` are CO_FUTURE_* bits from compile()'s flags or the calling frame, merged into the module's own
    /// (CPython: compiler_setup, `c_future->ff_features | flags->cf_flags`).
    static func makeScopes(_ module: Mod, filename: String, source: [UInt8], optimize: Int,
                           futureFlags: Int = 0) throws -> CompileScopes {
        // The source lines only fill SyntaxError.text: split them only when an error is raised (then run again).
        var future: FutureFeatures
        let table: SymbolTable
        var optimized = module
        do {
            future = try FutureFeatures.parse(module, filename: filename)
            future.features.formUnion(FutureFeatures.Flags(rawValue: futureFlags))
            optimized = try ASTOptimizer.optimize(module, optimizeLevel: optimize, future: future)
            table = try SymbolTable.build(module: optimized, filename: filename, future: future)
        } catch is SyntaxErrorInfo {
            let lines = sourceLines(source)
            var f = try FutureFeatures.parse(module, filename: filename, sourceLines: lines)
            f.features.formUnion(FutureFeatures.Flags(rawValue: futureFlags))
            _ = try SymbolTable.build(module: optimized, filename: filename, future: f, sourceLines: lines)
            throw CompileError(info: SyntaxErrorInfo(message: "inconsistent symbol table error", filename: filename))
        }
        return CompileScopes(module: optimized, provider: SymbolTableScopes(table), futureAnnotations: future.annotations,
                             futureLineno: future.lineno, futureFlags: Int32(future.features.rawValue))
    }
}
