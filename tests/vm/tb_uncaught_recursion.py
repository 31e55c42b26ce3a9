# Uncaught RecursionError: the run of identical (file, line, name) entries collapses into
# "[Previous line repeated N more times]" after three.
class Walker:
    def walk(self, n):
        if n < 50:
            return self.walk(n + 1)
        return down(0)

def down(n):
    return down(n + 1)

print("start")
Walker().walk(0)
