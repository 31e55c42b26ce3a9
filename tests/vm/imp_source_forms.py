# Module sources as the import system decodes them: coding cookies, a BOM, CRLF, no final newline, future
# imports, non-ASCII identifiers (NFKC-normalised names).
import implatin1, impbom, impcrlf, impnonl, impfuture, impunicode
print(implatin1.TEXT, len(implatin1.TEXT), [hex(ord(c)) for c in implatin1.TEXT[-2:]])
print(impbom.BOM)
print(impcrlf.CRLF2)
print(impnonl.NO_NEWLINE)
print(impfuture.ANNOTATIONS, impfuture.f(5))
print(impunicode.π, impunicode.größe(4))
from impunicode import π as pi
print(pi)
