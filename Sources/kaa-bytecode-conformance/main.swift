// `kaa -m dis` as a separate small executable, so that scripts/conformance-bytecode and bench/unmarshal/run can run
// its batch modes (--kaa-batch-*) independently of the main `kaa` command.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaBytecode

exit(DisModule.main(Array(CommandLine.arguments.dropFirst())))
