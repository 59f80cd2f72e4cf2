namespace NetworkAnalysis.Core.Text;

public static partial class TextNormaliser
{
    private const int MaxAssembled = 2048;
    private const int MaxVariables = 256;

    /// <summary>Reads an inline script for strings assembled from literals and appends the ones that may hold an
    /// address ('@', '&amp;' or "%40" in them), each character mapped to where it is written.</summary>
    /// <remarks>
    /// Nothing is executed. A small lexer recognises string literals ('...', "...", `...` with ${name}), their escapes,
    /// <c>String.fromCharCode(64, ...)</c> with number literals, variables assigned such values (<c>var u = 'mia'</c>) and
    /// '+' between them: <c>document.write(u + '@' + 'example.com')</c> gives "mia@example.com". A variable's characters
    /// map to where the variable is named in the expression, so the span is where the address is assembled. An
    /// expression with an unknown operand (a function's result, a parameter) gives nothing. The assembled string is
    /// normalised again (it may hold markup or entities), without reading scripts inside it. Linear in the script.
    /// </remarks>
    private static void AppendScriptStrings(string s, int start, int end, ref Builder b)
    {
        Dictionary<string, string>? variables = null;
        var value = new ScriptValue();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == '/' && i + 1 < end && s[i + 1] is '/' or '*')
            {
                i = SkipComment(s, i, end);
                continue;
            }

            if (!(c is '\'' or '"' or '`' || IsIdentifierStart(c)) || (i > start && IsIdentifierPart(s[i - 1])))
            {
                i++;
                continue;
            }

            string? target = null;
            if (IsIdentifierStart(c))
            {
                var w = ReadIdentifier(s, i, end);
                var word = s.AsSpan(i, w - i);
                if (word is "var" or "let" or "const")
                {
                    i = w;
                    continue;
                }

                var eq = SkipBlanks(s, w, end);
                var dotted = i > start && s[i - 1] == '.';
                if (!dotted && eq < end && s[eq] == '=' && (eq + 1 >= end || s[eq + 1] is not ('=' or '>')))
                {
                    target = word.ToString();
                    i = SkipBlanks(s, eq + 1, end);
                    if (i >= end || !(s[i] is '\'' or '"' or '`' || IsIdentifierStart(s[i])))
                    {
                        continue;
                    }
                }
            }

            value.Clear();
            var exprStart = i;
            i = ReadExpression(s, i, end, variables, ref value, out var known, out var operands, out var soleVariable);
            if (i <= exprStart)
            {
                i = exprStart + 1;
                continue;
            }

            if (!known)
            {
                continue;
            }

            if (target is not null && (variables is null || variables.Count < MaxVariables || variables.ContainsKey(target)))
            {
                (variables ??= new Dictionary<string, string>(StringComparer.Ordinal))[target] = value.ToString();
            }

            if (operands > 0 && !soleVariable && value.MayHoldAddress())
            {
                AppendAssembled(ref b, ref value, exprStart, i);
            }
        }
    }

    /// <summary>Operands joined by '+'; returns where the expression ends.</summary>
    private static int ReadExpression(string s, int i, int end, Dictionary<string, string>? variables, ref ScriptValue value, out bool known, out int operands, out bool soleVariable)
    {
        known = true;
        operands = 0;
        soleVariable = false;
        var variableOperands = 0;
        var last = i;
        while (i < end)
        {
            var operandStart = i;
            var c = s[i];
            if (c is '\'' or '"' or '`')
            {
                i = ReadLiteral(s, i, end, variables, ref value, ref known);
            }
            else if (IsIdentifierStart(c))
            {
                var w = ReadIdentifier(s, i, end);
                if (s.AsSpan(i, w - i) is "String" && TryFromCharCode(s, w, end, ref value, out var callEnd))
                {
                    i = callEnd;
                }
                else
                {
                    var next = SkipBlanks(s, w, end);
                    if (next < end && s[next] is '.' or '(' or '[')
                    {
                        // A call or member ("document.write(", "x.join("): not an operand of ours.
                        known &= operands == 0;
                        return operands == 0 ? operandStart : last;
                    }

                    if (variables is not null && variables.TryGetValue(s[i..w], out var v))
                    {
                        value.Add(v, i, w);
                        variableOperands++;
                    }
                    else
                    {
                        known = false;
                    }

                    i = w;
                }
            }
            else
            {
                break;
            }

            operands++;
            last = i;
            var plus = SkipBlanks(s, i, end);
            if (plus >= end || s[plus] != '+' || (plus + 1 < end && s[plus + 1] is '+' or '='))
            {
                break;
            }

            i = SkipBlanks(s, plus + 1, end);
        }

        soleVariable = operands == 1 && variableOperands == 1;
        return last;
    }

    /// <summary>A string literal at <paramref name="i"/> (its quote); returns where it ends.</summary>
    private static int ReadLiteral(string s, int i, int end, Dictionary<string, string>? variables, ref ScriptValue value, ref bool known)
    {
        var quote = s[i];
        var p = i + 1;
        while (p < end && s[p] != quote)
        {
            var c = s[p];
            if (c == '\n' && quote != '`')
            {
                break;
            }

            if (c == '\\' && p + 1 < end)
            {
                var e = ReadEscape(s, p, end, out var decoded);
                if (decoded >= 0)
                {
                    value.Add((char)decoded, p, e);
                }

                p = e;
                continue;
            }

            if (quote == '`' && c == '$' && p + 1 < end && s[p + 1] == '{')
            {
                var close = s.IndexOf('}', p + 2, Math.Min(end, p + 66) - (p + 2));
                if (close < 0)
                {
                    known = false;
                    return end;
                }

                if (variables is not null && variables.TryGetValue(s.Substring(p + 2, close - p - 2).Trim(), out var v))
                {
                    value.Add(v, p, close + 1);
                }
                else
                {
                    known = false;
                }

                p = close + 1;
                continue;
            }

            value.Add(c, p, p + 1);
            p++;
        }

        return p < end && s[p] == quote ? p + 1 : p;
    }

    /// <summary>A backslash escape at <paramref name="p"/>; <paramref name="decoded"/> is -1 for a line continuation.</summary>
    private static int ReadEscape(string s, int p, int end, out int decoded)
    {
        var c = s[p + 1];
        decoded = c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', 'v' => '\v', '0' => 0, _ => c };
        if (c == '\n')
        {
            decoded = -1;
            return p + 2;
        }

        var digits = c == 'x' ? 2 : c == 'u' ? 4 : 0;
        var from = p + 2;
        if (c == 'u' && from < end && s[from] == '{')
        {
            var close = s.IndexOf('}', from, Math.Min(end, from + 8) - from);
            if (close > from + 1 && TryHex(s, from + 1, close, out var cp) && cp < 0x10000)
            {
                decoded = cp;
                return close + 1;
            }

            return p + 2;
        }

        if (digits > 0)
        {
            if (from + digits <= end && TryHex(s, from, from + digits, out var cp))
            {
                decoded = cp;
                return from + digits;
            }
        }

        return p + 2;
    }

    /// <summary>"String.fromCharCode(109, 0x40)" after "String" (at <paramref name="w"/>): number literals only.</summary>
    private static bool TryFromCharCode(string s, int w, int end, ref ScriptValue value, out int callEnd)
    {
        callEnd = w;
        const string Name = ".fromCharCode(";
        if (w + Name.Length > end || string.CompareOrdinal(s, w, Name, 0, Name.Length) != 0)
        {
            return false;
        }

        var mark = value.Length;
        var p = w + Name.Length;
        while (true)
        {
            p = SkipBlanks(s, p, end);
            var numberStart = p;
            var hex = p + 1 < end && s[p] == '0' && s[p + 1] is 'x' or 'X';
            var q = hex ? p + 2 : p;
            var digitsStart = q;
            while (q < end && q - digitsStart < 6 && (hex ? char.IsAsciiHexDigit(s[q]) : char.IsAsciiDigit(s[q])))
            {
                q++;
            }

            var code = 0;
            if (q == digitsStart || !(hex ? TryHex(s, digitsStart, q, out code) : int.TryParse(s.AsSpan(digitsStart, q - digitsStart), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out code)) || code is <= 0 or >= 0xD800)
            {
                value.Truncate(mark);
                return false;
            }

            value.Add((char)code, numberStart, q);
            p = SkipBlanks(s, q, end);
            if (p < end && s[p] == ',')
            {
                p++;
                continue;
            }

            if (p < end && s[p] == ')')
            {
                callEnd = p + 1;
                return true;
            }

            value.Truncate(mark);
            return false;
        }
    }

    private static bool TryHex(string s, int from, int to, out int value)
    {
        value = 0;
        for (var k = from; k < to; k++)
        {
            if (!char.IsAsciiHexDigit(s[k]))
            {
                return false;
            }

            value = (value * 16) + HexValue(s[k]);
        }

        return to > from;
    }

    /// <summary>Normalises the assembled string again and appends it between spaces, mapped through its own map.</summary>
    private static void AppendAssembled(ref Builder b, ref ScriptValue value, int exprStart, int exprEnd)
    {
        var assembled = value.ToString();
        var nested = Normalise(assembled, scripts: false);
        b.Append(' ', exprStart, exprStart + 1);
        for (var k = 0; k < nested.Text.Length; k++)
        {
            b.Append(nested.Text[k], value.StartOf(nested.OriginalStart(k)), value.EndOf(nested.OriginalEnd(k) - 1));
        }

        b.Append(' ', exprEnd - 1, exprEnd);
    }

    private static int SkipComment(string s, int i, int end)
    {
        if (s[i + 1] == '/')
        {
            var nl = s.IndexOf('\n', i, end - i);
            return nl < 0 ? end : nl + 1;
        }

        var close = s.IndexOf("*/", i + 2, end - (i + 2), StringComparison.Ordinal);
        return close < 0 ? end : close + 2;
    }

    private static int SkipBlanks(string s, int i, int end)
    {
        while (i < end && s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    private static int ReadIdentifier(string s, int i, int end)
    {
        var w = i;
        while (w < end && IsIdentifierPart(s[w]))
        {
            w++;
        }

        return w;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    /// <summary>A string being assembled, with the original span of each character; capped at <see cref="MaxAssembled"/>.</summary>
    private struct ScriptValue
    {
        private char[]? _chars;
        private int[]? _starts;
        private int[]? _ends;

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public void Truncate(int length) => Length = Math.Min(Length, length);

        public void Add(char c, int start, int end)
        {
            if (Length >= MaxAssembled)
            {
                return;
            }

            if (_chars is null || Length == _chars.Length)
            {
                var size = _chars is null ? 64 : _chars.Length * 2;
                Array.Resize(ref _chars, size);
                Array.Resize(ref _starts, size);
                Array.Resize(ref _ends, size);
            }

            _chars[Length] = c;
            _starts![Length] = start;
            _ends![Length] = end;
            Length++;
        }

        public void Add(string v, int start, int end)
        {
            foreach (var c in v)
            {
                Add(c, start, end);
            }
        }

        public readonly int StartOf(int k) => _starts![k];

        public readonly int EndOf(int k) => _ends![k];

        /// <summary>Whether the string has '@' (or an escape that may be one) and a letter or digit besides.</summary>
        public readonly bool MayHoldAddress()
        {
            var span = _chars.AsSpan(0, Length);
            return (span.IndexOfAny('@', '&') >= 0 || span.IndexOf("%40", StringComparison.Ordinal) >= 0)
                && span.IndexOfAnyInRange('0', '9') + span.IndexOfAnyInRange('a', 'z') + span.IndexOfAnyInRange('A', 'Z') > -3;
        }

        public override readonly string ToString() => _chars is null ? "" : new string(_chars, 0, Length);
    }
}
