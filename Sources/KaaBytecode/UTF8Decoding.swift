import KaaCore

/// UTF-8 decoding with the "surrogatepass" error handler, as marshal reads non-ASCII strings.
/// CPython: unicode_decode_utf8 + stringlib utf8_decode + PyCodec_SurrogatePassErrors
enum UTF8Decoding {
    static func decodeSurrogatePass(_ b: UnsafeBufferPointer<UInt8>) throws -> PyString {
        var out: [UInt32] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        @inline(__always) func isCont(_ x: UInt8) -> Bool { x & 0xC0 == 0x80 }
        while i < n {
            let c = b[i]
            if c < 0x80 { out.append(UInt32(c)); i += 1; continue }
            // On an invalid sequence: errorLength 1... (bytes reported), 0 = unexpected end of data.
            var error: (reason: String, end: Int)? = nil
            if c < 0xC2 {
                error = ("invalid start byte", i + 1)
            } else if c < 0xE0 {
                if n - i < 2 { error = ("unexpected end of data", n) }
                else if !isCont(b[i + 1]) { error = ("invalid continuation byte", i + 1) }
                else {
                    out.append(UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F))
                    i += 2; continue
                }
            } else if c < 0xF0 {
                if n - i < 3 {
                    if n - i >= 2, !isCont(b[i + 1]) || (b[i + 1] < 0xA0 ? c == 0xE0 : c == 0xED) {
                        error = ("invalid continuation byte", i + 1)
                    } else {
                        error = ("unexpected end of data", n)
                    }
                } else if !isCont(b[i + 1]) || (c == 0xE0 && b[i + 1] < 0xA0) || (c == 0xED && b[i + 1] >= 0xA0) {
                    error = ("invalid continuation byte", i + 1)
                } else if !isCont(b[i + 2]) {
                    error = ("invalid continuation byte", i + 2)
                } else {
                    out.append(UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F))
                    i += 3; continue
                }
            } else if c < 0xF5 {
                if n - i < 4 {
                    if n - i >= 2, !isCont(b[i + 1]) || (b[i + 1] < 0x90 ? c == 0xF0 : c == 0xF4) {
                        error = ("invalid continuation byte", i + 1)
                    } else if n - i >= 3, !isCont(b[i + 2]) {
                        error = ("invalid continuation byte", i + 2)
                    } else {
                        error = ("unexpected end of data", n)
                    }
                } else if !isCont(b[i + 1]) || (c == 0xF0 && b[i + 1] < 0x90) || (c == 0xF4 && b[i + 1] >= 0x90) {
                    error = ("invalid continuation byte", i + 1)
                } else if !isCont(b[i + 2]) {
                    error = ("invalid continuation byte", i + 2)
                } else if !isCont(b[i + 3]) {
                    error = ("invalid continuation byte", i + 3)
                } else {
                    out.append(UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                               | UInt32(b[i + 3] & 0x3F))
                    i += 4; continue
                }
            } else {
                error = ("invalid start byte", i + 1)
            }
            // surrogatepass: an encoded surrogate (ED A0..BF 80..BF) decodes to the lone surrogate.
            if n - i >= 3, c & 0xF0 == 0xE0, isCont(b[i + 1]), isCont(b[i + 2]) {
                let cp = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                if cp >= 0xD800 && cp <= 0xDFFF {
                    out.append(cp)
                    i += 3
                    continue
                }
            }
            let (reason, end) = error!
            let message: String
            if end - i == 1 {
                let hex = String(b[i], radix: 16)
                message = "'utf-8' codec can't decode byte 0x\(hex.count < 2 ? "0" + hex : hex) in position \(i): \(reason)"
            } else {
                message = "'utf-8' codec can't decode bytes in position \(i)-\(end - 1): \(reason)"
            }
            throw BytecodeError("UnicodeDecodeError", message)
        }
        return PyString(codePoints: out)
    }

    /// UTF-8 with surrogates encoded as themselves ("surrogatepass"), as marshal writes non-ASCII strings.
    static func encodeSurrogatePass(_ s: PyString, into out: inout [UInt8]) {
        for cp in s.codePoints {
            switch cp {
            case 0..<0x80: out.append(UInt8(cp))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | (cp >> 6))); out.append(UInt8(0x80 | (cp & 0x3F)))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | (cp >> 12))); out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (cp & 0x3F)))
            default:
                out.append(UInt8(0xF0 | ((cp >> 18) & 0x07))); out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
            }
        }
    }
}
