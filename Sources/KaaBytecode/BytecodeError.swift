/// A Python exception raised while reading or writing bytecode data: the class CPython raises (`EOFError`,
/// `ValueError`, `TypeError`, `UnicodeDecodeError`, `SystemError`, `ImportError`...) and its message.
public struct BytecodeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let pythonClass: String
    public let message: String

    public init(_ pythonClass: String, _ message: String) {
        self.pythonClass = pythonClass
        self.message = message
    }

    /// As a traceback's last line prints it: `ValueError: bad marshal data (unknown type code)`.
    public var description: String { message.isEmpty ? pythonClass : pythonClass + ": " + message }
}
