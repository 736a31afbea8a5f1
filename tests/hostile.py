"""Values an attacker or a slip of the keyboard sends, shared by the bad-input tests of every
form and API operation: none may give a server error."""

# Numbers: exponents past what Decimal.quantize holds, non-numbers Decimal still reads, a
# negative zero, and a digit string long enough to hit Python's int limit.
HOSTILE_NUMBERS = ["1e30", "1E+27", "1e309", "NaN", "Infinity", "-0", "9" * 5000]

NUL = "Evening\x00PA"
LINE_BREAK = "Evening PA\r\nBcc: everyone@example.org"
BIDI = "Evening PA\u202egnp.exe"
CONTROL = "Evening\x1b[2J PA"
# Each of them refused in one-line text (names, titles); all but the line break in long text.
BAD_ONE_LINE = [NUL, LINE_BREAK, BIDI, CONTROL]
BAD_LONG_TEXT = [NUL, BIDI, CONTROL]
