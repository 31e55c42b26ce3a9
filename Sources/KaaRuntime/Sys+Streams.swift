#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sys.stdin, sys.stdout and sys.stderr as far as print(), input() and programs writing to them need: write, flush,
/// readline, read, readlines, iteration, fileno, isatty and the name/encoding/errors/mode attributes. Output keeps
/// the runtime's buffering (writeStdout/writeStderr); stdin is read from fd 0 through one buffer.
/// (CPython: the io.TextIOWrapper objects create_stdio makes)

/// A standard stream object for fd 0, 1 or 2 (new reference).
func standardStream(_ fd: Int) -> PyValue { newIter(streamType, seq: .null, index: fd) }

private func streamFD(_ s: Word) -> Int { PyValue(raw: s).payload(IterObject.self).pointee.index }

/// Bytes read from fd 0 but not yet returned.
nonisolated(unsafe) var stdinBuffer: [UInt8] = []
nonisolated(unsafe) var stdinAtEOF = false

/// One line from stdin with its newline ("" at end of input), or all of it when `all`. (CPython: TextIOWrapper)
func readStdin(all: Bool = false, limit: Int = -1) -> String {
    String(decoding: readStdinBytes(all: all, limit: limit), as: UTF8.self)
}

/// The bytes of one line from stdin with its newline (empty at end of input), at most `limit` bytes, or all of
/// it when `all`; with `anyBytes`, up to `limit` bytes whatever they hold.
func readStdinBytes(all: Bool = false, limit: Int = -1, anyBytes: Bool = false) -> [UInt8] {
    flushStdout()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        if !all && !anyBytes, let nl = stdinBuffer.firstIndex(of: 0x0A), limit < 0 || nl < limit {
            let line = Array(stdinBuffer[...nl])
            stdinBuffer.removeFirst(nl + 1)
            return line
        }
        if limit >= 0 && stdinBuffer.count >= limit {
            let line = Array(stdinBuffer[..<limit])
            stdinBuffer.removeFirst(limit)
            return line
        }
        if stdinAtEOF { break }
        let n = read(0, &chunk, chunk.count)
        if n < 0 && errno == EINTR {
            if sigintPending != 0 { break }  // the caller raises KeyboardInterrupt
            continue
        }
        if n <= 0 { stdinAtEOF = true; break }
        stdinBuffer.append(contentsOf: chunk[0..<n])
    }
    let rest = stdinBuffer
    stdinBuffer = []
    return rest
}

func installStreamMethods() {
    installBinaryStreamType()
    let t = streamType!
    addMethod(t, "readline") { s, p, n, _ in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "not readable").raw }
        var limit = -1
        if n > 0 && PyValue(raw: p.unsafelyUnwrapped[0]) != pyNone {
            guard let l = indexValueOrRaise(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            limit = l
        }
        return newStr(readStdin(limit: limit)).raw
    }
    addMethod(t, "read") { s, _, _, _ in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "not readable").raw }
        return newStr(readStdin(all: true)).raw
    }
    addMethod(t, "readlines") { s, _, _, _ in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "not readable").raw }
        var lines: [PyValue] = []
        while true {
            let line = readStdin()
            if line.isEmpty { break }
            lines.append(newStr(line))
        }
        return newList(lines).raw
    }
    addMethod(t, "fileno") { s, _, _, _ in makeInt(streamFD(s)).raw }
    addMethod(t, "isatty") { s, _, _, _ in newRef(makeBool(isatty(Int32(streamFD(s))) != 0)).raw }
    addMethod(t, "readable") { s, _, _, _ in newRef(makeBool(streamFD(s) == 0)).raw }
    addMethod(t, "writable") { s, _, _, _ in newRef(makeBool(streamFD(s) != 0)).raw }
    addMethod(t, "seekable") { _, _, _, _ in newRef(pyFalse).raw }
    t.pointee.iter = { s in newRef(PyValue(raw: s)).raw }
    t.pointee.iternext = { s in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "not readable").raw }
        let line = readStdin()
        return line.isEmpty ? 0 : newStr(line).raw
    }
    t.pointee.repr = { s in
        let fd = streamFD(s)
        let name = ["<stdin>", "<stdout>", "<stderr>"][min(max(fd, 0), 2)]
        return newStr("<_io.TextIOWrapper name='\(name)' mode='\(fd == 0 ? "r" : "w")' encoding='utf-8'>").raw
    }
    t.pointee.getattro = { s, n in
        let fd = streamFD(s)
        switch strSwift(PyValue(raw: n)) {
        case "name": return newStr(["<stdin>", "<stdout>", "<stderr>"][min(max(fd, 0), 2)]).raw
        case "mode": return newStr(fd == 0 ? "r" : "w").raw
        case "encoding": return newStr("utf-8").raw
        case "errors": return newStr(fd == 2 ? "backslashreplace" : "strict").raw
        case "closed": return newRef(pyFalse).raw
        case "line_buffering": return newRef(makeBool(isatty(Int32(fd)) != 0)).raw
        case "buffer": return newRef(binaryStream(fd)).raw
        default: return genericGetAttrSlot(s, n)
        }
    }
}

// MARK: - the binary streams under them (sys.stdout.buffer, sys.stdin.buffer)

nonisolated(unsafe) var binaryStreamType: TypePtr! = nil
nonisolated(unsafe) var binaryStreams: [PyValue] = [.null, .null, .null]

/// The binary stream of fd 0, 1 or 2 (borrowed; one per fd). Writes share the text stream's buffer, so text and
/// bytes written in turn come out in order.
func binaryStream(_ fd: Int) -> PyValue {
    let i = min(max(fd, 0), 2)
    if binaryStreams[i].isNull {
        let v = newIter(binaryStreamType, seq: .null, index: i)
        v.obj.pointee.refcount = immortalRefcount
        binaryStreams[i] = v
    }
    return binaryStreams[i]
}

func installBinaryStreamType() {
    let t = newType("_io.BufferedWriter", base: objectType, basicSize: MemoryLayout<IterObject>.stride,
                    dealloc: iterDealloc)
    t.pointee.dict = newDict()
    t.pointee.getattro = { s, n in
        let fd = streamFD(s)
        switch strSwift(PyValue(raw: n)) {
        case "name": return newStr(["<stdin>", "<stdout>", "<stderr>"][min(max(fd, 0), 2)]).raw
        case "mode": return newStr(fd == 0 ? "rb" : "wb").raw
        case "closed": return newRef(pyFalse).raw
        default: return genericGetAttrSlot(s, n)
        }
    }
    t.pointee.repr = { s in
        let fd = streamFD(s)
        let kind = fd == 0 ? "BufferedReader" : "BufferedWriter"
        return newStr("<_io.\(kind) name='\(["<stdin>", "<stdout>", "<stderr>"][min(max(fd, 0), 2)])'>").raw
    }
    addMethod(t, "write") { s, p, n, _ in
        let fd = streamFD(s)
        if fd == 0 { return raise(unsupportedOperationType(), "write").raw }
        guard n == 1 else { return raise(typeErrorType, "write() takes exactly one argument (\(n) given)").raw }
        let v = PyValue(raw: p.unsafelyUnwrapped[0])
        guard let bytes = bytesLikeBytes(v) else {
            return raise(typeErrorType, "a bytes-like object is required, not '\(typeName(v))'").raw
        }
        if fd == 1 {
            stdoutBuffer.append(contentsOf: bytes)
            if stdoutBuffer.count >= 1 << 16 { flushStdout() }
        } else {
            writeStderr(String(decoding: bytes, as: UTF8.self))
        }
        return makeInt(bytes.count).raw
    }
    addMethod(t, "flush") { s, _, _, _ in
        if streamFD(s) == 1 { flushStdout() }
        return newRef(pyNone).raw
    }
    addMethod(t, "readline") { s, p, n, _ in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "readline").raw }
        var limit = -1
        if n > 0 && PyValue(raw: p.unsafelyUnwrapped[0]) != pyNone {
            guard let l = indexValueOrRaise(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            limit = l
        }
        return newBytes(readStdinBytes(limit: limit)).raw
    }
    addMethod(t, "read") { s, p, n, _ in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "read").raw }
        var limit = -1
        if n > 0 && PyValue(raw: p.unsafelyUnwrapped[0]) != pyNone {
            guard let l = indexValueOrRaise(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            limit = l
        }
        return newBytes(readStdinBytes(all: limit < 0, limit: limit, anyBytes: true)).raw
    }
    addMethod(t, "fileno") { s, _, _, _ in makeInt(streamFD(s)).raw }
    addMethod(t, "isatty") { s, _, _, _ in newRef(makeBool(isatty(Int32(streamFD(s))) != 0)).raw }
    t.pointee.iter = { s in newRef(PyValue(raw: s)).raw }
    t.pointee.iternext = { s in
        if streamFD(s) != 0 { return raise(unsupportedOperationType(), "readline").raw }
        let line = readStdinBytes()
        return line.isEmpty ? 0 : newBytes(line).raw
    }
    binaryStreamType = t
}

func unsupportedOperationType() -> TypePtr {
    for (n, t) in exceptionTypes where n == "UnsupportedOperation" { return t }
    for (n, t) in exceptionTypes where n == "OSError" { return t }
    return valueErrorType
}

/// input(prompt=None): writes the prompt to sys.stdout, reads a line from sys.stdin without its newline; EOFError
/// at the end of input. (CPython: builtin_input_impl, the non-tty path)
func builtinInput(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("input"), a.count("input", 0, 1) else { return 0 }
    let stdin = sysValue("stdin"), stdout = sysValue("stdout")
    if stdin.isNull || stdin == pyNone { return raise(runtimeErrorType, "input(): lost sys.stdin").raw }
    if stdout.isNull || stdout == pyNone { return raise(runtimeErrorType, "input(): lost sys.stdout").raw }
    if let err = Optional(sysValue("stderr")), !err.isNull, err != pyNone, err.type != streamType {
        let r = callMethod(err, "flush", [])
        if r.isNull { decref(fetchException()) } else { decref(r) }
    }
    if n == 1 {
        let prompt = objectStr(a[0])
        if prompt.isNull { return 0 }
        let ok = writeToStream(stdout, prompt)
        decref(prompt)
        if !ok { return 0 }
    }
    if stdout.type == streamType { flushStdout() } else {
        let r = callMethod(stdout, "flush", [])
        if r.isNull { return 0 }
        decref(r)
    }
    let line = stdin.type == streamType ? newStr(readStdin()) : callMethod(stdin, "readline", [])
    if line.isNull { return 0 }
    defer { decref(line) }
    guard isInstance(line, strType) else {
        return raise(typeErrorType, "object.readline() returned non-string").raw
    }
    let count = strCount(line)
    if count == 0 {
        if !checkSignals() { return 0 }  // read() was interrupted by Ctrl-C
        return raise(eofErrorType(), "EOF when reading a line").raw
    }
    if strBuffer(line)[count - 1] == 0x0A { return strSlice(line, 0, count - 1, 1).raw }
    return newRef(line).raw
}

func eofErrorType() -> TypePtr {
    for (n, t) in exceptionTypes where n == "EOFError" { return t }
    return runtimeErrorType
}

/// print() to a file object other than the real stdout: each piece through its write(), as CPython does, then
/// flush() when asked. (CPython: builtin_print_impl with PyFile_WriteObject/PyFile_WriteString)
func printToFile(_ file: PyValue, _ a: Args, sep: PyValue, end: PyValue, flush: PyValue) -> PyValue {
    for i in 0..<a.n {
        if i > 0 {
            let s = sep.isNull || sep == pyNone ? internStr(" ") : sep
            if !writeToStream(file, s) { return .null }
        }
        let s = objectStr(a[i])
        if s.isNull { return .null }
        let ok = writeToStream(file, s)
        decref(s)
        if !ok { return .null }
    }
    if !writeToStream(file, end.isNull || end == pyNone ? internStr("\n") : end) { return .null }
    if !flush.isNull, isTrue(flush) == 1 {
        if file.type == streamType { flushStdout() } else {
            let r = callMethod(file, "flush", [])
            if r.isNull { return .null }
            decref(r)
        }
    }
    return newRef(pyNone)
}
