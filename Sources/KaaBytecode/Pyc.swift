import KaaCore

/// A .pyc file: the 16-byte header of PEP 552 and the marshalled module code object.
///
/// Header: magic number (3495 for CPython 3.11: `a7 0d 0d 0a`), a 32-bit flags word, then either the source's
/// mtime and size (flags 0) or the 8-byte SipHash-1-3 of the source (flags bit 0; bit 1 = check the hash).
/// CPython: Lib/importlib/_bootstrap_external.py (_classify_pyc, _code_to_timestamp_pyc, _code_to_hash_pyc)
public struct PycFile {
    public static let magicNumber: [UInt8] = [0xa7, 0x0d, 0x0d, 0x0a]
    /// `importlib.util._RAW_MAGIC_NUMBER`: the magic as a little-endian integer, the key of source hashes.
    public static let rawMagicNumber: UInt64 = 0x0a0d0da7

    public enum Validation: Equatable {
        /// flags 0: source modification time and size (both mod 2**32).
        case timestamp(mtime: UInt32, sourceSize: UInt32)
        /// flags 1 (unchecked) or 3 (checked): the source's hash.
        case hash(checkSource: Bool, sourceHash: [UInt8])
    }

    public var validation: Validation
    public var code: CodeObject

    public init(validation: Validation, code: CodeObject) {
        self.validation = validation
        self.code = code
    }

    /// `importlib.util.source_hash(source)`: `_imp.source_hash(_RAW_MAGIC_NUMBER, source)`, the 8 bytes of
    /// `_Py_KeyedHash` in little-endian order. CPython: _imp_source_hash_impl (Python/import.c)
    public static func sourceHash(_ source: [UInt8]) -> [UInt8] {
        let h = SipHash13.keyed(rawMagicNumber, source)
        return (0..<8).map { UInt8(truncatingIfNeeded: h >> (8 * UInt64($0))) }
    }

    /// Reads a .pyc. `name` is used in messages as importlib uses the module name.
    public static func read(_ data: [UInt8], name: String = "<pyc>") throws -> PycFile {
        let nameRepr = "'" + name + "'"
        guard data.count >= 4, Array(data[0..<4]) == magicNumber else {
            throw BytecodeError("ImportError", "bad magic number in \(nameRepr): \(PyRepr.bytes(Array(data.prefix(4))))")
        }
        guard data.count >= 16 else {
            throw BytecodeError("EOFError", "reached EOF while reading pyc header of \(nameRepr)")
        }
        let flags = u32(data, 4)
        if flags & ~0b11 != 0 { throw BytecodeError("ImportError", "invalid flags \(flags) in \(nameRepr)") }
        let validation: Validation
        if flags & 1 != 0 {
            validation = .hash(checkSource: flags & 2 != 0, sourceHash: Array(data[8..<16]))
        } else {
            validation = .timestamp(mtime: u32(data, 8), sourceSize: u32(data, 12))
        }
        let value = try data.withUnsafeBufferPointer { buffer -> BytecodeConstant in
            var reader = MarshalReader(UnsafeBufferPointer(rebasing: buffer[16...]))
            return try reader.readTopLevel()
        }
        guard case .code(let code) = value else {
            throw BytecodeError("ImportError", "Non-code object in \(nameRepr)")
        }
        return PycFile(validation: validation, code: code)
    }

    /// The header (16 bytes) of this file.
    public var header: [UInt8] {
        var out = Self.magicNumber
        func put(_ v: UInt32) { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
        switch validation {
        case .timestamp(let mtime, let size):
            put(0); put(mtime); put(size)
        case .hash(let check, let hash):
            put(check ? 3 : 1)
            out += hash.prefix(8)
            out += [UInt8](repeating: 0, count: max(0, 8 - hash.count))
        }
        return out
    }

    /// The whole file: header and marshalled code. CPython: _code_to_timestamp_pyc / _code_to_hash_pyc
    public func bytes() throws -> [UInt8] {
        header + (try Marshal.dumps(.code(code)))
    }

    static func u32(_ d: [UInt8], _ at: Int) -> UInt32 {
        UInt32(d[at]) | UInt32(d[at + 1]) << 8 | UInt32(d[at + 2]) << 16 | UInt32(d[at + 3]) << 24
    }
}
