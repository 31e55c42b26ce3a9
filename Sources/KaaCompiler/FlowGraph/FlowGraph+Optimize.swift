import KaaBytecode

/// Flow-graph passes of CPython 3.11's assembler (Python/compile.c, second half).
extension CodeGen {
    /// CPython: normalize_basic_block
    func normalizeBasicBlock(_ bb: BasicBlock) {
        for i in bb.instrs.indices {
            switch bb.instrs[i].opcode {
            case Op.RETURN_VALUE, Op.RAISE_VARARGS, Op.RERAISE:
                bb.exit = true
                bb.nofallthrough = true
            case Op.JUMP, Op.JUMP_NO_INTERRUPT, Op.POP_JUMP_IF_NOT_NONE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_FALSE,
                 Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP, Op.FOR_ITER:
                let op = bb.instrs[i].opcode
                if op == Op.JUMP || op == Op.JUMP_NO_INTERRUPT { bb.nofallthrough = true }
                while let t = bb.instrs[i].target, t.instrs.isEmpty, let n = t.next {
                    bb.instrs[i].target = n
                }
            default: break
            }
        }
    }

    /// CPython: extend_block
    func extendBlock(_ bb: BasicBlock) {
        guard let last = bb.instrs.last else { return }
        guard last.opcode == Op.JUMP || last.opcode == Op.JUMP_FORWARD || last.opcode == Op.JUMP_BACKWARD else {
            return
        }
        guard let t = last.target, t.exit, t.instrs.count <= 4 else { return }
        if t.instrs.contains(where: { $0.loc.line > 0 }) { return }
        bb.instrs[bb.instrs.count - 1].opcode = Op.NOP
        bb.instrs.append(contentsOf: t.instrs)
        bb.exit = true
    }

    /// CPython: clean_basic_block — drop NOPs that carry no needed line.
    func cleanBasicBlock(_ bb: BasicBlock) {
        var dest = 0
        var prevLine = -1
        let n = bb.instrs.count
        if n == 0 { return }
        // Work on the block's instructions outside the block (no uniqueness check of its array per write).
        var instrs = bb.instrs
        bb.instrs = []
        defer { bb.instrs = instrs }
        var src = 0
        while src < n {
            let line = instrs[src].loc.line
            var keep = true
            if instrs[src].opcode == Op.NOP {
                if line < 0 {
                    keep = false
                } else if prevLine == line {
                    keep = false
                } else if src < n - 1 {
                    let nextLine = instrs[src + 1].loc.line
                    if nextLine == line {
                        keep = false
                    } else if nextLine < 0 {
                        instrs[src + 1].loc = instrs[src].loc
                        keep = false
                    }
                } else {
                    var next = bb.next
                    while let nb = next, nb.instrs.isEmpty { next = nb.next }
                    if let nb = next, line == nb.instrs[0].loc.line { keep = false }
                }
            }
            if keep {
                if dest != src { instrs[dest] = instrs[src] }
                dest += 1
                prevLine = line
            }
            src += 1
        }
        instrs.removeLast(n - dest)
    }

    /// CPython: jump_thread
    private func jumpThread(_ bb: BasicBlock, _ i: Int, _ target: Instr, _ opcode: Int) -> Bool {
        if bb.instrs[i].loc.line == target.loc.line && bb.instrs[i].target !== target.target {
            bb.instrs[i].target = target.target
            bb.instrs[i].opcode = opcode
            return true
        }
        return false
    }

    /// CPython: fold_tuple_on_constants
    private func foldTupleOnConstants(_ bb: BasicBlock, _ start: Int, _ n: Int, _ consts: inout [BytecodeConstant]) {
        for i in 0..<n where bb.instrs[start + i].opcode != Op.LOAD_CONST { return }
        var items: [BytecodeConstant] = []
        for i in 0..<n {
            let arg = bb.instrs[start + i].oparg
            guard arg < consts.count else { return }
            items.append(consts[arg])
        }
        let newConst = BytecodeConstant.tuple(items)
        let key = ConstKey(newConst)
        var index = consts.firstIndex(where: { ConstKey($0) == key && sameKind($0, newConst) }) ?? -1
        if index < 0 {
            index = consts.count
            consts.append(newConst)
        }
        for i in 0..<n { bb.instrs[start + i].opcode = Op.NOP }
        bb.instrs[start + n].opcode = Op.LOAD_CONST
        bb.instrs[start + n].oparg = index
    }

    private func sameKind(_ a: BytecodeConstant, _ b: BytecodeConstant) -> Bool {
        if case .tuple = a, case .tuple = b { return true }
        return false
    }

    /// CPython: swaptimize
    private func swaptimize(_ bb: BasicBlock, _ ix: inout Int) {
        let base = ix
        var depth = bb.instrs[base].oparg
        var len = 0
        var more = false
        let limit = bb.instrs.count - base
        while true {
            len += 1
            if len >= limit { break }
            let op = bb.instrs[base + len].opcode
            if op == Op.SWAP {
                depth = max(depth, bb.instrs[base + len].oparg)
                more = true
            } else if op != Op.NOP {
                break
            }
        }
        if !more { return }
        var stack = Array(0..<depth)
        for i in 0..<len where bb.instrs[base + i].opcode == Op.SWAP {
            let oparg = bb.instrs[base + i].oparg
            stack.swapAt(0, oparg - 1)
        }
        var current = len - 1
        let visited = -1
        for i in 0..<depth {
            if stack[i] == visited || stack[i] == i { continue }
            var j = i
            while true {
                if j != 0 {
                    bb.instrs[base + current].opcode = Op.SWAP
                    bb.instrs[base + current].oparg = j + 1
                    current -= 1
                }
                if stack[j] == visited { break }
                let nextJ = stack[j]
                stack[j] = visited
                j = nextJ
            }
        }
        while current >= 0 {
            bb.instrs[base + current].opcode = Op.NOP
            current -= 1
        }
        ix += len - 1
    }

    private static func swappable(_ op: Int) -> Bool { op == Op.STORE_FAST || op == Op.POP_TOP }
    private static func storesTo(_ i: Instr) -> Int { i.opcode == Op.STORE_FAST ? i.oparg : -1 }

    private func nextSwappable(_ bb: BasicBlock, _ i: Int, _ lineno: Int) -> Int {
        var i = i + 1
        while i < bb.instrs.count {
            let ins = bb.instrs[i]
            if lineno >= 0 && ins.loc.line != lineno { return -1 }
            if ins.opcode == Op.NOP { i += 1; continue }
            if CodeGen.swappable(ins.opcode) { return i }
            return -1
        }
        return -1
    }

    /// CPython: apply_static_swaps
    private func applyStaticSwaps(_ bb: BasicBlock, _ start: Int) {
        var i = start
        while i >= 0 {
            let swap = bb.instrs[i]
            if swap.opcode != Op.SWAP {
                if swap.opcode == Op.NOP || CodeGen.swappable(swap.opcode) {
                    i -= 1
                    continue
                }
                return
            }
            let j = nextSwappable(bb, i, -1)
            if j < 0 { return }
            var k = j
            let lineno = bb.instrs[j].loc.line
            var count = swap.oparg - 1
            while count > 0 {
                k = nextSwappable(bb, k, lineno)
                if k < 0 { return }
                count -= 1
            }
            let sj = CodeGen.storesTo(bb.instrs[j]), sk = CodeGen.storesTo(bb.instrs[k])
            if sj >= 0 || sk >= 0 {
                if sj == sk { return }
                for idx in (j + 1)..<k {
                    let s = CodeGen.storesTo(bb.instrs[idx])
                    if s >= 0 && (s == sj || s == sk) { return }
                }
            }
            bb.instrs[i].opcode = Op.NOP
            bb.instrs.swapAt(j, k)
            i -= 1
        }
    }

    /// CPython: optimize_basic_block
    func optimizeBasicBlock(_ bb: BasicBlock, _ consts: inout [BytecodeConstant]) {
        var i = 0
        while i < bb.instrs.count {
            var inst = bb.instrs[i]
            let oparg = inst.oparg
            let nextop = i + 1 < bb.instrs.count ? bb.instrs[i + 1].opcode : 0
            var target = Instr(Op.NOP, loc: .unset)
            if inst.isJump || inst.isBlockPush {
                while let t = inst.target, t.instrs.isEmpty, let n = t.next {
                    inst.target = n
                }
                bb.instrs[i].target = inst.target
                if let t = inst.target, let f = t.instrs.first { target = f }
            }
            switch inst.opcode {
            case Op.LOAD_CONST:
                guard oparg < consts.count else { break }
                let cnt = consts[oparg]
                switch nextop {
                case Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE:
                    bb.instrs[i].opcode = Op.NOP
                    let jumpIfTrue = nextop == Op.POP_JUMP_IF_TRUE
                    if cnt.isTrue == jumpIfTrue {
                        bb.instrs[i + 1].opcode = Op.JUMP
                        bb.nofallthrough = true
                    } else {
                        bb.instrs[i + 1].opcode = Op.NOP
                    }
                case Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP:
                    let jumpIfTrue = nextop == Op.JUMP_IF_TRUE_OR_POP
                    if cnt.isTrue == jumpIfTrue {
                        bb.instrs[i + 1].opcode = Op.JUMP
                        bb.nofallthrough = true
                    } else {
                        bb.instrs[i].opcode = Op.NOP
                        bb.instrs[i + 1].opcode = Op.NOP
                    }
                case Op.IS_OP:
                    let jumpOp = i + 2 < bb.instrs.count ? bb.instrs[i + 2].opcode : 0
                    if case .none = cnt, jumpOp == Op.POP_JUMP_IF_FALSE || jumpOp == Op.POP_JUMP_IF_TRUE {
                        let nextarg = bb.instrs[i + 1].oparg & 0xFF
                        bb.instrs[i].opcode = Op.NOP
                        bb.instrs[i + 1].opcode = Op.NOP
                        let flip = (nextarg ^ (jumpOp == Op.POP_JUMP_IF_FALSE ? 1 : 0)) != 0
                        bb.instrs[i + 2].opcode = flip ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE
                    }
                default: break
                }
            case Op.BUILD_TUPLE:
                if nextop == Op.UNPACK_SEQUENCE && oparg == bb.instrs[i + 1].oparg {
                    switch oparg {
                    case 1:
                        bb.instrs[i].opcode = Op.NOP
                        bb.instrs[i + 1].opcode = Op.NOP
                        i += 1
                        continue
                    case 2, 3:
                        bb.instrs[i].opcode = Op.NOP
                        bb.instrs[i + 1].opcode = Op.SWAP
                        i += 1
                        continue
                    default: break
                    }
                }
                if i >= oparg {
                    foldTupleOnConstants(bb, i - oparg, oparg, &consts)
                }
            case Op.JUMP_IF_FALSE_OR_POP:
                switch target.opcode {
                case Op.POP_JUMP_IF_FALSE:
                    if jumpThread(bb, i, target, Op.POP_JUMP_IF_FALSE) { i -= 1 }
                case Op.JUMP, Op.JUMP_IF_FALSE_OR_POP:
                    if jumpThread(bb, i, target, Op.JUMP_IF_FALSE_OR_POP) { i -= 1 }
                case Op.JUMP_IF_TRUE_OR_POP, Op.POP_JUMP_IF_TRUE:
                    if inst.loc.line == target.loc.line {
                        bb.instrs[i].opcode = Op.POP_JUMP_IF_FALSE
                        bb.instrs[i].target = inst.target?.next
                        i -= 1
                    }
                default: break
                }
            case Op.JUMP_IF_TRUE_OR_POP:
                switch target.opcode {
                case Op.POP_JUMP_IF_TRUE:
                    if jumpThread(bb, i, target, Op.POP_JUMP_IF_TRUE) { i -= 1 }
                case Op.JUMP, Op.JUMP_IF_TRUE_OR_POP:
                    if jumpThread(bb, i, target, Op.JUMP_IF_TRUE_OR_POP) { i -= 1 }
                case Op.JUMP_IF_FALSE_OR_POP, Op.POP_JUMP_IF_FALSE:
                    if inst.loc.line == target.loc.line {
                        bb.instrs[i].opcode = Op.POP_JUMP_IF_TRUE
                        bb.instrs[i].target = inst.target?.next
                        i -= 1
                    }
                default: break
                }
            case Op.POP_JUMP_IF_NOT_NONE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.JUMP:
                if target.opcode == Op.JUMP {
                    if jumpThread(bb, i, target, inst.opcode) { i -= 1 }
                }
            case Op.SWAP:
                if oparg == 1 {
                    bb.instrs[i].opcode = Op.NOP
                    break
                }
                swaptimize(bb, &i)
                applyStaticSwaps(bb, i)
            case Op.PUSH_NULL:
                if nextop == Op.LOAD_GLOBAL && (bb.instrs[i + 1].opcode & 1) == 0 {
                    bb.instrs[i].opcode = Op.NOP
                    bb.instrs[i].oparg = 0
                    bb.instrs[i + 1].oparg |= 1
                }
            default: break
            }
            i += 1
        }
    }

    /// CPython: mark_reachable
    func markReachable(_ entry: BasicBlock) {
        var stack: [BasicBlock] = [entry]
        entry.predecessors = 1
        while let b = stack.popLast() {
            if let n = b.next, !b.nofallthrough {
                if n.predecessors == 0 { stack.append(n) }
                n.predecessors += 1
            }
            for ins in b.instrs where ins.isJump || ins.isBlockPush {
                if let t = ins.target {
                    if t.predecessors == 0 { stack.append(t) }
                    t.predecessors += 1
                }
            }
        }
    }

    /// CPython: eliminate_empty_basic_blocks
    func eliminateEmptyBasicBlocks(_ entry: BasicBlock) {
        var b: BasicBlock? = entry
        while let bb = b {
            if var next = bb.next {
                while next.instrs.isEmpty, let nn = next.next { next = nn }
                bb.next = next
            }
            b = bb.next
        }
        b = entry
        while let bb = b {
            if let last = bb.instrs.last, last.isJump, var t = last.target {
                while t.instrs.isEmpty, let n = t.next { t = n }
                bb.instrs[bb.instrs.count - 1].target = t
            }
            b = bb.next
        }
    }

    /// CPython: optimize_cfg
    func optimizeCFG(_ entry: BasicBlock, _ consts: inout [BytecodeConstant]) {
        var b: BasicBlock? = entry
        while let bb = b {
            optimizeBasicBlock(bb, &consts)
            cleanBasicBlock(bb)
            b = bb.next
        }
        for bb in u.blocks.reversed() { extendBlock(bb) }
        markReachable(entry)
        b = entry
        while let bb = b {
            if bb.predecessors == 0 {
                bb.instrs = []
                bb.nofallthrough = false
            }
            b = bb.next
        }
        eliminateEmptyBasicBlocks(entry)
        b = entry
        while let bb = b {
            cleanBasicBlock(bb)
            b = bb.next
        }
        var maybeEmpty = false
        b = entry
        while let bb = b {
            if let last = bb.instrs.last, last.opcode == Op.JUMP || last.opcode == Op.JUMP_NO_INTERRUPT {
                if last.target === bb.next {
                    bb.nofallthrough = false
                    bb.instrs[bb.instrs.count - 1].opcode = Op.NOP
                    maybeEmpty = true
                }
            }
            b = bb.next
        }
        if maybeEmpty { eliminateEmptyBasicBlocks(entry) }
    }

    /// CPython: is_exit_without_lineno
    func isExitWithoutLineno(_ b: BasicBlock) -> Bool {
        if !b.exit { return false }
        return !b.instrs.contains { $0.loc.line >= 0 }
    }

    /// CPython: duplicate_exits_without_lineno
    func duplicateExitsWithoutLineno() {
        for b in u.blocks.reversed() {
            guard let last = b.instrs.last, last.isJump, let target = last.target else { continue }
            if isExitWithoutLineno(target) && target.predecessors > 1 {
                // CPython: compiler_copy_block
                let nt = newBlock()
                nt.instrs = target.instrs
                nt.exit = target.exit
                nt.nofallthrough = true
                nt.instrs[0].loc = last.loc
                b.instrs[b.instrs.count - 1].target = nt
                target.predecessors -= 1
                nt.predecessors = 1
                nt.next = target.next
                target.next = nt
            }
        }
        for b in u.blocks.reversed() {
            while let n = b.next, n.instrs.isEmpty { b.next = n.next }
        }
        for b in u.blocks.reversed() {
            if !b.nofallthrough, let n = b.next, let last = b.instrs.last {
                if isExitWithoutLineno(n) { n.instrs[0].loc = last.loc }
            }
        }
    }

    /// CPython: propagate_line_numbers
    func propagateLineNumbers(_ entry: BasicBlock) {
        var b: BasicBlock? = entry
        while let bb = b {
            defer { b = bb.next }
            if bb.instrs.isEmpty { continue }
            var prev = Loc.unset
            for i in bb.instrs.indices {
                if bb.instrs[i].loc.line < 0 {
                    bb.instrs[i].loc = prev
                } else {
                    prev = bb.instrs[i].loc
                }
            }
            if !bb.nofallthrough, let n = bb.next, n.predecessors == 1, !n.instrs.isEmpty {
                if n.instrs[0].loc.line < 0 { n.instrs[0].loc = prev }
            }
            if let last = bb.instrs.last, last.isJump, let t = last.target, t.predecessors == 1, !t.instrs.isEmpty {
                if t.instrs[0].loc.line < 0 { t.instrs[0].loc = prev }
            }
        }
    }

    /// CPython: guarantee_lineno_for_exits
    func guaranteeLinenoForExits(_ entry: BasicBlock, _ firstlineno: Int) {
        var lineno = firstlineno
        var b: BasicBlock? = entry
        while let bb = b {
            defer { b = bb.next }
            guard let last = bb.instrs.last else { continue }
            if last.loc.line < 0 {
                if last.opcode == Op.RETURN_VALUE {
                    for i in bb.instrs.indices { bb.instrs[i].loc.line = lineno }
                }
            } else {
                lineno = last.loc.line
            }
        }
    }

    /// CPython: stackdepth
    func stackDepth(_ entry: BasicBlock) throws -> Int {
        for b in u.blocks { b.startDepth = Int.min }
        var stack: [BasicBlock] = []
        var maxdepth = 0
        func push(_ b: BasicBlock, _ depth: Int) {
            if b.startDepth < depth && b.startDepth < 100 {
                b.startDepth = depth
                stack.append(b)
            }
        }
        push(entry, (u.ste.isGenerator || u.ste.isCoroutine) ? 1 : 0)
        while let b = stack.popLast() {
            var depth = b.startDepth
            var next = b.next
            for ins in b.instrs {
                guard let effect = Opcode.stackEffect(ins.opcode, oparg: ins.opcode >= 90 ? Int32(truncatingIfNeeded: ins.oparg) : nil, jump: false) else {
                    throw CompileError(info: .init(message: "compiler stack_effect(opcode=\(ins.opcode), arg=\(ins.oparg)) failed",
                                                   filename: filename))
                }
                let newDepth = depth + Int(effect)
                if newDepth > maxdepth { maxdepth = newDepth }
                if ins.isJump || ins.isBlockPush {
                    let je = Int(Opcode.stackEffect(ins.opcode, oparg: ins.opcode >= 90 ? Int32(truncatingIfNeeded: ins.oparg) : nil, jump: true) ?? 0)
                    let td = depth + je
                    if td > maxdepth { maxdepth = td }
                    if let t = ins.target { push(t, td) }
                }
                depth = newDepth
                if ins.opcode == Op.JUMP_NO_INTERRUPT || ins.opcode == Op.JUMP || ins.opcode == Op.RETURN_VALUE
                    || ins.opcode == Op.RAISE_VARARGS || ins.opcode == Op.RERAISE {
                    next = nil
                    break
                }
            }
            if let n = next { push(n, depth) }
        }
        return maxdepth
    }

    /// CPython: label_exception_targets
    func labelExceptionTargets(_ entry: BasicBlock) {
        var b: BasicBlock? = entry
        while let bb = b { bb.visited = false; b = bb.next }
        var todo: [BasicBlock] = [entry]
        entry.visited = true
        entry.exceptStack = ExceptStack()
        while let bb = todo.popLast() {
            var stack: ExceptStack? = bb.exceptStack
            bb.exceptStack = nil
            guard let es = stack else { continue }
            var handler = es.top
            // The instructions move out of the block for the loop, so writing `except` needs no uniqueness check
            // of the block's array per instruction.
            var instrs = bb.instrs
            bb.instrs = []
            defer { bb.instrs = instrs }
            for i in instrs.indices {
                let ins = instrs[i]
                if ins.isBlockPush {
                    if let t = ins.target, !t.visited {
                        t.exceptStack = stack!.copy()
                        todo.append(t)
                        t.visited = true
                    }
                    // CPython: push_except_block
                    if ins.opcode == Op.SETUP_WITH || ins.opcode == Op.SETUP_CLEANUP { ins.target?.preserveLasti = true }
                    stack!.handlers.append(ins.target)
                    handler = ins.target
                } else if ins.opcode == Op.POP_BLOCK {
                    if stack!.handlers.count > 1 { stack!.handlers.removeLast() }
                    handler = stack!.top
                } else if ins.isJump {
                    instrs[i].except = handler
                    if let t = ins.target, !t.visited {
                        if !bb.nofallthrough {
                            t.exceptStack = stack!.copy()
                        } else {
                            t.exceptStack = stack
                            stack = nil
                        }
                        todo.append(t)
                        t.visited = true
                    }
                } else {
                    instrs[i].except = handler
                }
            }
            if !bb.nofallthrough, let n = bb.next, !n.visited {
                n.exceptStack = stack
                todo.append(n)
                n.visited = true
            }
        }
    }

    /// CPython: convert_exception_handlers_to_nops
    func convertExceptionHandlersToNops(_ entry: BasicBlock) {
        var b: BasicBlock? = entry
        while let bb = b {
            for i in bb.instrs.indices where bb.instrs[i].isBlockPush || bb.instrs[i].opcode == Op.POP_BLOCK {
                bb.instrs[i].opcode = Op.NOP
            }
            b = bb.next
        }
    }

    /// CPython: normalize_jumps — virtual jumps become forward or backward opcodes.
    func normalizeJumps(_ entry: BasicBlock) {
        var b: BasicBlock? = entry
        while let bb = b { bb.visited = false; b = bb.next }
        b = entry
        while let bb = b {
            bb.visited = true
            if let last = bb.instrs.last, last.isJump, let t = last.target {
                let forward = !t.visited
                let k = bb.instrs.count - 1
                switch last.opcode {
                case Op.JUMP: bb.instrs[k].opcode = forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD
                case Op.JUMP_NO_INTERRUPT:
                    bb.instrs[k].opcode = forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT
                case Op.POP_JUMP_IF_NOT_NONE:
                    bb.instrs[k].opcode = forward ? Op.POP_JUMP_FORWARD_IF_NOT_NONE : Op.POP_JUMP_BACKWARD_IF_NOT_NONE
                case Op.POP_JUMP_IF_NONE:
                    bb.instrs[k].opcode = forward ? Op.POP_JUMP_FORWARD_IF_NONE : Op.POP_JUMP_BACKWARD_IF_NONE
                case Op.POP_JUMP_IF_FALSE:
                    bb.instrs[k].opcode = forward ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_BACKWARD_IF_FALSE
                case Op.POP_JUMP_IF_TRUE:
                    bb.instrs[k].opcode = forward ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_BACKWARD_IF_TRUE
                default: break
                }
            }
            b = bb.next
        }
    }
}
