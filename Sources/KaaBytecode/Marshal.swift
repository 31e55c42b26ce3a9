/// CPython's marshal format, version 4 (Python/marshal.c): the serialization of code objects inside .pyc files.
///
/// Every value starts with a type code byte; bit 7 (`FLAG_REF`) asks the reader to remember the value so that a
/// later `TYPE_REF` (index into the remembered values) can stand for it again.
public enum Marshal {
    public static let version = 4

    public enum TypeCode {
        public static let null: UInt8 = 0x30            // '0'
        public static let none: UInt8 = 0x4E            // 'N'
        public static let `false`: UInt8 = 0x46         // 'F'
        public static let `true`: UInt8 = 0x54          // 'T'
        public static let stopIteration: UInt8 = 0x53   // 'S'
        public static let ellipsis: UInt8 = 0x2E        // '.'
        public static let int: UInt8 = 0x69             // 'i'
        public static let int64: UInt8 = 0x49           // 'I' (read only, no longer written)
        public static let float: UInt8 = 0x66           // 'f' (text float, read only)
        public static let binaryFloat: UInt8 = 0x67     // 'g'
        public static let complex: UInt8 = 0x78         // 'x' (text complex, read only)
        public static let binaryComplex: UInt8 = 0x79   // 'y'
        public static let long: UInt8 = 0x6C            // 'l'
        public static let string: UInt8 = 0x73          // 's' (bytes)
        public static let interned: UInt8 = 0x74        // 't'
        public static let ref: UInt8 = 0x72             // 'r'
        public static let tuple: UInt8 = 0x28           // '('
        public static let list: UInt8 = 0x5B            // '['
        public static let dict: UInt8 = 0x7B            // '{'
        public static let code: UInt8 = 0x63            // 'c'
        public static let unicode: UInt8 = 0x75         // 'u'
        public static let unknown: UInt8 = 0x3F         // '?'
        public static let set: UInt8 = 0x3C             // '<'
        public static let frozenset: UInt8 = 0x3E       // '>'
        public static let ascii: UInt8 = 0x61           // 'a'
        public static let asciiInterned: UInt8 = 0x41   // 'A'
        public static let smallTuple: UInt8 = 0x29      // ')'
        public static let shortASCII: UInt8 = 0x7A      // 'z'
        public static let shortASCIIInterned: UInt8 = 0x5A  // 'Z'
    }

    public static let flagRef: UInt8 = 0x80
    /// CPython: MAX_MARSHAL_STACK_DEPTH
    public static let maxDepth = 2000

    /// `marshal.loads(data)`: the first value in `data` (trailing bytes are ignored, as CPython does).
    public static func loads(_ data: [UInt8]) throws -> BytecodeConstant {
        try data.withUnsafeBufferPointer { buffer in
            var reader = MarshalReader(buffer)
            return try reader.readTopLevel()
        }
    }

    /// `marshal.dumps(value, 4)`.
    public static func dumps(_ value: BytecodeConstant) throws -> [UInt8] {
        var writer = MarshalWriter()
        try writer.write(value)
        return writer.output
    }
}
