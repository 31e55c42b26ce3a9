import KaaSyntax

/// The scopes code generation runs with, and the module after the AST optimizer.
struct CompileScopes {
    var module: Mod
    var provider: ScopeProvider
    var futureAnnotations = false
    var futureLineno = 0
    var futureFlags: Int32 = 0
}

/// A provider for modules without nested blocks (until the symbol table stage is wired): every name of the module
/// block is resolved by name (LOAD_NAME/STORE_NAME), which is what CPython does at module level.
final class ModuleOnlyScopes: ScopeProvider {
    let top: ScopeInfo
    init(_ mod: Mod) {
        top = ScopeInfo(type: .module, name: "top")
        if case .module(let body, _) = mod { collectImports(body) }
    }
    private func collectImports(_ body: [Stmt]) {
        for s in body {
            switch s.kind {
            case .import(let names), .importFrom(_, let names, _):
                for a in names {
                    let n = a.asname ?? String(a.name.split(separator: ".").first ?? "")
                    top.symbols[n, default: .init(scope: .globalImplicit, flags: 0)].flags |= ScopeInfo.Flag.defImport
                }
            case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o, _):
                collectImports(b); collectImports(o)
            case .try(let b, let h, let o, let f), .tryStar(let b, let h, let o, let f):
                collectImports(b); collectImports(o); collectImports(f)
                for x in h { collectImports(x.body) }
            case .with(_, let b, _):
                collectImports(b)
            default: break
            }
        }
    }
    func lookup(_ key: ScopeInfo.Key) -> ScopeInfo? { key.kind == .module ? top : nil }
}

extension Compiler {
    static func makeScopes(_ module: Mod, filename: String, source: [UInt8], optimize: Int) throws -> CompileScopes {
        CompileScopes(module: module, provider: ModuleOnlyScopes(module))
    }
}
