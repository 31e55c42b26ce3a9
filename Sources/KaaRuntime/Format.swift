#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore
import BigInt

/// format(value, spec) with the format-spec mini-language for int, float and str (CPython: Python/formatter_unicode.c),
/// and printf-style `str % args` (CPython: PyUnicode_Format).

struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil
}

func parseFormatSpec(_ s: String) -> FormatSpec? {
    var spec = FormatSpec()
    let c = Array(s)
    var i = 0
    func isAlign(_ ch: Character) -> Bool { ch == "<" || ch == ">" || ch == "^" || ch == "=" }
    if c.count >= 2 && isAlign(c[1]) { spec.fill = c[0]; spec.align = c[1]; i = 2 }
    else if c.count >= 1 && isAlign(c[0]) { spec.align = c[0]; i = 1 }
    if i < c.count && (c[i] == "+" || c[i] == "-" || c[i] == " ") { spec.sign = c[i]; i += 1 }
    if i < c.count && c[i] == "#" { spec.alternate = true; i += 1 }
    if i < c.count && c[i] == "0" { spec.zeroPad = true; i += 1 }
    var w = 0
    while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { w = w * 10 + d; i += 1 }
    spec.width = w
    if i < c.count && (c[i] == "," || c[i] == "_") { spec.grouping = c[i]; i += 1 }
    if i < c.count && c[i] == "." {
        i += 1
        var p = 0, digits = 0
        while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { p = p * 10 + d; i += 1; digits += 1 }
        if digits == 0 { return nil }
        spec.precision = p
    }
    if i < c.count { spec.type = c[i]; i += 1 }
    if i != c.count { return nil }
    return spec
}

func cFormat(_ fmt: String, _ args: CVarArg...) -> String {
    var size = 128
    while true {
        var buf = [CChar](repeating: 0, count: size)
        let n = withVaList(args) { vsnprintf(&buf, size, fmt, $0) }
        if Int(n) < size { return String(cString: buf) }
        size = Int(n) + 1
    }
}

func groupDigits(_ digits: String, _ sep: Character, every: Int = 3) -> String {
    var out: [Character] = []
    for (k, ch) in digits.reversed().enumerated() {
        if k > 0 && k % every == 0 { out.append(sep) }
        out.append(ch)
    }
    return String(out.reversed())
}

/// Pads `body` (sign already split off into `signStr`) to the spec's width.
func applyWidth(_ signStr: String, _ body: String, _ spec: FormatSpec, defaultAlign: Character) -> String {
    let total = signStr.count + body.count
    if total >= spec.width { return signStr + body }
    let pad = spec.width - total
    var fill = spec.fill
    var align = spec.align ?? defaultAlign
    if spec.zeroPad && spec.align == nil { fill = "0"; align = "=" }
    let f = String(fill)
    switch align {
    case "<": return signStr + body + String(repeating: f, count: pad)
    case "^":
        let left = pad / 2
        return String(repeating: f, count: left) + signStr + body + String(repeating: f, count: pad - left)
    case "=": return signStr + String(repeating: f, count: pad) + body
    default: return String(repeating: f, count: pad) + signStr + body
    }
}

func formatObject(_ v: PyValue, _ specStr: PyValue) -> PyValue {
    let s = strSwift(specStr)
    if v.type.pointee.isHeapType && hasHeapDunder(v.type, "__format__") {
        let r = callDunder(v, "__format__", [specStr])
        if !r.isNull && !isInstance(r, strType) {
            defer { decref(r) }
            return raise(typeErrorType, "__format__ must return a str, not \(typeName(r))")
        }
        return r
    }
    if s.isEmpty { return objectStr(v) }
    guard let spec = parseFormatSpec(s) else { return raise(valueErrorType, "Invalid format specifier") }
    if isIntLike(v) && v.type != boolType || (v.type == boolType && spec.type != nil) {
        return formatInt(v, spec)
    }
    if v.type == floatType { return formatFloat(floatValue(v), spec) }
    if v.type == strType || isInstance(v, strType) {
        if let t = spec.type, t != "s" {
            return raise(valueErrorType, "Unknown format code '\(t)' for object of type 'str'")
        }
        var body = strSwift(v)
        if let p = spec.precision { body = String(body.prefix(p)) }
        return newStr(applyWidth("", body, spec, defaultAlign: "<"))
    }
    // Other objects: format(str(v), spec) (object.__format__ rejects a non-empty spec).
    return raise(typeErrorType, "unsupported format string passed to \(typeName(v)).__format__")
}

func formatInt(_ v: PyValue, _ spec: FormatSpec) -> PyValue {
    let type = spec.type ?? "d"
    if "eEfFgG%".contains(type) {
        guard let d = intToDouble(v) else { return .null }
        return formatFloat(d, spec)
    }
    guard let b = bigOperand(v) else { return .null }
    let negative = b.sign == .minus
    let mag = negative ? -b : b
    var digits: String
    var prefix = ""
    switch type {
    case "d", "n": digits = String(mag)
    case "x": digits = String(mag, radix: 16); prefix = spec.alternate ? "0x" : ""
    case "X": digits = String(mag, radix: 16).uppercased(); prefix = spec.alternate ? "0X" : ""
    case "o": digits = String(mag, radix: 8); prefix = spec.alternate ? "0o" : ""
    case "b": digits = String(mag, radix: 2); prefix = spec.alternate ? "0b" : ""
    case "c":
        guard let cp = Int(exactly: b), cp >= 0, cp <= 0x10FFFF, let u = Unicode.Scalar(UInt32(cp)) else {
            return raise(overflowErrorType, "%c arg not in range(0x110000)")
        }
        return newStr(applyWidth("", String(Character(u)), spec, defaultAlign: "<"))
    default:
        return raise(valueErrorType, "Unknown format code '\(type)' for object of type '\(typeName(v))'")
    }
    if spec.precision != nil { return raise(valueErrorType, "Precision not allowed in integer format specifier") }
    if let g = spec.grouping {
        let every = (type == "d" || type == "n") ? 3 : 4
        if spec.zeroPad && spec.align == nil && spec.width > 0 {
            // Zero padding participates in grouping (CPython pads digits before inserting separators).
            let signLen = (negative || spec.sign != "-") ? 1 : 0
            var d = digits
            while groupDigits(d, g, every: every).count + signLen + prefix.count < spec.width { d = "0" + d }
            digits = groupDigits(d, g, every: every)
            let signStr = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
            return newStr(signStr + prefix + digits)
        }
        digits = groupDigits(digits, g, every: every)
    }
    let signStr = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    return newStr(applyWidth(signStr + prefix, digits, spec, defaultAlign: ">"))
}

func formatFloat(_ d: Double, _ spec: FormatSpec) -> PyValue {
    var type = spec.type
    var precision = spec.precision
    if let t = type, !"eEfFgGn%".contains(t) {
        return raise(valueErrorType, "Unknown format code '\(t)' for object of type 'float'")
    }
    let negative = d.sign == .minus && !d.isNaN
    let mag = Swift.abs(d)
    var body: String
    if mag.isNaN || mag.isInfinite {
        body = mag.isNaN ? "nan" : "inf"
        if let t = type, t.isUppercase { body = body.uppercased() }
    } else if type == nil && precision == nil {
        body = PyRepr.float(mag)
    } else {
        var suffix = ""
        var value = mag
        if type == "%" { value *= 100; type = "f"; suffix = "%" }
        if type == "n" { type = "g" }
        let noType = type == nil
        if noType { type = "g" }
        if precision == nil { precision = 6 }
        let t = type!
        body = cFormat("%\(spec.alternate ? "#" : "").*\(t)", Int32(precision!), value) + suffix
        if noType && !body.contains(".") && !body.contains("e") && !body.contains("n") && !body.contains("i") {
            if precision! > body.filter({ $0.isNumber }).count || true {
                // `format(1.0, '.3')` → '1.0': no type keeps at least one fractional digit in fixed notation.
                body += ".0"
            }
        }
        if noType, let e = body.firstIndex(of: "e") {
            _ = e
        }
    }
    if let g = spec.grouping {
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var intPart = String(parts[0])
        var rest = parts.count > 1 ? "." + parts[1] : ""
        if let e = intPart.firstIndex(where: { !$0.isNumber }) { rest = String(intPart[e...]) + rest; intPart = String(intPart[..<e]) }
        body = groupDigits(intPart, g) + rest
    }
    let signStr = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    return newStr(applyWidth(signStr, body, spec, defaultAlign: ">"))
}

/// ascii(v): repr with non-ASCII characters escaped.
func objectAscii(_ v: PyValue) -> PyValue {
    let r = objectRepr(v)
    if r.isNull { return .null }
    defer { decref(r) }
    var out = ""
    for c in strBuffer(r) {
        if c < 128 { out.unicodeScalars.append(Unicode.Scalar(c)!) }
        else if c < 256 { out += "\\x" + String(c, radix: 16).leftPadded(to: 2) }
        else if c < 65536 { out += "\\u" + String(c, radix: 16).leftPadded(to: 4) }
        else { out += "\\U" + String(c, radix: 16).leftPadded(to: 8) }
    }
    return newStr(out)
}

/// printf-style formatting: `fmt % args` (CPython: PyUnicode_Format), the common conversions.
func strPercentFormat(_ fmt: PyValue, _ args: PyValue) -> PyValue {
    let f = Array(strBuffer(fmt))
    var out: [UInt32] = []
    var items: [PyValue]
    let isTuple = args.type == tupleType
    let isMapping = !isTuple && (args.type == dictType)
    if isTuple { items = (0..<tupleCount(args)).map { tupleItem(args, $0) } } else { items = [args] }
    var argIndex = 0
    var i = 0
    func nextArg() -> PyValue? {
        if argIndex >= items.count { raise(typeErrorType, "not enough arguments for format string"); return nil }
        argIndex += 1
        return items[argIndex - 1]
    }
    while i < f.count {
        let ch = f[i]
        if ch != 37 { out.append(ch); i += 1; continue }
        i += 1
        if i >= f.count { return raise(valueErrorType, "incomplete format") }
        var key: PyValue? = nil
        if f[i] == 40 { // (key)
            var j = i + 1
            var depth = 1
            while j < f.count && depth > 0 { if f[j] == 40 { depth += 1 } else if f[j] == 41 { depth -= 1 }; j += 1 }
            let k = newStr(codePoints: f[(i + 1)..<(j - 1)])
            defer { decref(k) }
            if !isMapping { return raise(typeErrorType, "format requires a mapping") }
            let v = getItem(args, k)
            if v.isNull { return .null }
            decref(v)
            key = v
            i = j
        }
        var flags = ""
        while i < f.count, let c = Unicode.Scalar(f[i]), "-+ #0".unicodeScalars.contains(c) { flags.unicodeScalars.append(c); i += 1 }
        var width = ""
        if i < f.count && f[i] == 42 { // *
            guard let a = nextArg(), let w = smallOperand(a) else { return raise(typeErrorType, "* wants int") }
            width = String(w); i += 1
        }
        while i < f.count && f[i] >= 48 && f[i] <= 57 { width.unicodeScalars.append(Unicode.Scalar(f[i])!); i += 1 }
        var precision: String? = nil
        if i < f.count && f[i] == 46 {
            i += 1
            var p = ""
            while i < f.count && f[i] >= 48 && f[i] <= 57 { p.unicodeScalars.append(Unicode.Scalar(f[i])!); i += 1 }
            precision = p.isEmpty ? "0" : p
        }
        while i < f.count && (f[i] == 108 || f[i] == 104 || f[i] == 76) { i += 1 }
        if i >= f.count { return raise(valueErrorType, "incomplete format") }
        let conv = Character(Unicode.Scalar(f[i])!)
        i += 1
        if conv == "%" { out.append(37); continue }
        guard let arg = key ?? nextArg() else { return .null }
        var text: String
        switch conv {
        case "s", "r", "a":
            let r = conv == "s" ? objectStr(arg) : (conv == "r" ? objectRepr(arg) : objectAscii(arg))
            if r.isNull { return .null }
            text = strSwift(r); decref(r)
            if let p = precision, let n = Int(p) { text = String(text.prefix(n)) }
        case "d", "i", "u", "x", "X", "o", "c":
            var iv = arg
            if arg.type == floatType && conv != "c" {
                let d = floatValue(arg)
                if d.isNaN || d.isInfinite { return raise(valueErrorType, "cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer") }
                iv = intFromBig(BigInt(d.rounded(.towardZero)))
            } else if !isIntLike(arg) {
                if conv == "c" && arg.type == strType && strCount(arg) == 1 { text = strSwift(arg); break }
                return raise(typeErrorType, "%\(conv) format: a\(conv == "c" ? "n int or a unicode character" : " real number") is required, not \(typeName(arg))")
            } else { incref(iv) }
            defer { decref(iv) }
            var spec = FormatSpec()
            spec.type = conv == "i" || conv == "u" ? "d" : conv
            spec.alternate = flags.contains("#")
            if flags.contains("+") { spec.sign = "+" } else if flags.contains(" ") { spec.sign = " " }
            let r = formatInt(iv, spec)
            if r.isNull { return .null }
            text = strSwift(r); decref(r)
            if let p = precision, let n = Int(p) {
                var sign = ""
                if text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix(" ") { sign = String(text.removeFirst()) }
                if text.count < n { text = String(repeating: "0", count: n - text.count) + text }
                text = sign + text
            }
        case "f", "F", "e", "E", "g", "G":
            guard let d = floatOperand(arg) else {
                if curExc.isNull { return raise(typeErrorType, "must be real number, not \(typeName(arg))") }
                return .null
            }
            var spec = FormatSpec()
            spec.type = conv
            spec.precision = Int(precision ?? "6")
            spec.alternate = flags.contains("#")
            if flags.contains("+") { spec.sign = "+" } else if flags.contains(" ") { spec.sign = " " }
            let r = formatFloat(d, spec)
            if r.isNull { return .null }
            text = strSwift(r); decref(r)
        default:
            return raise(valueErrorType, "unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
        }
        if let w = Int(width), text.count < w {
            if flags.contains("-") { text += String(repeating: " ", count: w - text.count) }
            else if flags.contains("0") && "dixXofFeEgGu".contains(conv) {
                var sign = ""
                if text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix(" ") { sign = String(text.removeFirst()) }
                text = sign + String(repeating: "0", count: w - text.count - sign.count) + text
            } else { text = String(repeating: " ", count: w - text.count) + text }
        }
        out += text.unicodeScalars.map { $0.value }
    }
    if isTuple && argIndex < items.count {
        return raise(typeErrorType, "not all arguments converted during string formatting")
    }
    if !isTuple && !isMapping && argIndex == 0 && !items.isEmpty {
        return raise(typeErrorType, "not all arguments converted during string formatting")
    }
    return newStr(codePoints: out)
}
