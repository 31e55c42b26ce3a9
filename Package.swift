// swift-tools-version:6.0
// Kaa: Python 3.11 in Swift. One target per stage of the pipeline (see docs/ARCHITECTURE.md):
//   KaaCore → KaaSyntax → KaaCompiler → KaaBytecode → KaaRuntime → (KaaStdlib → Kaa) → kaa
// Release builds (`swift build -c release`) use whole-module optimisation.
import PackageDescription

let optimize: [SwiftSetting] = [
    .unsafeFlags(["-wmo"], .when(configuration: .release)),
]
// Release builds of the hot targets skip Swift's dynamic exclusivity checks: every access to a global or to a class's
// stored property is otherwise a swift_beginAccess call with a thread-local lookup (15-20% of the eval loop's time in
// nbody; several percent of compile time). Debug builds keep the checks, so the tests still catch overlapping access.
let unchecked: [SwiftSetting] = optimize + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "Kaa",
    products: [
        .executable(name: "kaa", targets: ["kaa"]),
        .library(name: "KaaSyntax", targets: ["KaaSyntax"]),
        .library(name: "KaaBytecode", targets: ["KaaBytecode"]),
        .library(name: "KaaCompiler", targets: ["KaaCompiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // Values every stage shares before there is a runtime: code-point strings, Python's reprs, Unicode tables.
        .target(name: "KaaCore", dependencies: [.product(name: "BigInt", package: "BigInt")], swiftSettings: optimize),
        // Source text → tokens → AST, with CPython's SyntaxErrors. Knows nothing of bytecode or the runtime.
        .target(name: "KaaSyntax", dependencies: ["KaaCore"], swiftSettings: unchecked),
        // CPython 3.11 instructions, code objects, line/exception tables, marshal, .pyc, dis.
        .target(name: "KaaBytecode", dependencies: ["KaaCore"], swiftSettings: optimize),
        // AST → code objects identical to CPython 3.11's: symtable, AST optimizer, codegen, flow graph, assembler.
        .target(name: "KaaCompiler", dependencies: ["KaaSyntax", "KaaBytecode"], swiftSettings: unchecked),
        // Objects, the evaluation loop, builtins, imports (issue 4). Runs CPython 3.11 code objects; compiles source
        // through KaaSyntax and KaaCompiler for compile()/exec()/eval() and imports (Compile.swift).
        // SIL dead-store elimination in Swift 6.3.1 drops stores to adjacent value-stack slots in the eval loop
        // (docs/OBJECT-MODEL.md, "A Swift 6.3.1 optimiser bug"): disabled for this target.
        .target(name: "KaaRuntime",
                dependencies: ["KaaCore", "KaaSyntax", "KaaBytecode", "KaaCompiler",
                               .product(name: "BigInt", package: "BigInt")],
                swiftSettings: unchecked + [.unsafeFlags(["-Xllvm", "-sil-disable-pass=dead-store-elimination"])]),
        // Swift versions of the modules CPython writes in C (math, time, gc, _weakref, …), on the runtime's package API.
        .target(name: "KaaStdlib", dependencies: ["KaaRuntime", .product(name: "BigInt", package: "BigInt")],
                swiftSettings: unchecked),
        // The `kaa` command, shaped like `python3`.
        // Linked through scripts/ld-as-needed (ld --as-needed first): BigInt imports Foundation, so every object
        // autolinks libFoundation and ICU, which Kaa never calls; the executable records only the libraries it uses
        // (docs/ARCHITECTURE.md, "No Foundation").
        .executableTarget(name: "kaa", dependencies: ["KaaSyntax", "KaaCompiler", "KaaBytecode", "KaaRuntime", "KaaStdlib"],
                          swiftSettings: optimize,
                          linkerSettings: [.unsafeFlags(["-Xclang-linker", "--ld-path=\(Context.packageDirectory)/scripts/ld-as-needed"],
                                                        .when(platforms: [.linux]))]),
        // Compiles many files in one process for scripts/conformance-compiler.
        .executableTarget(name: "kaa-compile-batch", dependencies: ["KaaSyntax", "KaaBytecode", "KaaCompiler"],
                          swiftSettings: optimize),
        // `kaa -m dis` alone, for scripts/conformance-bytecode and bench/unmarshal (batch modes).
        .executableTarget(name: "kaa-bytecode-conformance", dependencies: ["KaaBytecode"], swiftSettings: optimize),
        // Test-only: prints Kaa's symbol table for scripts/conformance-symtable.
        .executableTarget(name: "kaa-symtable-dump", dependencies: ["KaaSyntax", "KaaCompiler", "KaaCore"]),
        .testTarget(name: "KaaCoreTests", dependencies: ["KaaCore"]),
        .testTarget(name: "KaaSyntaxTests", dependencies: ["KaaSyntax"]),
        .testTarget(name: "KaaBytecodeTests", dependencies: ["KaaBytecode"]),
        .testTarget(name: "KaaCompilerTests", dependencies: ["KaaCompiler"]),
        .testTarget(name: "KaaRuntimeTests", dependencies: ["KaaRuntime"]),
        // Runs the built `kaa` executable end to end (it is built with the tests).
        .testTarget(name: "KaaCommandTests", dependencies: ["kaa"]),
    ],
    swiftLanguageModes: [.v5]
)
