import KaaBytecode

/// The runtime stage: Python objects and the evaluation loop that runs CPython 3.11 code objects.
/// Design: docs/OBJECT-MODEL.md.
public enum Runtime {}
