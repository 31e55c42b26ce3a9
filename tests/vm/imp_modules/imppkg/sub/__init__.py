print("imppkg.sub runs")
