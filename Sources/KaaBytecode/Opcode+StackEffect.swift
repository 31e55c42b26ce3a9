/// Stack effects of instructions, as `dis.stack_effect` reports them.
extension Opcode {
    /// The compiler's pseudo-instructions (negative numbers in 3.11's Python/compile.c); they never appear in code
    /// objects but have stack effects the compiler needs.
    public enum Pseudo {
        public static let SETUP_FINALLY = -1
        public static let SETUP_CLEANUP = -2
        public static let SETUP_WITH = -3
        public static let POP_BLOCK = -4
        public static let JUMP = -5
        public static let JUMP_NO_INTERRUPT = -6
        public static let POP_JUMP_IF_FALSE = -7
        public static let POP_JUMP_IF_TRUE = -8
        public static let POP_JUMP_IF_NONE = -9
        public static let POP_JUMP_IF_NOT_NONE = -10
    }

    /// `dis.stack_effect(opcode, oparg, jump=jump)`: nil where CPython raises ValueError (unknown or specialized
    /// opcode, an oparg given to an opcode without argument or missing for one with an argument).
    /// `jump` nil is the maximum of both paths. Arithmetic wraps like C `int`.
    /// CPython: _opcode_stack_effect_impl + stack_effect (Python/compile.c)
    public static func stackEffect(_ opcode: Int, oparg: Int32?, jump: Bool? = nil) -> Int32? {
        // HAS_ARG(op) is `op >= HAVE_ARGUMENT`, so pseudo-instructions take no oparg.
        if opcode >= Int(HAVE_ARGUMENT) {
            if oparg == nil { return nil }
        } else if oparg != nil {
            return nil
        }
        let arg = oparg ?? 0
        // CPython passes jump as an int: -1 (None), 1 (True), 0 (False); `jump ? a : b` treats -1 as true.
        let jumpTruthy = jump ?? true
        let jumpPositive = jump == true
        switch opcode {
        case Pseudo.SETUP_FINALLY, Pseudo.SETUP_WITH: return jumpTruthy ? 1 : 0
        case Pseudo.SETUP_CLEANUP: return jumpTruthy ? 2 : 0
        case Pseudo.POP_BLOCK, Pseudo.JUMP, Pseudo.JUMP_NO_INTERRUPT: return 0
        case Pseudo.POP_JUMP_IF_FALSE, Pseudo.POP_JUMP_IF_TRUE, Pseudo.POP_JUMP_IF_NONE,
             Pseudo.POP_JUMP_IF_NOT_NONE: return -1
        case 0..<256: break
        default: return nil
        }
        switch UInt8(opcode) {
        case NOP, EXTENDED_ARG, RESUME, CACHE: return 0
        case POP_TOP: return -1
        case SWAP: return 0
        case UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT: return 0
        case SET_ADD, LIST_APPEND: return -1
        case MAP_ADD: return -2
        case BINARY_SUBSCR: return -1
        case STORE_SUBSCR: return -3
        case DELETE_SUBSCR: return -2
        case GET_ITER: return 0
        case PRINT_EXPR: return -1
        case LOAD_BUILD_CLASS: return 1
        case RETURN_VALUE, IMPORT_STAR: return -1
        case SETUP_ANNOTATIONS, ASYNC_GEN_WRAP, YIELD_VALUE: return 0
        case POP_EXCEPT: return -1
        case STORE_NAME: return -1
        case DELETE_NAME: return 0
        case UNPACK_SEQUENCE: return arg &- 1
        case UNPACK_EX: return (arg & 0xFF) &+ (arg >> 8)
        case FOR_ITER: return jumpPositive ? -1 : 1
        case SEND: return jumpPositive ? -1 : 0
        case STORE_ATTR: return -2
        case DELETE_ATTR, STORE_GLOBAL: return -1
        case DELETE_GLOBAL: return 0
        case LOAD_CONST, LOAD_NAME: return 1
        case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING: return 1 &- arg
        case BUILD_MAP: return 1 &- 2 &* arg
        case BUILD_CONST_KEY_MAP: return 0 &- arg
        case LOAD_ATTR: return 0
        case COMPARE_OP, IS_OP, CONTAINS_OP: return -1
        case CHECK_EXC_MATCH, CHECK_EG_MATCH: return 0
        case IMPORT_NAME: return -1
        case IMPORT_FROM: return 1
        case JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT: return 0
        case JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP: return jumpTruthy ? 0 : -1
        case POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_FORWARD_IF_NONE,
             POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_TRUE,
             POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE: return -1
        case LOAD_GLOBAL: return (arg & 1) &+ 1
        case PREP_RERAISE_STAR, RERAISE: return -1
        case PUSH_EXC_INFO, WITH_EXCEPT_START: return 1
        case LOAD_FAST: return 1
        case STORE_FAST: return -1
        case DELETE_FAST: return 0
        case RETURN_GENERATOR: return 0
        case RAISE_VARARGS: return 0 &- arg
        case PRECALL: return 0 &- arg
        case KW_NAMES: return 0
        case CALL: return -1
        case CALL_FUNCTION_EX: return -2 - (arg & 1)
        case MAKE_FUNCTION: return -Int32((UInt32(bitPattern: arg) & 0xF).nonzeroBitCount)
        case BUILD_SLICE: return arg == 3 ? -2 : -1
        case MAKE_CELL, COPY_FREE_VARS: return 0
        case LOAD_CLOSURE, LOAD_DEREF, LOAD_CLASSDEREF: return 1
        case STORE_DEREF: return -1
        case DELETE_DEREF: return 0
        case GET_AWAITABLE: return 0
        case BEFORE_ASYNC_WITH, BEFORE_WITH: return 1
        case GET_AITER: return 0
        case GET_ANEXT: return 1
        case GET_YIELD_FROM_ITER: return 0
        case END_ASYNC_FOR: return -2
        // FVS_MASK 0x4, FVS_HAVE_SPEC 0x4: a format spec on the stack is consumed.
        case FORMAT_VALUE: return (arg & 0x4) == 0x4 ? -1 : 0
        case LOAD_METHOD, LOAD_ASSERTION_ERROR: return 1
        case LIST_TO_TUPLE: return 0
        case LIST_EXTEND, SET_UPDATE, DICT_MERGE, DICT_UPDATE: return -1
        case MATCH_CLASS: return -2
        case GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS: return 1
        case COPY, PUSH_NULL: return 1
        case BINARY_OP: return -1
        default: return nil
        }
    }
}
