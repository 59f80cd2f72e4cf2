namespace NetworkAnalysis.Core.Text;

internal sealed partial class DigitRunScanner
{
    // Spelled digits, English then Spanish. Longest words are tried first at each position.
    private static readonly (string Word, char Digit)[] DigitWords =
    [
        ("cuatro", '4'), ("nueve", '9'), ("siete", '7'), ("three", '3'), ("seven", '7'), ("eight", '8'), ("cinco", '5'),
        ("zero", '0'), ("cero", '0'), ("four", '4'), ("five", '5'), ("nine", '9'), ("seis", '6'), ("ocho", '8'),
        ("one", '1'), ("uno", '1'), ("two", '2'), ("dos", '2'), ("six", '6'), ("tres", '3'), ("oh", '0'),
    ];

    private static readonly char[] DigitWordFirstLetters = [.. DigitWords.Select(w => char.ToUpperInvariant(w.Word[0]))];

    /// <summary>Splits the letter run text[start..end) into digit words and substitute letters, or fails.</summary>
    private bool TrySegment(string text, int start, int end, ref RunState state)
    {
        // Most words cannot start a digit word or a substitute letter: fail them before setting up the segmentation.
        var c = text[start];
        if (!(c is 'o' or 'O' or 'l' or 'I' || char.ToUpperInvariant(c) is 'C' or 'N' or 'S' or 'T' or 'E' or 'Z' or 'F' or 'O' or 'U' or 'D'))
        {
            return false;
        }

        var length = end - start;
        Span<byte> lengths = stackalloc byte[MaxLetterRun];
        Span<char> digits = stackalloc char[MaxLetterRun];
        Span<bool> letters = stackalloc bool[MaxLetterRun];
        ulong failed = 0;
        var count = 0;
        if (!Segment(text.AsSpan(start, length), 0, lengths, digits, letters, ref count, ref failed))
        {
            return false;
        }

        var pos = start;
        for (var k = 0; k < count; k++)
        {
            AddToken(text, ref state, new DigitToken(pos, pos + lengths[k], digits[k], letters[k] ? DigitTokenKind.Letter : DigitTokenKind.Word));
            pos += lengths[k];
        }

        return true;
    }

    private static bool Segment(ReadOnlySpan<char> run, int pos, Span<byte> lengths, Span<char> digits, Span<bool> letters, ref int count, ref ulong failed)
    {
        if (pos == run.Length)
        {
            return true;
        }

        if ((failed & (1UL << pos)) != 0)
        {
            return false;
        }

        var rest = run[pos..];
        var first = char.ToUpperInvariant(rest[0]);
        for (var w = 0; w < DigitWords.Length; w++)
        {
            // The first-letter test is what Equals(OrdinalIgnoreCase) would do first, without its call for the other 20 words.
            if (first != DigitWordFirstLetters[w])
            {
                continue;
            }

            var (word, digit) = DigitWords[w];
            if (rest.Length >= word.Length && rest[..word.Length].Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                if (TryPush(run, pos, word.Length, digit, false, lengths, digits, letters, ref count, ref failed))
                {
                    return true;
                }
            }
        }

        var sub = rest[0] switch
        {
            'o' or 'O' => '0',
            'l' or 'I' => '1',
            _ => '\0',
        };
        if (sub != '\0' && TryPush(run, pos, 1, sub, true, lengths, digits, letters, ref count, ref failed))
        {
            return true;
        }

        failed |= 1UL << pos;
        return false;
    }

    private static bool TryPush(ReadOnlySpan<char> run, int pos, int length, char digit, bool letter, Span<byte> lengths, Span<char> digits, Span<bool> letters, ref int count, ref ulong failed)
    {
        var at = count;
        lengths[at] = (byte)length;
        digits[at] = digit;
        letters[at] = letter;
        count++;
        if (Segment(run, pos + length, lengths, digits, letters, ref count, ref failed))
        {
            return true;
        }

        count = at;
        return false;
    }

    private void Close(ref RunState state, bool gluedAfter)
    {
        if (!state.Open)
        {
            state = new RunState { PlusStart = -1 };
            return;
        }

        EndGroup();

        // A group of substitute letters alone ("I", "O", "lol") is a word, not digits: it splits the run.
        var from = 0;
        var first = true;
        for (var g = 0; g < _pendingGroups.Count; g++)
        {
            if (IsLettersOnly(_pendingGroups[g]))
            {
                Flush(from, g, first ? state.PlusStart : -1, first && state.GluedBefore, gluedAfter: true);
                from = g + 1;
                first = false;
            }
        }

        Flush(from, _pendingGroups.Count, first ? state.PlusStart : -1, first && state.GluedBefore, gluedAfter);
        _pendingTokens.Clear();
        _pendingGroups.Clear();
        state = new RunState { PlusStart = -1 };
    }

    private bool IsLettersOnly(DigitGroup group)
    {
        for (var t = group.FirstToken; t < group.FirstToken + group.TokenCount; t++)
        {
            if (_pendingTokens[t].Kind != DigitTokenKind.Letter)
            {
                return false;
            }
        }

        return true;
    }

    private void Flush(int fromGroup, int toGroup, int plusStart, bool gluedBefore, bool gluedAfter)
    {
        if (toGroup <= fromGroup)
        {
            return;
        }

        var firstGroup = Groups.Count;
        for (var g = fromGroup; g < toGroup; g++)
        {
            var pending = _pendingGroups[g];
            var firstToken = Tokens.Count;
            for (var t = pending.FirstToken; t < pending.FirstToken + pending.TokenCount; t++)
            {
                Tokens.Add(_pendingTokens[t]);
            }

            Groups.Add(new DigitGroup(firstToken, pending.TokenCount, g == fromGroup ? '\0' : pending.Separator));
        }

        Runs.Add(new DigitRun(firstGroup, toGroup - fromGroup, plusStart, gluedBefore, gluedAfter));
    }
}
