namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>A forward-only byte reader with line reads, exact block reads, push-back and a running position.</summary>
/// <remarks>Memory is one 64 KB buffer plus whatever was pushed back; nothing else grows with the input.</remarks>
internal sealed class ByteSource
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    public ByteSource(Stream stream) => _stream = stream;

    /// <summary>Bytes consumed so far (pushed-back bytes are not consumed).</summary>
    public long Position { get; private set; }

    /// <summary>Whether the last read failed because the underlying data was corrupt (a broken gzip member).</summary>
    public string? StreamError { get; private set; }

    private bool Fill()
    {
        if (_start < _end)
        {
            return true;
        }

        if (StreamError is not null)
        {
            return false;
        }

        _start = 0;
        try
        {
            _end = _stream.Read(_buffer, 0, _buffer.Length);
            if (_end == 0)
            {
                // GZipStream can return 0 at the end of one member before it has looked at the next: ask once more.
                _end = _stream.Read(_buffer, 0, _buffer.Length);
            }
        }
        catch (InvalidDataException ex)
        {
            StreamError = ex.Message;
            _end = 0;
        }

        return _end > 0;
    }

    /// <summary>True when no byte is left.</summary>
    public bool AtEnd => !Fill();

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => Fill() ? _buffer[_start] : -1;

    /// <summary>Reads a line up to and including LF (or the end); keeps at most <paramref name="max"/> bytes of it.</summary>
    /// <returns>The line without its CR LF / LF, or null at the end of the input.</returns>
    public byte[]? ReadLine(int max, out bool tooLong)
    {
        tooLong = false;
        if (!Fill())
        {
            return null;
        }

        using var line = new MemoryStream();
        while (Fill())
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            var take = lf < 0 ? span.Length : lf + 1;
            var keep = Math.Min(take, Math.Max(0, max - (int)line.Length));
            line.Write(span[..keep]);
            tooLong |= keep < take;
            _start += take;
            Position += take;
            if (lf >= 0)
            {
                break;
            }
        }

        var bytes = line.ToArray();
        var n = bytes.Length;
        if (n > 0 && bytes[n - 1] == '\n')
        {
            n--;
        }

        if (n > 0 && bytes[n - 1] == '\r')
        {
            n--;
        }

        return n == bytes.Length ? bytes : bytes[..n];
    }

    /// <summary>Fills <paramref name="target"/>; fewer only at the end of the input.</summary>
    public int ReadBlock(Span<byte> target)
    {
        var done = 0;
        while (done < target.Length && Fill())
        {
            var n = Math.Min(target.Length - done, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(target[done..]);
            _start += n;
            done += n;
            Position += n;
        }

        return done;
    }

    /// <summary>Consumes up to <paramref name="count"/> bytes without keeping them; returns how many there were.</summary>
    public long Skip(long count)
    {
        long done = 0;
        while (done < count && Fill())
        {
            var n = (int)Math.Min(count - done, _end - _start);
            _start += n;
            done += n;
            Position += n;
        }

        return done;
    }

    /// <summary>Puts bytes back in front of the input, to be read again.</summary>
    public void Unread(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var rest = _end - _start;
        if (bytes.Length <= _start)
        {
            _start -= bytes.Length;
            bytes.CopyTo(_buffer.AsSpan(_start));
        }
        else
        {
            var merged = new byte[Math.Max(bytes.Length + rest, 1 << 16)];
            bytes.CopyTo(merged);
            _buffer.AsSpan(_start, rest).CopyTo(merged.AsSpan(bytes.Length));
            _buffer = merged;
            _start = 0;
            _end = bytes.Length + rest;
        }

        Position -= bytes.Length;
    }
}
