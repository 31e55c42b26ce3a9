vals = [0, 1, -1, 5, -5, 255, -256, 2**62 - 1, -2**62, 2**63, -2**63 - 1, 2**100 + 12345, -(2**100) + 7, 0x5555555555555555555]
for a in vals:
    for b in vals[:8]:
        print(a & b, a | b, a ^ b, end=' | ')
    print()
for a in vals:
    print(~a, -a, a << 3, a >> 3, a << 70, a >> 70, a >> 1000)
print(True & 3, True | 2, False ^ True, True << 3, True >> 1, ~False)
print(type(True & True).__name__, type(True & 1).__name__, type(True | False).__name__, type(True ^ 5).__name__)
for e in ['1 << -1', '1 >> -5', '1 << 2**70', '0 << 2**70', '5 >> 2**70', '-5 >> 2**70', '1 & 1.0', '1 | "a"', '~1.5']:
    try:
        print(e, {'1 << -1': lambda: 1 << -1, '1 >> -5': lambda: 1 >> -5, '1 << 2**70': lambda: 1 << 2**70, '0 << 2**70': lambda: 0 << 2**70,
                  '5 >> 2**70': lambda: 5 >> 2**70, '-5 >> 2**70': lambda: -5 >> 2**70, '1 & 1.0': lambda: 1 & 1.0, '1 | "a"': lambda: 1 | "a",
                  '~1.5': lambda: ~1.5}[e]())
    except Exception as ex:
        print(e, type(ex).__name__, ex)
x = 0b1011_0110
print(x, bin(x), oct(x), hex(x), bin(-x), oct(-x), hex(-x), bin(0), hex(2**70), oct(-2**70))
print(int.bit_count(-255), (2**200 - 1).bit_count(), (-(2**200)).bit_length())
