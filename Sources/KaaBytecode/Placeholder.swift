public enum Bytecode {}
