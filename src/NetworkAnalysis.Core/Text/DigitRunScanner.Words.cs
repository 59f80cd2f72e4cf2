namespace NetworkAnalysis.Core.Text;

internal sealed partial class DigitRunScanner
{
    /// <summary>What a number word stands for.</summary>
    private enum WordKind : byte
    {
        /// <summary>One digit ("five", "cinco", "oh").</summary>
        Unit,

        /// <summary>One digit written as an ordinary English word ("to", "for", "won", "ate"): a digit only between other digits.</summary>
        Homophone,

        /// <summary>Two digits, 10-19 ("seventeen").</summary>
        Teen,

        /// <summary>Tens ("seventy"): its digit and a zero that a following unit replaces ("seventy one" is 71).</summary>
        Tens,

        /// <summary>"hundred": two zeros after the digit before it, replaced by following tens and units.</summary>
        Hundred,

        /// <summary>"thousand": three zeros after the digits before it.</summary>
        Thousand,

        /// <summary>A letter standing for a digit (O, o, l, I).</summary>
        Letter,
    }

    // Number words, English then Spanish; longest words first at each position.
    private static readonly (string Word, WordKind Kind, int Value)[] NumberWords = BuildNumberWords();

    private static readonly char[] NumberWordFirstLetters = [.. NumberWords.Select(w => char.ToUpperInvariant(w.Word[0]))];

    private static (string, WordKind, int)[] BuildNumberWords()
    {
        var words = new List<(string, WordKind, int)>
        {
            ("zero", WordKind.Unit, 0), ("oh", WordKind.Unit, 0), ("one", WordKind.Unit, 1), ("two", WordKind.Unit, 2),
            ("three", WordKind.Unit, 3), ("four", WordKind.Unit, 4), ("five", WordKind.Unit, 5), ("six", WordKind.Unit, 6),
            ("seven", WordKind.Unit, 7), ("eight", WordKind.Unit, 8), ("nine", WordKind.Unit, 9),
            ("cero", WordKind.Unit, 0), ("uno", WordKind.Unit, 1), ("dos", WordKind.Unit, 2), ("tres", WordKind.Unit, 3),
            ("cuatro", WordKind.Unit, 4), ("cinco", WordKind.Unit, 5), ("seis", WordKind.Unit, 6), ("siete", WordKind.Unit, 7),
            ("ocho", WordKind.Unit, 8), ("nueve", WordKind.Unit, 9),
            ("won", WordKind.Homophone, 1), ("to", WordKind.Homophone, 2), ("too", WordKind.Homophone, 2),
            ("for", WordKind.Homophone, 4), ("fore", WordKind.Homophone, 4), ("ate", WordKind.Homophone, 8),
            ("ten", WordKind.Teen, 10), ("eleven", WordKind.Teen, 11), ("twelve", WordKind.Teen, 12), ("thirteen", WordKind.Teen, 13),
            ("fourteen", WordKind.Teen, 14), ("fifteen", WordKind.Teen, 15), ("sixteen", WordKind.Teen, 16),
            ("seventeen", WordKind.Teen, 17), ("eighteen", WordKind.Teen, 18), ("nineteen", WordKind.Teen, 19),
            ("twenty", WordKind.Tens, 2), ("thirty", WordKind.Tens, 3), ("forty", WordKind.Tens, 4), ("fourty", WordKind.Tens, 4),
            ("fifty", WordKind.Tens, 5), ("sixty", WordKind.Tens, 6), ("seventy", WordKind.Tens, 7), ("eighty", WordKind.Tens, 8),
            ("ninety", WordKind.Tens, 9),
            ("veinte", WordKind.Tens, 2), ("treinta", WordKind.Tens, 3), ("cuarenta", WordKind.Tens, 4), ("cincuenta", WordKind.Tens, 5),
            ("sesenta", WordKind.Tens, 6), ("setenta", WordKind.Tens, 7), ("ochenta", WordKind.Tens, 8), ("noventa", WordKind.Tens, 9),
            ("hundred", WordKind.Hundred, 0), ("thousand", WordKind.Thousand, 0),
        };
        return [.. words.OrderByDescending(w => w.Item1.Length).ThenBy(w => w.Item1, StringComparer.Ordinal)];
    }

    /// <summary>One segment of a letter run: its length and what it stands for.</summary>
    private readonly record struct Piece(byte Length, WordKind Kind, byte Value);

    /// <summary>Splits the letter run text[start..end) into number words and substitute letters and adds their digits, or fails.</summary>
    /// <remarks>A '0' inside the run is read as the letter o ("th0usand", "zer0") only for matching words.</remarks>
    private bool TrySegment(string text, int start, int end, ref RunState state, bool wordsOnly = false)
    {
        // Most words cannot start a number word or a substitute letter: fail them before setting up the segmentation.
        var c = char.ToUpperInvariant(text[start]);
        if (!(text[start] is 'l' or 'I' || c is 'C' or 'N' or 'S' or 'T' or 'E' or 'Z' or 'F' or 'O' or 'U' or 'D' or 'W' or 'A' or 'H' or 'V'))
        {
            return false;
        }

        var length = end - start;
        Span<char> run = stackalloc char[MaxLetterRun];
        for (var k = 0; k < length; k++)
        {
            run[k] = text[start + k] == '0' ? 'o' : text[start + k];
        }

        Span<Piece> pieces = stackalloc Piece[MaxLetterRun];
        ulong failed = 0;
        var count = 0;
        if (!Segment(run[..length], 0, pieces, ref count, ref failed))
        {
            return false;
        }

        if (wordsOnly)
        {
            for (var k = 0; k < count; k++)
            {
                if (pieces[k].Kind == WordKind.Letter)
                {
                    return false;
                }
            }
        }

        // "hundred" and "thousand" multiply a digit just before them; alone they are words.
        if (pieces[0].Kind is WordKind.Hundred or WordKind.Thousand && !CanMultiply(state))
        {
            return false;
        }

        var pos = start;
        for (var k = 0; k < count; k++)
        {
            var p = pieces[k];
            AddWord(text, ref state, pos, pos + p.Length, p.Kind, p.Value);
            pos += p.Length;
        }

        return true;
    }

    private bool CanMultiply(RunState state) => state.Open && state.Gap <= 1 && _pendingTokens.Count > 0 && _fillable == 0;

    private static bool Segment(ReadOnlySpan<char> run, int pos, Span<Piece> pieces, ref int count, ref ulong failed)
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
        for (var w = 0; w < NumberWords.Length; w++)
        {
            // The first-letter test is what Equals(OrdinalIgnoreCase) would do first, without its call for the other words.
            if (first != NumberWordFirstLetters[w])
            {
                continue;
            }

            var (word, kind, value) = NumberWords[w];
            if (rest.Length >= word.Length && rest[..word.Length].Equals(word, StringComparison.OrdinalIgnoreCase)
                && TryPush(run, pos, new Piece((byte)word.Length, kind, (byte)value), pieces, ref count, ref failed))
            {
                return true;
            }
        }

        var sub = rest[0] switch
        {
            'o' or 'O' => 0,
            'l' or 'I' => 1,
            _ => -1,
        };
        if (sub >= 0 && TryPush(run, pos, new Piece(1, WordKind.Letter, (byte)sub), pieces, ref count, ref failed))
        {
            return true;
        }

        failed |= 1UL << pos;
        return false;
    }

    private static bool TryPush(ReadOnlySpan<char> run, int pos, Piece piece, Span<Piece> pieces, ref int count, ref ulong failed)
    {
        var at = count;
        pieces[at] = piece;
        count++;
        if (Segment(run, pos + piece.Length, pieces, ref count, ref failed))
        {
            return true;
        }

        count = at;
        return false;
    }

    // Zeros at the end of the current group that a following number word may replace ("seventy" 7_, "hundred" _ _).
    private int _fillable;

    /// <summary>Adds the digits of one number word, composing it with the words before it ("five hundred fifty five" is 555).</summary>
    private void AddWord(string text, ref RunState state, int start, int end, WordKind kind, int value)
    {
        var compose = state.Open && state.Gap <= 1;
        switch (kind)
        {
            case WordKind.Unit or WordKind.Homophone when compose && _fillable >= 1:
                Fill(ref state, 1, start, end, (char)('0' + value), kind, 0);
                return;
            case WordKind.Teen when compose && _fillable >= 2:
                Fill(ref state, 2, start, end, '1', kind, 0);
                _pendingTokens[^1] = Token(start, end, (char)('0' + (value % 10)), kind);
                _fillable = 0;
                return;
            case WordKind.Teen:
                AddToken(text, ref state, Token(start, end, '1', kind));
                AddToken(text, ref state, Token(start, end, (char)('0' + (value % 10)), kind));
                return;
            case WordKind.Tens when compose && _fillable >= 2:
                Fill(ref state, 2, start, end, (char)('0' + value), kind, 1);
                return;
            case WordKind.Tens:
                AddToken(text, ref state, Token(start, end, (char)('0' + value), kind));
                AddToken(text, ref state, Token(start, end, '0', kind));
                _fillable = 1;
                return;
            case WordKind.Hundred or WordKind.Thousand:
                state.Gap = 0;
                state.Separator = '\0';
                var zeros = kind == WordKind.Hundred ? 2 : 3;
                for (var k = 0; k < zeros; k++)
                {
                    AddToken(text, ref state, Token(start, end, '0', kind));
                }

                _fillable = zeros;
                return;
            default:
                AddToken(text, ref state, Token(start, end, (char)('0' + value), kind));
                return;
        }
    }

    private static DigitToken Token(int start, int end, char digit, WordKind kind) =>
        new(start, end, digit, kind switch
        {
            WordKind.Letter => DigitTokenKind.Letter,
            WordKind.Homophone => DigitTokenKind.Homophone,
            _ => DigitTokenKind.Word,
        });

    /// <summary>Replaces the zero <paramref name="fromEnd"/> places from the group's end with <paramref name="digit"/>;
    /// the zeros after it take the word's span and <paramref name="keep"/> of them stay replaceable.</summary>
    private void Fill(ref RunState state, int fromEnd, int start, int end, char digit, WordKind kind, int keep)
    {
        var at = _pendingTokens.Count - fromEnd;
        _pendingTokens[at] = Token(start, end, digit, kind);
        for (var k = at + 1; k < _pendingTokens.Count; k++)
        {
            _pendingTokens[k] = _pendingTokens[k] with { Start = start, End = end };
        }

        _fillable = keep;
        state.Gap = 0;
        state.Separator = '\0';
    }

    private void Close(ref RunState state, bool gluedAfter)
    {
        _fillable = 0;
        if (!state.Open)
        {
            state = new RunState { PlusStart = -1 };
            return;
        }

        EndGroup();

        // A group of substitute letters alone ("I", "O", "lol") is a word, not digits: it splits the run. So is a group of
        // homophones ("to", "for") at either end of a run: "text me to 702..." is not 2702....
        var last = _pendingGroups.Count - 1;
        while (last >= 0 && IsWordsOnly(_pendingGroups[last], homophones: true))
        {
            last--;
            gluedAfter = false;
        }

        var from = 0;
        var first = true;
        for (var g = 0; g <= last; g++)
        {
            if (IsWordsOnly(_pendingGroups[g], homophones: g == from) && !IsSpacedZero(g, last))
            {
                Flush(from, g, first ? state.PlusStart : -1, first && state.GluedBefore, gluedAfter: true);
                from = g + 1;
                first = false;
            }
        }

        Flush(from, last + 1, first ? state.PlusStart : -1, first && state.GluedBefore, gluedAfter);
        _pendingTokens.Clear();
        _pendingGroups.Clear();
        state = new RunState { PlusStart = -1 };
    }

    /// <summary>"7 o 2": a lone O between two groups of digits is a zero.</summary>
    private bool IsSpacedZero(int g, int last)
    {
        if (!IsLoneO(g))
        {
            return false;
        }

        // "7 O O 2": a row of lone Os between digits.
        var before = g - 1;
        while (before >= 0 && IsLoneO(before))
        {
            before--;
        }

        var after = g + 1;
        while (after <= last && IsLoneO(after))
        {
            after++;
        }

        return before >= 0 && after <= last
            && !IsWordsOnly(_pendingGroups[before], homophones: false) && !IsWordsOnly(_pendingGroups[after], homophones: false);
    }

    private bool IsLoneO(int g)
    {
        var group = _pendingGroups[g];
        var token = _pendingTokens[group.FirstToken];
        return group.TokenCount == 1 && token.Kind == DigitTokenKind.Letter && token.Digit == '0';
    }

    /// <summary>Whether the group is only substitute letters, or (when <paramref name="homophones"/>) letters and homophones.</summary>
    private bool IsWordsOnly(DigitGroup group, bool homophones)
    {
        for (var t = group.FirstToken; t < group.FirstToken + group.TokenCount; t++)
        {
            var kind = _pendingTokens[t].Kind;
            if (!(kind == DigitTokenKind.Letter || (homophones && kind == DigitTokenKind.Homophone)))
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
