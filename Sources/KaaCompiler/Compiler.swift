import KaaCore
import KaaSyntax
import KaaBytecode

/// The compiler stage: an AST (KaaSyntax) in, code objects (KaaBytecode) out, identical to CPython 3.11's.
/// (CPython: Python/compile.c `_PyAST_Compile`, Python/symtable.c, Python/ast_opt.c, Python/future.c)
public enum Compiler {
    public enum Mode { case exec, eval, single }

    /// The stage a SyntaxError came from. CPython's future.c and symtable.c only set the location attributes
    /// (the exception's args stay `(msg,)`); compile.c raises it with `(msg, (filename, lineno, …))`.
    public enum ErrorStage: Sendable { case scopes, codegen }

    /// `compile(source, filename, mode, dont_inherit=True, optimize=optimize)` for an already parsed module.
    /// `source` is only used for the text of error messages. Throws `SyntaxErrorInfo`. `futureFlags` are CO_FUTURE_*
    /// bits added to the module's own future imports (compile()'s flags, or inherited from the calling code);
    /// `errorStage` hears which stage raised a SyntaxError before it is thrown.
    /// `warnings` hears the compiler's SyntaxWarnings (see CompilerWarning); without it they are dropped.
    public static func compile(_ module: Mod, filename: String, source: [UInt8], optimize: Int = 0,
                               futureFlags: Int = 0, errorStage: ((ErrorStage) -> Void)? = nil,
                               warnings: CompilerWarning.Sink? = nil) throws -> CodeObject {
        // Code generation recurses once per nesting level of the AST (up to the parser's limit): run it on a large
        // stack, like the parser.
        let result: Result<CodeObject, Error> = withLargeStack {
            Result { try compileMod(module, filename: filename, source: source, optimize: optimize,
                                    futureFlags: futureFlags, errorStage: errorStage, warnings: warnings) }
        }
        return try result.get()
    }

    static func compileMod(_ module: Mod, filename: String, source: [UInt8], optimize: Int, futureFlags: Int = 0,
                           errorStage: ((ErrorStage) -> Void)? = nil,
                           warnings: CompilerWarning.Sink? = nil) throws -> CodeObject {
        do {
            let scopes: CompileScopes
            do {
                scopes = try makeScopes(module, filename: filename, source: source, optimize: optimize,
                                        futureFlags: futureFlags)
            } catch let e as SyntaxErrorInfo {
                errorStage?(.scopes)
                throw e
            }
            let cg = CodeGen(filename: filename, source: source, optimize: optimize,
                             futureAnnotations: scopes.futureAnnotations, futureLineno: scopes.futureLineno,
                             flags: scopes.futureFlags, symtable: scopes.provider)
            cg.warningSink = warnings
            return try cg.compileModule(scopes.module)
        } catch let e as CompileError {
            errorStage?(.codegen)
            throw e.info
        }
    }
}

extension CodeGen {
    /// CPython: compiler_mod
    func compileModule(_ mod: Mod) throws -> CodeObject {
        interned.module = mod
        try enterScope(name: "<module>", scopeType: .module,
                       key: .init(kind: .module, range: SourceRange(lineno: 0, colOffset: 0, endLineno: 0,
                                                                    endColOffset: 0)), lineno: 1)
        u.loc.line = 1
        var addNone = true
        switch mod {
        case .module(let body, _):
            try self.body(body)
        case .interactive(let body):
            if CodeGen.findAnn(body) { addop(Op.SETUP_ANNOTATIONS) }
            interactive = true
            try visitStmts(body)
        case .expression(let body):
            try visitExpr(body)
            addNone = false
        case .functionType:
            throw error("module kind should not be possible")
        }
        let co = try assemble(addNone: addNone)
        exitScope()
        return co
    }
}
