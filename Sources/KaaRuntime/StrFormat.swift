/// Placeholder (filled below).
func strFormatMap(_ s: PyValue, _ m: PyValue) -> PyValue { raise(typeErrorType, "format_map unsupported") }
func bytesPercentFormat(_ f: PyValue, _ a: PyValue) -> PyValue { raise(typeErrorType, "bytes % unsupported") }
