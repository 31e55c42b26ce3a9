print("impfail runs")
FAILED_ONCE = True
raise ValueError("impfail cannot load")
