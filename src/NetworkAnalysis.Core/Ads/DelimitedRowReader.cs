using System.Text;

namespace NetworkAnalysis.Core.Ads;

/// <summary>A record parsed from delimited text, or the reason it could not be.</summary>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Fields">The fields, when the record parsed.</param>
/// <param name="Raw">The raw text of the record (lines joined by '\n').</param>
/// <param name="Error">Why the record could not be parsed, when it could not.</param>
internal readonly record struct DelimitedRecord(int Line, string[]? Fields, string Raw, string? Error);

/// <summary>RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) that recovers from bad rows.</summary>
/// <remarks>
/// A quote left open until the end of the input, or past <c>maxRecordChars</c>, makes its first line an error
/// and parsing restarts on the next line, so one unbalanced quote loses one row, not the rest of the file.
/// </remarks>
internal sealed class DelimitedRowReader
{
    private readonly BoundedLineReader _reader;
    private readonly char _delimiter;
    private readonly int _maxRecordChars;
    private readonly int _maxFields;
    private readonly LinkedList<(int Line, string Text, long Length)> _pushback = new();
    private int _lineNo;

    public DelimitedRowReader(TextReader reader, char delimiter, int maxRecordChars, int maxFields)
    {
        // Bounded: a line over the limit is consumed but only its first characters are kept, so it cannot exhaust memory.
        _reader = new BoundedLineReader(reader, maxRecordChars + 1);
        _delimiter = delimiter;
        _maxRecordChars = maxRecordChars;
        _maxFields = maxFields;
    }

    private bool NextLine(out int line, out string text, out long length)
    {
        if (_pushback.First is { } node)
        {
            _pushback.RemoveFirst();
            (line, text, length) = node.Value;
            return true;
        }

        if (!_reader.TryRead(out text, out length))
        {
            line = 0;
            return false;
        }

        line = ++_lineNo;
        return true;
    }

    public IEnumerable<DelimitedRecord> ReadAll()
    {
        while (NextLine(out var startLine, out var text, out var length))
        {
            if (length == 0)
            {
                continue;
            }

            if (length > _maxRecordChars)
            {
                yield return new DelimitedRecord(startLine, null, text[..Math.Min(text.Length, 200)], $"row is {length:N0} characters, over the limit of {_maxRecordChars:N0}");
                continue;
            }

            var consumed = new List<(int, string, long)> { (startLine, text, length) };
            var fields = new List<string>();
            var field = new StringBuilder();
            var raw = new StringBuilder(text);
            var inQuotes = false;
            var fieldStart = true;
            string? error = null;
            var current = text;
            while (true)
            {
                for (var i = 0; i < current.Length && error is null; i++)
                {
                    var c = current[i];
                    if (inQuotes)
                    {
                        if (c == '"')
                        {
                            if (i + 1 < current.Length && current[i + 1] == '"')
                            {
                                field.Append('"');
                                i++;
                            }
                            else
                            {
                                inQuotes = false;
                            }
                        }
                        else
                        {
                            field.Append(c);
                        }
                    }
                    else if (c == _delimiter)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        fieldStart = true;
                        if (fields.Count >= _maxFields)
                        {
                            error = $"more than {_maxFields:N0} columns";
                        }

                        continue;
                    }
                    else if (c == '"' && fieldStart)
                    {
                        inQuotes = true;
                    }
                    else
                    {
                        field.Append(c);
                    }

                    fieldStart = false;
                }

                if (error is not null || !inQuotes)
                {
                    break;
                }

                if (raw.Length > _maxRecordChars)
                {
                    error = $"quoted field still open after {_maxRecordChars:N0} characters (unbalanced quote?)";
                    break;
                }

                if (!NextLine(out var nextLine, out current, out var nextLength))
                {
                    error = "quote opened here is never closed (unbalanced quote)";
                    break;
                }

                consumed.Add((nextLine, current, nextLength));
                field.Append('\n');
                raw.Append('\n').Append(current);
            }

            if (error is not null)
            {
                // Give back every line after the first, so the rows behind a bad quote are still read.
                for (var k = consumed.Count - 1; k >= 1; k--)
                {
                    _pushback.AddFirst(consumed[k]);
                }

                yield return new DelimitedRecord(startLine, null, text, error);
                continue;
            }

            fields.Add(field.ToString());
            if (raw.Length > _maxRecordChars)
            {
                yield return new DelimitedRecord(startLine, null, text.Length > 200 ? text[..200] : text, $"row is {raw.Length:N0} characters, over the limit of {_maxRecordChars:N0}");
                continue;
            }

            yield return new DelimitedRecord(startLine, fields.ToArray(), raw.ToString(), null);
        }
    }
}
