very_long_identifier_name_that_is_longer_than_fifteen_characters = "a string longer than fifteen characters"
x = 123456789012345678901234567890
