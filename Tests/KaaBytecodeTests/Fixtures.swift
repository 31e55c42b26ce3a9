import Foundation

/// Files under tests/dis/ (goldens and fixtures made by python3 with scripts/gen_bytecode_fixtures.py).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tests/dis")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    static func lines(_ name: String) throws -> [Substring] {
        try text(name).split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }
    }

    static func hex(_ s: Substring) -> [UInt8] {
        if s == "-" { return [] }
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            out.append(UInt8(s[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    static func hexString(_ b: [UInt8]) -> String {
        b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Masks code object addresses like the goldens do.
    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: " at 0x[0-9a-f]+, file ", with: " at 0x?, file ", options: .regularExpression)
    }
}
