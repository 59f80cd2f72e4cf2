using NetworkAnalysis.Core.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NetworkAnalysis.Cli;

/// <summary>Spectre render hook: every text segment a command draws (tables, messages, progress descriptions) reaches the
/// terminal with control characters as visible escapes and invisible formatting characters as markers; Spectre's own
/// control codes (colours, cursor moves of progress bars) pass unchanged.</summary>
internal sealed class TerminalSafeHook : IRenderHook
{
    /// <inheritdoc/>
    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
        renderables.Select(r => r is SafeRenderable ? r : new SafeRenderable(r));

    private sealed class SafeRenderable(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak || s.IsWhiteSpace ? s : Neutralise(s));

        private static Segment Neutralise(Segment segment)
        {
            var text = VisibleText.ForTerminal(segment.Text, keepLineBreaks: true);
            return ReferenceEquals(text, segment.Text) ? segment : new Segment(text, segment.Style);
        }
    }
}
