import Foundation
import XCTest

/// Shared helpers of the golden-folder runners: where the repo is, which inputs a folder holds, and a line diff
/// that names the first difference.
enum Golden {
    /// The repository root: #filePath is <root>/Tests/KaaSyntaxTests/GoldenSupport.swift.
    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The `*.py` inputs of `tests/<folder>`, sorted by name.
    static func inputs(_ folder: String) -> [String] {
        let dir = repoRoot + "/tests/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }

    static func read(_ folder: String, _ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: repoRoot + "/tests/" + folder + "/" + name).map { [UInt8]($0) }
    }

    static func readText(_ folder: String, _ name: String) -> String? {
        read(folder, name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The exit code recorded in NAME.rc (absent: 0).
    static func exitCode(_ folder: String, _ base: String) -> Int32 {
        guard let text = readText(folder, base + ".rc") else { return 0 }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A short report of how `got` differs from `want`: the first differing line with a little context.
    static func diff(want: String, got: String) -> String {
        let w = want.split(separator: "\n", omittingEmptySubsequences: false)
        let g = got.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < w.count && i < g.count && w[i] == g[i] { i += 1 }
        var out = "first difference at line \(i + 1) (expected \(w.count) lines, got \(g.count))\n"
        let from = max(0, i - 2)
        for j in from..<min(w.count, i + 3) { out += "  - \(j + 1): \(w[j])\n" }
        for j in from..<min(g.count, i + 3) { out += "  + \(j + 1): \(g[j])\n" }
        return out
    }
}
