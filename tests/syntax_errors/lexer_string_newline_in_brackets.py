f(a,
  "b
)
