using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace NetworkAnalysis.Web.Security;

/// <summary>Gives the responses Kestrel writes on its own (400 for a malformed request line or header, 431, 414, 505:
/// the application never runs) the same security headers as the workbench's own responses.</summary>
/// <remarks>
/// Kestrel builds those responses itself and has no hook for their headers, so this connection middleware sits between
/// Kestrel's HTTP layer and the socket. <see cref="WorkbenchGuard"/> marks the connection while one of its responses
/// is on the wire (from its first byte until it completes); a response head written while no application response is
/// in flight is Kestrel's own, and gets the headers inserted after its status line. Bytes of application responses
/// (bodies included, which may hold any text) are passed through unread.
/// </remarks>
internal static class KestrelRejectionHeaders
{
    /// <summary>The connection item set while an application response is on the wire.</summary>
    internal const string AppResponseKey = "netan.app-response";

    private static readonly byte[] HeaderBlock = Encoding.ASCII.GetBytes(string.Concat(WorkbenchGuard.SecurityHeaders.Select(h => h.Name + ": " + h.Value + "\r\n")));

    /// <summary>The connection middleware for a Kestrel endpoint.</summary>
    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        var original = connection.Transport;
        var output = new HeaderWriter(original.Output, connection.Items);
        connection.Transport = new Duplex(original.Input, output);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = original;
        }
    };

    /// <summary>Marks <paramref name="ctx"/>'s connection while its response is on the wire (a no-op outside Kestrel).</summary>
    public static void MarkApplicationResponse(HttpContext ctx)
    {
        if (ctx.Features.Get<IConnectionItemsFeature>()?.Items is not { } items)
        {
            return;
        }

        ctx.Response.OnStarting(() =>
        {
            items[AppResponseKey] = true;
            return Task.CompletedTask;
        });
        ctx.Response.OnCompleted(() =>
        {
            items.Remove(AppResponseKey);
            return Task.CompletedTask;
        });
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>Collects what Kestrel writes until it flushes, then passes it on (with the headers when it is Kestrel's own head).</summary>
    private sealed class HeaderWriter(PipeWriter inner, IDictionary<object, object?> items) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);

        /// <remarks>Kestrel reads it (System.Text.Json flushes by it while it serialises a response).</remarks>
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _buffer.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void Advance(int bytes) => _buffer.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Pass();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Pass();
            return inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Pass();
            return inner.FlushAsync(cancellationToken);
        }

        private void Pass()
        {
            if (_buffer.WrittenCount == 0)
            {
                return;
            }

            var data = _buffer.WrittenSpan;
            var statusLineEnd = data.IndexOf("\r\n"u8);
            if (!items.ContainsKey(AppResponseKey) && data.StartsWith("HTTP/1."u8) && statusLineEnd > 0)
            {
                inner.Write(data[..(statusLineEnd + 2)]);
                inner.Write(HeaderBlock);
                inner.Write(data[(statusLineEnd + 2)..]);
            }
            else
            {
                inner.Write(data);
            }

            _buffer.ResetWrittenCount();
        }
    }
}
