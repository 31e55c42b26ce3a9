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
    var fill: UInt32 = 32
    var fillSpecified = false
    var align: Character? = nil
    var sign: Character = "-"
    var signSpecified = false
    var noNegZero = false
    var alternate = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil
    /// The spec text (for "Invalid format specifier" messages).
    var text = ""
}

/// CPython: parse_internal_render_format_spec. nil with ValueError set.
func parseFormatSpec(_ cps: [UInt32], typeName: String, defaultAlign: Character) -> FormatSpec? {
    var spec = FormatSpec()
    var s = ""
    for c in cps { s.unicodeScalars.append(Unicode.Scalar(c) ?? "?") }
    spec.text = s
    var i = 0
    let n = cps.count
    func isAlign(_ c: UInt32) -> Bool { c == 60 || c == 62 || c == 94 || c == 61 }
    var alignSpecified = false
    if n >= 2 && isAlign(cps[1]) {
        spec.fill = cps[0]; spec.fillSpecified = true; spec.align = Character(Unicode.Scalar(UInt8(cps[1]))); i = 2
        alignSpecified = true
    } else if n >= 1 && isAlign(cps[0]) {
        spec.align = Character(Unicode.Scalar(UInt8(cps[0]))); i = 1; alignSpecified = true
    }
    if i < n && (cps[i] == 43 || cps[i] == 45 || cps[i] == 32) {
        spec.sign = Character(Unicode.Scalar(UInt8(cps[i]))); spec.signSpecified = true; i += 1
    }
    if i < n && cps[i] == 122 { spec.noNegZero = true; i += 1 }
    if i < n && cps[i] == 35 { spec.alternate = true; i += 1 }
    if !spec.fillSpecified && i < n && cps[i] == 48 {
        spec.fill = 48
        if !alignSpecified && defaultAlign == ">" { spec.align = "=" }
        i += 1
    }
    func digits() -> Int? {
        var v = 0, count = 0
        while i < n, let d = unicodeDecimalValue(cps[i]) ?? (cps[i] >= 48 && cps[i] <= 57 ? Int(cps[i] - 48) : nil) {
            if v > (Int.max - 9) / 10 { raise(valueErrorType, "Too many decimal digits in format string"); return nil }
            v = v * 10 + d; i += 1; count += 1
        }
        return count == 0 ? -1 : v
    }
    guard let w = digits() else { return nil }
    spec.width = Swift.max(w, 0)
    if i < n && cps[i] == 44 { spec.grouping = ","; i += 1 }
    if i < n && cps[i] == 95 {
        if spec.grouping != nil { raise(valueErrorType, "Cannot specify both ',' and '_'."); return nil }
        spec.grouping = "_"; i += 1
    }
    if i < n && cps[i] == 44 {
        if spec.grouping == "_" { raise(valueErrorType, "Cannot specify both ',' and '_'."); return nil }
        raise(valueErrorType, "Cannot specify ',' with ','."); return nil
    }
    if i < n && cps[i] == 46 {
        i += 1
        guard let p = digits() else { return nil }
        if p < 0 { raise(valueErrorType, "Format specifier missing precision"); return nil }
        spec.precision = p
    }
    if n - i > 1 {
        raise(valueErrorType, "Invalid format specifier '\(s)' for object of type '\(typeName)'"); return nil
    }
    if i < n { spec.type = Character(Unicode.Scalar(cps[i]) ?? "?"); i += 1 }
    if let g = spec.grouping {
        let t = spec.type ?? (defaultAlign == "<" ? "s" : nil)
        var ok = t == nil || "deEfFgG%".contains(t!)
        if g == "_" && !ok, let tt = t, "boxX".contains(tt) { ok = true }
        if !ok {
            raise(valueErrorType, "Cannot specify '\(g)' with '\(t.map { String($0) } ?? "")'."); return nil
        }
    }
    return spec
}

/// Groups the digit string `digits` every `every` digits with `sep`, zero-padding first until the grouped text is
/// at least `minWidth` long (CPython: _PyUnicode_InsertThousandsGrouping with zero padding).
func groupDigits(_ digits: [UInt32], _ sep: UInt32?, every: Int, minWidth: Int) -> [UInt32] {
    var d = digits
    guard let sp = sep else {
        if d.count < minWidth { d = [UInt32](repeating: 48, count: minWidth - d.count) + d }
        return d
    }
    func groupedLen(_ k: Int) -> Int { k + (k - 1) / every }
    var k = d.count
    while groupedLen(k) < minWidth { k += 1 }
    if k > d.count { d = [UInt32](repeating: 48, count: k - d.count) + d }
    var out: [UInt32] = []
    out.reserveCapacity(groupedLen(k))
    for (j, c) in d.enumerated() {
        if j > 0 && (k - j) % every == 0 { out.append(sp) }
        out.append(c)
    }
    return out
}

private func u32(_ s: String) -> [UInt32] { s.unicodeScalars.map { $0.value } }

/// Lays out [sign][prefix][digits-part][rest] in the spec's width (CPython: calc_number_widths + fill_number).
/// `digits` is the integer part that grouping and '=' zero padding apply to.
func layoutNumber(sign: String, prefix: String, digits: [UInt32], rest: [UInt32], spec: FormatSpec,
                  groupEvery: Int) -> PyValue {
    let signP = u32(sign) + u32(prefix)
    let sep: UInt32? = spec.grouping.map { $0 == "," ? 44 : 95 }
    var body: [UInt32]
    let align = spec.align ?? ">"
    if align == "=" && spec.fill == 48 {
        let minDigits = Swift.max(0, spec.width - signP.count - rest.count)
        body = groupDigits(digits, sep, every: groupEvery, minWidth: minDigits) + rest
    } else {
        body = groupDigits(digits, sep, every: groupEvery, minWidth: 0) + rest
    }
    let total = signP.count + body.count
    if total >= spec.width { return newStr(codePoints: signP + body) }
    let pad = spec.width - total
    let f = spec.fill
    switch align {
    case "<": return newStr(codePoints: signP + body + [UInt32](repeating: f, count: pad))
    case "^":
        let left = pad / 2
        return newStr(codePoints: [UInt32](repeating: f, count: left) + signP + body + [UInt32](repeating: f, count: pad - left))
    case "=": return newStr(codePoints: signP + [UInt32](repeating: f, count: pad) + body)
    default: return newStr(codePoints: [UInt32](repeating: f, count: pad) + signP + body)
    }
}

/// Pads a non-number text (strings, complex) to the spec's width.
func padText(_ body: [UInt32], _ spec: FormatSpec, defaultAlign: Character) -> PyValue {
    if body.count >= spec.width { return newStr(codePoints: body) }
    let pad = spec.width - body.count
    let f = spec.fill
    switch spec.align ?? defaultAlign {
    case "<": return newStr(codePoints: body + [UInt32](repeating: f, count: pad))
    case "^":
        let left = pad / 2
        return newStr(codePoints: [UInt32](repeating: f, count: left) + body + [UInt32](repeating: f, count: pad - left))
    default: return newStr(codePoints: [UInt32](repeating: f, count: pad) + body)
    }
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

/// format(v, spec) (CPython: PyObject_Format and the __format__ of int, float, complex, str).
func formatObject(_ v: PyValue, _ specStr: PyValue) -> PyValue {
    if v.type.pointee.isHeapType && hasHeapDunder(v.type, "__format__") {
        let r = callDunder(v, "__format__", [specStr])
        if !r.isNull && !isInstance(r, strType) {
            defer { decref(r) }
            return raise(typeErrorType, "__format__ must return a str, not \(typeName(r))")
        }
        return r
    }
    return builtinFormat(v, specStr)
}

/// The `__format__` of the built-in types (int, float, complex, str, object), without looking for an override: what
/// `int.__format__(x, spec)` and `super().__format__(spec)` run.
func builtinFormat(_ v: PyValue, _ specStr: PyValue) -> PyValue {
    if !isInstance(specStr, strType) {
        return raise(typeErrorType, "format() argument 2 must be str, not \(typeName(specStr))")
    }
    let cps = Array(strBuffer(specStr))
    let isInt = isIntLike(v) || (!v.isSmallInt && isSubtype(v.type, intType))
    let isFloat = !isInt && (v.type == floatType || isSubtype(v.type, floatType))
    let isComplex = !isInt && !isFloat && !v.isSmallInt && complexType != nil && isSubtype(v.type, complexType)
    let isString = !isInt && !isFloat && !isComplex && isInstance(v, strType)
    if cps.isEmpty {
        if isString && v.type == strType { return newRef(v) }
        return objectStr(v)
    }
    if isInt {
        guard let spec = parseFormatSpec(cps, typeName: typeName(v), defaultAlign: ">") else { return .null }
        return formatInt(v, spec)
    }
    if isFloat {
        guard let spec = parseFormatSpec(cps, typeName: typeName(v), defaultAlign: ">") else { return .null }
        return formatFloat(floatValue(v), spec)
    }
    if isComplex {
        guard let spec = parseFormatSpec(cps, typeName: typeName(v), defaultAlign: ">") else { return .null }
        return formatComplex(complexValue(v), spec)
    }
    if isString {
        guard let spec = parseFormatSpec(cps, typeName: typeName(v), defaultAlign: "<") else { return .null }
        return formatStr(v, spec)
    }
    return raise(typeErrorType, "unsupported format string passed to \(qualifiedTypeName(v.type)).__format__")
}

func formatStr(_ v: PyValue, _ spec: FormatSpec) -> PyValue {
    if let t = spec.type, t != "s" {
        return raise(valueErrorType, "Unknown format code '\(t)' for object of type '\(typeName(v))'")
    }
    if spec.signSpecified { return raise(valueErrorType, "Sign not allowed in string format specifier") }
    if spec.noNegZero { return raise(valueErrorType, "Negative zero coercion (z) not allowed in string format specifier") }
    if spec.alternate { return raise(valueErrorType, "Alternate form (#) not allowed in string format specifier") }
    if spec.align == "=" { return raise(valueErrorType, "'=' alignment not allowed in string format specifier") }
    var body = Array(strBuffer(v))
    if let p = spec.precision, body.count > p { body = Array(body[0..<p]) }
    return padText(body, spec, defaultAlign: "<")
}

func formatInt(_ v: PyValue, _ spec: FormatSpec) -> PyValue {
    let type = spec.type ?? "d"
    if "eEfFgG%".contains(type) {
        guard let d = intToDouble(v) else { return .null }
        return formatFloat(d, spec)
    }
    if !"bcdoxXn".contains(type) {
        return raise(valueErrorType, "Unknown format code '\(type)' for object of type '\(typeName(v))'")
    }
    if spec.precision != nil { return raise(valueErrorType, "Precision not allowed in integer format specifier") }
    if spec.noNegZero { return raise(valueErrorType, "Negative zero coercion (z) not allowed in integer format specifier") }
    guard let b = bigOperand(v) ?? bigOperandIndex(v) else { return .null }
    if type == "c" {
        if spec.signSpecified { return raise(valueErrorType, "Sign not allowed with integer format specifier 'c'") }
        if spec.alternate { return raise(valueErrorType, "Alternate form (#) not allowed with integer format specifier 'c'") }
        guard let cp = Int(exactly: b), cp >= 0, cp <= 0x10FFFF else {
            return raise(overflowErrorType, "%c arg not in range(0x110000)")
        }
        return layoutNumber(sign: "", prefix: "", digits: [], rest: [UInt32(cp)], spec: spec, groupEvery: 3)
    }
    let negative = b.sign == .minus
    let mag = negative ? -b : b
    var digits: String
    var prefix = ""
    var every = 3
    switch type {
    case "x": digits = String(mag, radix: 16); prefix = "0x"; every = 4
    case "X": digits = String(mag, radix: 16).uppercased(); prefix = "0X"; every = 4
    case "o": digits = String(mag, radix: 8); prefix = "0o"; every = 4
    case "b": digits = String(mag, radix: 2); prefix = "0b"; every = 4
    default:
        guard let d = bigDecimalString(mag) else { return .null }
        digits = d
    }
    if !spec.alternate { prefix = "" }
    let sign = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    return layoutNumber(sign: sign, prefix: prefix, digits: u32(digits), rest: [], spec: spec, groupEvery: every)
}

/// The digits of |x| for a float presentation type (CPython: PyOS_double_to_string / format_float_short).
func floatBody(_ x: Double, _ type: Character, _ precision: Int, alternate: Bool, addDot0: Bool) -> String {
    let upper = type == "E" || type == "F" || type == "G"
    if x.isNaN { return upper ? "NAN" : "nan" }
    if x.isInfinite { return upper ? "INF" : "inf" }
    let alt = alternate ? "#" : ""
    switch type {
    case "r": return PyRepr.float(x)
    case "e", "E":
        let s = cFormat("%\(alt).*e", Int32(precision), x)
        return upper ? s.uppercased() : s
    case "f", "F": return cFormat("%\(alt).*f", Int32(precision), x)
    default:
        let p = precision == 0 ? 1 : precision
        // decpt from the correctly rounded p-digit scientific form.
        let sci = cFormat("%.*e", Int32(p - 1), x)
        let exp = Int(sci[sci.index(after: sci.firstIndex(of: "e")!)...]) ?? 0
        let decpt = exp + 1
        var s: String
        if decpt <= -4 || decpt > (addDot0 ? p - 1 : p) {
            s = cFormat("%\(alt).*e", Int32(p - 1), x)
            if !alternate, let e = s.firstIndex(of: "e") {
                var mant = String(s[..<e])
                if mant.contains(".") {
                    while mant.hasSuffix("0") { mant.removeLast() }
                    if mant.hasSuffix(".") { mant.removeLast() }
                }
                s = mant + s[e...]
            }
        } else {
            s = cFormat("%\(alt).*g", Int32(p), x)
            if addDot0 && !s.contains(".") && !s.contains("e") { s += ".0" }
        }
        return upper ? s.uppercased() : s
    }
}

func formatFloat(_ d: Double, _ spec: FormatSpec) -> PyValue {
    var type = spec.type
    if let t = type, !"eEfFgGn%".contains(t) {
        return raise(valueErrorType, "Unknown format code '\(t)' for object of type 'float'")
    }
    var addDot0 = false
    var precision = spec.precision ?? 6
    if type == nil {
        addDot0 = true
        if spec.precision == nil { type = "r"; precision = 0 } else { type = "g" }
    }
    if type == "n" { type = "g" }
    var val = d
    var suffix = ""
    if type == "%" { type = "f"; val *= 100; suffix = "%" }
    var negative = val.sign == .minus && !val.isNaN
    var body = floatBody(Swift.abs(val), type!, precision, alternate: spec.alternate, addDot0: addDot0) + suffix
    if negative && spec.noNegZero && !body.contains(where: { $0 >= "1" && $0 <= "9" }) { negative = false }
    if val.isNaN && val.sign == .minus { negative = false }
    let sign = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    // Split off the integer digits (grouping and zero padding apply to them).
    let cps = u32(body)
    var k = 0
    while k < cps.count && cps[k] >= 48 && cps[k] <= 57 { k += 1 }
    return layoutNumber(sign: sign, prefix: "", digits: Array(cps[0..<k]), rest: Array(cps[k...]), spec: spec, groupEvery: 3)
}

func formatComplex(_ c: Complex64, _ spec: FormatSpec) -> PyValue {
    var type = spec.type
    if let t = type, !"eEfFgGn".contains(t) {
        return raise(valueErrorType, "Unknown format code '\(t)' for object of type 'complex'")
    }
    if spec.fill == 48 && !spec.fillSpecified { return raise(valueErrorType, "Zero padding is not allowed in complex format specifier") }
    if spec.align == "=" { return raise(valueErrorType, "'=' alignment flag is not allowed in complex format specifier") }
    var precision = spec.precision ?? 6
    var skipRe = false, parens = false, addDot0 = false
    if type == nil {
        if spec.precision == nil { type = "r"; precision = 0 } else { type = "g" }
        if c.re == 0 && c.re.sign == .plus { skipRe = true } else { parens = true }
        addDot0 = false
    }
    if type == "n" { type = "g" }
    func part(_ x: Double, forcePlus: Bool) -> String {
        var negative = x.sign == .minus && !x.isNaN
        var b = floatBody(Swift.abs(x), type!, precision, alternate: spec.alternate, addDot0: addDot0)
        if type == "r" && b.hasSuffix(".0") { b.removeLast(2) }
        if negative && spec.noNegZero && !b.contains(where: { $0 >= "1" && $0 <= "9" }) { negative = false }
        let sign = negative ? "-" : (forcePlus ? "+" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : "")))
        return sign + b
    }
    var text = ""
    if !skipRe { text += part(c.re, forcePlus: false) }
    text += part(c.im, forcePlus: !skipRe) + "j"
    if parens { text = "(" + text + ")" }
    return padText(u32(text), spec, defaultAlign: ">")
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
            if i < f.count && f[i] == 42 { // .*
                guard let a = nextArg() else { return .null }
                guard let w = smallOperand(a) else { return raise(typeErrorType, "* wants int") }
                p = String(Swift.max(w, 0)); i += 1
            }
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
            if arg.type == floatType && (conv == "x" || conv == "X" || conv == "o") {
                return raise(typeErrorType, "%\(conv) format: an integer is required, not float")
            }
            if arg.type == floatType && conv != "c" {
                let d = floatValue(arg)
                if d.isNaN || d.isInfinite { return raise(valueErrorType, "cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer") }
                iv = intFromBig(BigInt(d.rounded(.towardZero)))
            } else if !isIntLike(arg) {
                if conv == "c" && arg.type == strType && strCount(arg) == 1 { text = strSwift(arg); break }
                if conv == "c" { return raise(typeErrorType, "%c requires int or char") }
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
