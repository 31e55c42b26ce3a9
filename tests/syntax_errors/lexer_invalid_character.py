price = 10 €
