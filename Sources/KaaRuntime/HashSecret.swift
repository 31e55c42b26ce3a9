#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key of str hashing (CPython: `_Py_HashSecret.siphash`): k0 and k1 of SipHash-1-3. Both 0 is CPython's
/// PYTHONHASHSEED=0; the `kaa` command sets them from PYTHONHASHSEED at start-up, before any string is hashed.
/// An embedding that does not configure them gets the deterministic key 0.
nonisolated(unsafe) var hashSecretK0: UInt64 = 0
nonisolated(unsafe) var hashSecretK1: UInt64 = 0

extension Runtime {
    /// CPython: _Py_HashRandomization_Init. `seed` nil means random (PYTHONHASHSEED unset or "random"); 0 disables
    /// randomization; another value fills the secret with CPython's LCG (`lcg_urandom`), so hashes, and the order of
    /// printed sets of strings, equal python3's under the same PYTHONHASHSEED.
    public static func configureHashSeed(_ seed: UInt32?) {
        // sizeof(_Py_HashSecret_t) is 24 bytes; SipHash uses the first 16 as k0, k1 (little-endian).
        var secret = [UInt8](repeating: 0, count: 24)
        if let seed {
            if seed != 0 {
                var x: UInt32 = seed
                for i in 0..<secret.count {
                    x = x &* 214013 &+ 2531011
                    secret[i] = UInt8((x >> 16) & 0xff)
                }
            }
        } else {
            let fd = open("/dev/urandom", O_RDONLY)
            if fd >= 0 {
                _ = secret.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                close(fd)
            }
        }
        func word(_ at: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(secret[at + $1]) << (8 * UInt64($1)) }
        }
        hashSecretK0 = word(0)
        hashSecretK1 = word(8)
    }

    /// CPython: config_init_hash_seed — PYTHONHASHSEED is "random" or an integer in [0; 4294967295]. Returns
    /// .success(nil) for random, .success(seed), or .failure for anything else (python3 stops with a fatal error).
    public static func parseHashSeed(_ text: String?) -> Result<UInt32?, HashSeedError> {
        guard let text, !text.isEmpty, text != "random" else { return .success(nil) }
        guard let value = UInt64(text), value <= UInt64(UInt32.max) else { return .failure(HashSeedError()) }
        return .success(UInt32(value))
    }

    public struct HashSeedError: Error {
        public let message = "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an "
            + "integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n"
    }
}
