import Foundation

extension Parser {
    /// CPython: _PyPegen_new_identifier calls unicodedata.normalize('NFKC', name) for non-ASCII identifiers.
    /// Kept in its own file: the only use of Foundation in the parser, reached only for non-ASCII names.
    func nfkc(_ s: String) -> String {
        let decomposed = s.decomposedStringWithCompatibilityMapping
        // Foundation composes conjoining jamo outside Unicode's L/V/T ranges (U+1176, U+11A7, U+11C3...) into
        // syllables, and drops U+11A7; CPython does not. Identifiers with jamo get the Hangul composition done here.
        guard decomposed.unicodeScalars.contains(where: { $0.value >= 0x1100 && $0.value <= 0x11FF }) else {
            return s.precomposedStringWithCompatibilityMapping
        }
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        func flushRun() {
            if !run.isEmpty {
                out.append(contentsOf: String(run).precomposedStringWithCanonicalMapping.unicodeScalars)
                run.removeAll()
            }
        }
        let scalars = Array(decomposed.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            guard v >= 0x1100 && v <= 0x11FF else {
                run.append(scalars[i])
                i += 1
                continue
            }
            // Jamo are starters: canonical composition never crosses them, so the other runs compose apart.
            flushRun()
            // Unicode 3.12 Hangul composition: L (1100..1112) + V (1161..1175) [+ T (11A8..11C2)].
            if v <= 0x1112, i + 1 < scalars.count, (0x1161...0x1175).contains(scalars[i + 1].value) {
                var syllable = 0xAC00 + ((v - 0x1100) * 21 + (scalars[i + 1].value - 0x1161)) * 28
                i += 2
                if i < scalars.count, (0x11A8...0x11C2).contains(scalars[i].value) {
                    syllable += scalars[i].value - 0x11A7
                    i += 1
                }
                if let composed = Unicode.Scalar(syllable) { out.append(composed) }
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        flushRun()
        return String(out)
    }
}
