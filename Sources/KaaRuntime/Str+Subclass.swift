import KaaCore

/// What str subclasses need from str's own code (CPython: unicode_result_unchanged, the `PyUnicode_CheckExact`
/// tests in unicodeobject.c): str's methods return plain str, never an instance of the subclass.

/// `v` itself when it is an exact str, else a new exact str with its code points (a new reference either way).
func strExact(_ v: PyValue) -> PyValue {
    if v.type == strType { return newRef(v) }
    let r = newStr(codePoints: strBuffer(v))
    return r
}

/// No replacement field and no escaped brace: str.format gives the string itself back (CPython: build_string's
/// writer returns its only, whole-string, literal).
func strHasNoBraces(_ v: PyValue) -> Bool {
    !strBuffer(v).contains { $0 == 123 || $0 == 125 }
}
