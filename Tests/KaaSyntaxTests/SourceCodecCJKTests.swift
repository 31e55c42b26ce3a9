import Foundation
import XCTest
@testable import KaaSyntax

/// The CJK source codecs against CPython 3.11's codecs (tests/codecs/cjk_lines.txt, made by
/// scripts/gen_cjk_codec_tables.py): every byte pair each codec maps, gb18030's 4-byte and euc_kr's make-up
/// sequences, and random lines with stray and truncated bytes, decoded or refused (same error position and reason) as CPython does.
final class SourceCodecCJKTests: XCTestCase {
    func testLinesAsCPythonDecodesThem() throws {
        let path = Golden.repoRoot + "/tests/codecs/cjk_lines.txt"
        let text = try XCTUnwrap(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) })
        var codecs: [String: SourceCodec] = [:]
        var checked: [String: Int] = [:]
        var failures = 0
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 else { XCTFail("bad fixture row \(row)"); continue }
            let name = String(f[0])
            if codecs[name] == nil { codecs[name] = SourceCodec(name: name) }
            guard let codec = codecs[name] else { XCTFail("no codec \(name)"); return }
            var bytes: [UInt8] = []
            var hex = f[1].utf8.makeIterator()
            while let a = hex.next(), let b = hex.next() { bytes.append(UInt8(String(decoding: [a, b], as: UTF8.self), radix: 16)!) }
            let error = f[2].hasPrefix("ERR") ? f[2].split(separator: " ", maxSplits: 3) : nil
            let want: [UInt8]? = error != nil ? nil : Array(String(String.UnicodeScalarView(
                f[2].split(separator: " ").map { Unicode.Scalar(UInt32($0, radix: 16)!)! })).utf8)
            let got = codec.decode(bytes[...])
            checked[name, default: 0] += 1
            if got != want {
                failures += 1
                if failures <= 20 { XCTFail("\(name) \(f[1]): got \(got.map { String(decoding: $0, as: UTF8.self) } ?? "ERR"), want \(f[2])") }
            }
            if let error = error {
                // UnicodeDecodeError's start, end and reason, as CPython's codec gives them.
                let (start, end, reason) = codec.decodeError(bytes[...])
                if "\(start) \(end) \(reason)" != error.dropFirst().joined(separator: " ") {
                    failures += 1
                    if failures <= 20 { XCTFail("\(name) \(f[1]): error \(start) \(end) \(reason), want \(f[2])") }
                }
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertEqual(checked.keys.sorted(), ["big5", "cp932", "cp949", "euc_kr", "gb18030", "gb2312", "gbk", "shift_jis"])
        XCTAssertGreaterThan(checked.values.reduce(0, +), 30000)
    }
}
