using System.Text;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Reads lines like <see cref="TextReader.ReadLine"/> but keeps at most a fixed number of characters of each.</summary>
/// <remarks>
/// <see cref="TextReader.ReadLine"/> holds a whole line in memory however long it is, so one multi-gigabyte line
/// without a newline ends the process with an out-of-memory error. This reader consumes such a line to its end but
/// keeps only its first <c>maxChars</c> characters and reports the full length, so the caller can reject it and
/// go on with the next line. Line ends are <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as for <c>ReadLine</c>.
/// </remarks>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxChars;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _builder = new();
    private int _pos;
    private int _len;

    public BoundedLineReader(TextReader reader, int maxChars)
    {
        _reader = reader;
        _maxChars = Math.Max(1, maxChars);
    }

    /// <summary>Reads the next line; false at the end of the input.</summary>
    /// <param name="line">The line's first <c>maxChars</c> characters, without its terminator.</param>
    /// <param name="length">The line's full length in characters (larger than <paramref name="line"/>'s when it was cut).</param>
    public bool TryRead(out string line, out long length)
    {
        _builder.Clear();
        length = 0;
        var any = false;
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                if (!any)
                {
                    line = "";
                    return false;
                }

                break;
            }

            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var end = span.IndexOfAny('\r', '\n');
            var take = end < 0 ? span.Length : end;
            if (end >= 0 && length == 0 && take <= _maxChars)
            {
                // Fast path: the whole line sits in the buffer.
                line = new string(span[..take]);
                length = take;
                Consume(end, span[end]);
                return true;
            }

            var room = _maxChars - _builder.Length;
            if (room > 0)
            {
                _builder.Append(span[..Math.Min(room, take)]);
            }

            length += take;
            if (end < 0)
            {
                _pos = _len;
                continue;
            }

            Consume(end, span[end]);
            break;
        }

        line = _builder.ToString();
        return true;
    }

    private void Consume(int end, char terminatorSeen)
    {
        _pos += end + 1;
        if (terminatorSeen == '\r')
        {
            if (_pos == _len)
            {
                Fill();
            }

            if (_pos < _len && _buffer[_pos] == '\n')
            {
                _pos++;
            }
        }
    }

    private bool Fill()
    {
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
