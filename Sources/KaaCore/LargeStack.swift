#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a thread with a large stack and waits for it.
///
/// Recursive stages (the parser, later the compiler and the VM) report deep nesting as a Python exception
/// (RecursionError, MemoryError, "too many nested parentheses") at depths CPython allows; the 8 MB main-thread
/// stack is too small for that in debug builds, so they run here.
public func withLargeStack<T>(bytes: Int = 1 << 30, _ body: @escaping () -> T) -> T {
    let box = StackBox()
    var result: T? = nil
    box.body = { result = body() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, bytes)
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t? = nil
    #endif
    let context = Unmanaged.passRetained(box).toOpaque()
    let rc = pthread_create(&thread, &attr, { raw in
        let box = Unmanaged<StackBox>.fromOpaque(raw!).takeRetainedValue()
        box.body!()
        return nil
    }, context)
    pthread_attr_destroy(&attr)
    if rc != 0 {
        // No thread could be made: run here rather than fail.
        Unmanaged<StackBox>.fromOpaque(context).release()
        return body()
    }
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
    return result!
}

private final class StackBox: @unchecked Sendable { var body: (() -> Void)? }

