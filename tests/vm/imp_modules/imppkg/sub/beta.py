print("imppkg.sub.beta runs")
BETA = "beta"
def where():
    return __name__
