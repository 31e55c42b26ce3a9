import sys
runs = getattr(sys, "_imp_counter_runs", 0) + 1
sys._imp_counter_runs = runs
print("impcounter executed, time", runs)
